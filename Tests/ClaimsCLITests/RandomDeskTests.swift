import Foundation
import TestSupport
import Testing

/// The randomized convergence test of issues 11 and 12: seeded days of a desk (see ``RandomDesk``),
/// each of which must end with every clone identical to the remote, checks clean, and every action
/// that exited 0 accounted for. `Benchmarks/reliability.sh` runs thousands more.
@Suite struct RandomDeskTests {
  @Test(arguments: 1...UInt64(ProcessInfo.processInfo.environment["CLAIMS_RANDOM_DESKS"].flatMap(UInt64.init) ?? 200))
  func aDayOfTheDeskLosesNothing(seed: UInt64) throws {
    let scratch = ScratchDirectory()
    let report = try RandomDesk.run(seed: seed, steps: 24, in: scratch.path)
    #expect(report.failures.isEmpty, "seed \(seed): \(report.failures.joined(separator: "\n"))")
    #expect(report.identical)
    #expect(report.events == report.eventsFound)
    #expect(report.concurrentReplacements == report.replacementsNamed)
  }
}

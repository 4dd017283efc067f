import Foundation
import TestSupport
import Testing

/// The reliability scenarios at unit-test size; `Benchmarks/reliability.sh` runs them at full size
/// and prints the figures.
@Suite(.serialized) struct ReliabilityTests {
  @Test func fourWritersOfTwoHundredVerdictsEachLoseNothing() throws {
    let scratch = ScratchDirectory()
    let report = try WriterLoad.run(writers: 4, actions: 200, in: scratch.path("ledger"))
    #expect(report.failedWriters.isEmpty, "\(report.failedWriters)")
    #expect(report.verdictCommits == 800)
    #expect(report.reviewFiles == 800)
    #expect(report.lost == 0)
    #expect(report.checkPassed)
    #expect(report.isClean)
  }

  @Test func processesKilledAtRandomMomentsLeaveALedgerThatPassesCheck() throws {
    let scratch = ScratchDirectory()
    let report = try CrashRun.run(kills: 30, in: scratch.path("ledger"))
    #expect(report.failures.isEmpty, "\(report.failures)")
    #expect(report.survived == 30)
    #expect(report.killedRunning > 15)
    #expect(report.reportedCommitsFound == report.reportedCommits)
    // A dead writer's locks are cleared at once, not after the 10 s a foreign lock is given.
    #expect(report.slowestWriteAfterKill < 5)
  }

  @Test(
    .enabled(
      if: FileManager.default.isExecutableFile(atPath: IndexCrashRun.strace), "needs strace (.ci/run installs it)"))
  func processesKilledAtEachStepOfTheIndexWriteLeaveAWholeIndex() throws {
    let scratch = ScratchDirectory()
    let report = try IndexCrashRun.run(in: scratch.path("ledger"))
    #expect(report.failures.isEmpty, "\(report.failures)")
    #expect(report.killed.count == IndexCrashRun.steps.count)
    #expect(report.wholeAfterKill == report.killed)
    #expect(report.recovered == report.killed)
  }

  @Test func threeClonesSyncingInRandomOrderConvergeWithNothingLost() throws {
    let scratch = ScratchDirectory()
    let report = try Convergence.run(actionsPerClone: 30, rounds: 6, in: scratch.path)
    #expect(report.failures.isEmpty, "\(report.failures)")
    #expect(report.identical)
    #expect(report.actions > 60)
    #expect(report.lost == 0)
  }
}

import Foundation
import Git
import TestSupport
import Testing

/// `claims pack` killed at random moments loses no object, and finished it leaves one pack.
@Suite struct PackCommandTests {
  private func allObjects(in directory: String) throws -> Set<String> {
    Set(
      try ProcessRunner.git(["cat-file", "--batch-all-objects", "--batch-check=%(objectname)"], in: directory).stdout
        .split(separator: "\n").map(String.init))
  }

  @Test func aPackKilledAtAnyMomentLosesNothing() throws {
    let scratch = ScratchDirectory()
    let ledger = scratch.path("ledger")
    #expect(CLIHarness.run(["init", ledger], in: scratch.path).status == 0)
    try scratch.write("The storm reached the coast on Monday. Rain fell for days.\n", to: "storm.txt")
    #expect(CLIHarness.run(["import", scratch.path("storm.txt"), "--id", "storm"], in: ledger).status == 0)
    // Thousands of loose objects and a few packs, as weeks of a desk leave them.
    let repository = try Repository(openingAt: ledger)
    for round in 0..<3 {
      for item in 0..<1_000 { _ = try repository.writeBlob(Array("object \(round) \(item)\n".utf8)) }
      if round < 2 { try ProcessRunner.git(["repack", "-q"], in: ledger) }
    }
    let before = try allObjects(in: ledger)
    var random = SystemRandomNumberGenerator()
    var killedRunning = 0
    for _ in 0..<8 {
      let child = try ChildProcess(
        ProcessRunner.claimsExecutable, ["pack"], in: ledger, environment: CLIHarness.defaultEnvironment)
      usleep(UInt32.random(in: 0..<250_000, using: &random))
      child.kill()
      if child.wait().signal != nil { killedRunning += 1 }
      #expect(try allObjects(in: ledger).isSuperset(of: before))
      #expect(try ProcessRunner.gitStatus(["fsck", "--no-dangling"], in: ledger).status == 0)
    }
    let finished = try ChildProcess.run(
      ProcessRunner.claimsExecutable, ["pack", "--json"], in: ledger, environment: CLIHarness.defaultEnvironment)
    #expect(finished.status == 0, "\(finished.stderr)")
    let result = try #require(try JSONSerialization.jsonObject(with: Data(finished.stdout.utf8)) as? [String: Any])
    #expect(result["loose_objects_after"] as? Int == 0)
    #expect(try allObjects(in: ledger) == before)
    #expect(try ProcessRunner.git(["count-objects", "-v"], in: ledger).stdout.hasPrefix("count: 0\n"))
    #expect(CLIHarness.run(["check"], in: ledger).status == 0)
    // Most kills must land while it runs, or the test proves little.
    #expect(killedRunning >= 4)
  }
}

import Dispatch
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
    let template = scratch.path("template")
    #expect(CLIHarness.run(["init", template], in: scratch.path).status == 0)
    try scratch.write("The storm reached the coast on Monday. Rain fell for days.\n", to: "storm.txt")
    #expect(CLIHarness.run(["import", scratch.path("storm.txt"), "--id", "storm"], in: template).status == 0)
    // Thousands of loose objects and a few packs, as weeks of a desk leave them.
    let repository = try Repository(openingAt: template)
    for round in 0..<3 {
      for item in 0..<1_000 { _ = try repository.writeBlob(Array("object \(round) \(item)\n".utf8)) }
      if round < 2 { try ProcessRunner.git(["repack", "-q"], in: template) }
    }
    let before = try allObjects(in: template)
    // Each kill hits its own copy of that state at a random moment of a whole run, timed first on
    // another copy: a run that finished would leave the next nothing to pack, and kills timed
    // blindly mostly landed before it started or after it ended.
    func copy(_ name: String) throws -> String {
      let path = scratch.path(name)
      let copied = try ProcessRunner.run("/bin/cp", ["-a", template, path], in: scratch.path)
      try #require(copied.status == 0, "cp: \(copied.stderr)")
      return path
    }
    let timed = try copy("timed")
    let start = DispatchTime.now().uptimeNanoseconds
    let whole = try ChildProcess.run(
      ProcessRunner.claimsExecutable, ["pack", "--json"], in: timed, environment: CLIHarness.defaultEnvironment)
    let duration = DispatchTime.now().uptimeNanoseconds - start
    #expect(whole.status == 0, "\(whole.stderr)")
    let result = try #require(try JSONSerialization.jsonObject(with: Data(whole.stdout.utf8)) as? [String: Any])
    #expect(result["loose_objects_after"] as? Int == 0)
    #expect(try allObjects(in: timed) == before)
    #expect(try ProcessRunner.git(["count-objects", "-v"], in: timed).stdout.hasPrefix("count: 0\n"))
    #expect(CLIHarness.run(["check"], in: timed).status == 0)

    var random = SystemRandomNumberGenerator()
    var killedRunning = 0
    var attempts = 0
    // Kills until eight have landed while a pack ran. A run that finished before its kill (the
    // machine was faster than when timed) shortens the delays that follow.
    var longestDelay = max(1, duration * 9 / 10)
    while killedRunning < 8, attempts < 32 {
      let ledger = try copy("killed-\(attempts)")
      attempts += 1
      let delay = UInt64.random(in: 0..<longestDelay, using: &random)
      let child = try ChildProcess(
        ProcessRunner.claimsExecutable, ["pack"], in: ledger, environment: CLIHarness.defaultEnvironment)
      usleep(UInt32(delay / 1_000))
      child.kill()
      if child.wait().signal != nil {
        killedRunning += 1
      } else {
        longestDelay = max(1, delay * 9 / 10)
      }
      #expect(try allObjects(in: ledger).isSuperset(of: before))
      #expect(try ProcessRunner.gitStatus(["fsck", "--no-dangling"], in: ledger).status == 0)
      // The next run finishes the job with nothing lost.
      #expect(CLIHarness.run(["pack"], in: ledger).status == 0)
      #expect(try allObjects(in: ledger) == before)
      #expect(CLIHarness.run(["check"], in: ledger).status == 0)
    }
    // The kills must land while it runs, or the test proves little.
    #expect(killedRunning == 8, "\(killedRunning) of \(attempts) kills landed while a pack ran")
  }
}

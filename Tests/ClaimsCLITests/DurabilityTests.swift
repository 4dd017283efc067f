import Foundation
import TestSupport
import Testing

/// A laptop that loses power mid-command must not lose an action `claims` reported as done. That
/// cannot be staged in a test, so strace watches the system calls of a real `claims verdict`: every
/// object, the write journal and the branch reach the disk before the branch file is renamed into
/// place, and the command reports success only after that.
@Suite struct DurabilityTests {
  static let strace = "/usr/bin/strace"

  @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: strace), "needs strace (.ci/run installs it)"))
  func aVerdictIsOnTheDiskBeforeTheBranchMoves() throws {
    let fixture = try CLIFixture()
    let trace = fixture.scratch.path("trace.txt")
    let traced = try ProcessRunner.run(
      Self.strace,
      [
        "-f", "-qq", "-y", "-e", "trace=fsync,fdatasync,rename,renameat,renameat2", "-o", trace,
        ProcessRunner.claimsExecutable, "verdict", "storm:2", "refuted",
      ],
      in: fixture.path, environment: fixture.environment)
    #expect(traced.status == 0, "\(traced.stderr)")
    let calls = try String(contentsOfFile: trace, encoding: .utf8).split(separator: "\n").map(String.init)

    func firstCall(_ name: String, mentioning fragment: String) -> Int? {
      calls.firstIndex { $0.contains("\(name)(") && $0.contains(fragment) }
    }
    let branchMoved = calls.firstIndex { $0.contains("rename") && $0.contains("refs/heads/main.lock\"") }
    let objectSynced = firstCall("fsync", mentioning: "/.git/objects/")
    let journalSynced = firstCall("fsync", mentioning: "claims-journal.json")
    let branchSynced = firstCall("fsync", mentioning: "refs/heads/main.lock")
    #expect(branchMoved != nil, "the branch was not moved by rename:\n\(calls.joined(separator: "\n"))")
    #expect(objectSynced != nil, "no object file was synced:\n\(calls.joined(separator: "\n"))")
    #expect(journalSynced != nil, "the write journal was not synced:\n\(calls.joined(separator: "\n"))")
    #expect(branchSynced != nil, "the branch file was not synced:\n\(calls.joined(separator: "\n"))")
    if let branchMoved, let objectSynced, let journalSynced, let branchSynced {
      #expect(objectSynced < branchMoved)
      #expect(journalSynced < branchMoved)
      #expect(branchSynced < branchMoved)
    }
  }

  /// The index is replaced as git replaces it: `index.lock` created exclusively, written, synced,
  /// renamed over the index, and the directory synced, so that a crash at any moment leaves the
  /// old index or the new one, whole.
  @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: strace), "needs strace (.ci/run installs it)"))
  func theIndexIsWrittenToItsLockSyncedAndRenamedIntoPlace() throws {
    let fixture = try CLIFixture()
    try IndexCrashRun.settle(fixture.path)
    let traceDirectory = ScratchDirectory()
    let trace = traceDirectory.path("trace.txt")
    let traced = try ProcessRunner.run(
      Self.strace,
      [
        "-f", "-qq", "-y", "-e", "trace=openat,write,fsync,rename,renameat,renameat2", "-o", trace,
        ProcessRunner.claimsExecutable, "verdict", "storm:2", "refuted",
      ],
      in: fixture.path, environment: fixture.environment)
    #expect(traced.status == 0, "\(traced.stderr)")
    let calls = try String(contentsOfFile: trace, encoding: .utf8).split(separator: "\n").map(String.init)
    let created = calls.firstIndex {
      $0.contains("openat(") && $0.contains("/.git/index.lock\"") && $0.contains("O_EXCL")
    }
    let synced = calls.firstIndex { $0.contains("fsync(") && $0.contains("/.git/index.lock>") }
    let renamed = calls.firstIndex {
      $0.contains("rename") && $0.contains("/.git/index.lock\"") && $0.contains("/.git/index\"")
    }
    let directorySynced = calls.lastIndex { $0.contains("fsync(") && $0.hasSuffix("/.git>) = 0") }
    let listing = calls.joined(separator: "\n")
    // The writer under test (libgit2 writes its buffer whole, and syncs nothing).
    let inPlace = calls.contains {
      $0.contains("write(") && $0.contains("/.git/index.lock>, \"DIRC") && $0.hasSuffix(", 12) = 12")
    }
    #expect(inPlace, "the index was not written in place:\n\(listing)")
    #expect(created != nil, "index.lock was not created with O_EXCL:\n\(listing)")
    #expect(synced != nil, "index.lock was not synced:\n\(listing)")
    #expect(renamed != nil, "index.lock was not renamed over the index:\n\(listing)")
    #expect(directorySynced != nil, "the git directory was not synced:\n\(listing)")
    if let created, let synced, let renamed, let directorySynced {
      #expect(created < synced)
      #expect(synced < renamed)
      #expect(renamed < directorySynced)
    }
    #expect(fixture.status == "")
  }
}

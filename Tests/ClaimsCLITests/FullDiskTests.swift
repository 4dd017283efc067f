import Foundation
import TestSupport
import Testing

/// A small tmpfs, mounted for one test (root only), so that a disk can be filled for real.
final class SmallDisk {
  let scratch = ScratchDirectory()
  var path: String { scratch.path("disk") }

  /// Whether this process may mount a tmpfs (root in a sandbox that allows it).
  static let isAvailable: Bool = {
    guard getuid() == 0, let disk = try? SmallDisk(kilobytes: 64) else { return false }
    return FileManager.default.fileExists(atPath: disk.path)
  }()

  init(kilobytes: Int) throws {
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    let mounted = try ProcessRunner.run(
      "/bin/mount", ["-t", "tmpfs", "-o", "size=\(kilobytes)k", "tmpfs", path], in: scratch.path)
    guard mounted.status == 0 else { throw Fixtures.Invalid(description: "mount: \(mounted.stderr)") }
  }

  /// Fills the disk, leaving about `bytes` free.
  func fill(leaving bytes: Int) throws {
    var info = statvfs()
    guard statvfs(path, &info) == 0 else { return }
    let free = Int(info.f_bavail) * Int(info.f_frsize)
    FileManager.default.createFile(atPath: "\(path)/filler", contents: Data(count: max(0, free - bytes)))
  }

  deinit {
    _ = try? ProcessRunner.run("/bin/umount", ["-l", path], in: scratch.path)
  }
}

/// A full disk is named as such, with where, whatever libgit2's message; nothing is written.
@Suite(.enabled(if: SmallDisk.isAvailable, "needs root and a tmpfs mount")) struct FullDiskTests {
  /// An article of `count` sentences, enough to need more room than a nearly full disk has.
  private func article(_ count: Int) -> String {
    (0..<count).map { "Sentence number \($0) says the river rose by \($0 % 97) centimetres overnight." }
      .joined(separator: "\n\n") + "\n"
  }

  @Test func anImportOnAFullDiskSaysTheDiskIsFullAndWritesNothing() throws {
    let disk = try SmallDisk(kilobytes: 1024)
    let ledger = "\(disk.path)/ledger"
    #expect(CLIHarness.run(["init", ledger], in: disk.scratch.path).status == 0)
    try disk.scratch.write(article(3000), to: "long.txt")
    try disk.scratch.write(article(3), to: "short.txt")
    let head = try ProcessRunner.git(["rev-parse", "HEAD"], in: ledger).stdout
    try disk.fill(leaving: 8 << 10)
    for file in ["long.txt", "short.txt"] {
      let result = CLIHarness.run(["import", disk.scratch.path(file)], in: ledger)
      expectRefusal(result, containing: "the disk holding '\(ledger)/.git' is full")
      #expect(result.stderr.contains("free some space there, then retry") && !result.stderr.contains("libgit2"))
    }
    #expect(try ProcessRunner.git(["rev-parse", "HEAD"], in: ledger).stdout == head)
    try FileManager.default.removeItem(atPath: "\(disk.path)/filler")
    #expect(CLIHarness.run(["import", disk.scratch.path("short.txt")], in: ledger).status == 0)
    #expect(try ProcessRunner.git(["fsck"], in: ledger).status == 0)
  }

  @Test func aFullDiskOnALocalRemoteIsNamedNotTheAddress() throws {
    let disk = try SmallDisk(kilobytes: 512)
    let fixture = try CLIFixture()
    let remote = "\(disk.path)/remote.git"
    try ProcessRunner.git(["init", "-q", "--bare", "-b", "main", remote], in: fixture.path)
    try ProcessRunner.git(["remote", "add", "origin", remote], in: fixture.path)
    #expect(fixture.run("sync").status == 0)
    try fixture.scratch.write(article(3000), to: "../\((fixture.path as NSString).lastPathComponent)-long.txt")
    let long = fixture.scratch.path("../\((fixture.path as NSString).lastPathComponent)-long.txt")
    defer { try? FileManager.default.removeItem(atPath: long) }
    #expect(fixture.run("import", long, "--id", "long").status == 0)
    try disk.fill(leaving: 16 << 10)
    let synced = fixture.run("sync")
    #expect(synced.status == 1)
    #expect(
      synced.stderr.contains("cannot push to \(remote): the disk holding '\(remote)' is full"), "\(synced.stderr)")
    #expect(!synced.stderr.contains("check the address"))
  }
}

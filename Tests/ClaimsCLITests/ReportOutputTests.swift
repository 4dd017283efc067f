import Dispatch
import Foundation
import Synchronization
import TestSupport
import Testing

/// `report -o PATH` behaves like shell redirection for anything that is not a regular file:
/// devices, FIFOs and symbolic links are written through, never replaced; only a regular file or
/// a new path is written to a temporary file and renamed into place.
@Suite struct ReportOutputTests {
  let outside = ScratchDirectory()

  /// The file type of `path` itself (not following a link): `S_IFCHR`, `S_IFIFO`, `S_IFLNK`, …
  private func type(of path: String) -> mode_t? {
    var info = stat()
    return lstat(path, &info) == 0 ? info.st_mode & S_IFMT : nil
  }

  private func expectCSVReport(_ text: String?, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(text?.hasPrefix("claim_id,") == true, "\(text ?? "nil")", sourceLocation: sourceLocation)
    #expect(text?.contains("storm") == true, sourceLocation: sourceLocation)
  }

  @Test func aRegularFileIsReplacedKeepingItsModeAndANewPathIsCreated() throws {
    let fixture = try CLIFixture()
    let existing = outside.path("existing.csv")
    try "old\n".write(toFile: existing, atomically: false, encoding: .utf8)
    chmod(existing, 0o640)
    #expect(fixture.run("report", "--format", "csv", "-o", existing).status == 0)
    expectCSVReport(try? String(contentsOfFile: existing, encoding: .utf8))
    var info = stat()
    #expect(stat(existing, &info) == 0 && info.st_mode & 0o7777 == 0o640)
    let created = outside.path("new.csv")
    #expect(fixture.run("report", "--format", "csv", "-o", created).status == 0)
    expectCSVReport(try? String(contentsOfFile: created, encoding: .utf8))
    #expect(try FileManager.default.contentsOfDirectory(atPath: outside.path).sorted() == ["existing.csv", "new.csv"])
  }

  @Test func aSymbolicLinkIsWrittenThroughAndStillPointsWhereItDid() throws {
    let fixture = try CLIFixture()
    let target = outside.path("target.csv")
    try "old\n".write(toFile: target, atomically: false, encoding: .utf8)
    let link = outside.path("link.csv")
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "target.csv")
    #expect(fixture.run("report", "--format", "csv", "-o", link).status == 0)
    #expect(type(of: link) == S_IFLNK)
    #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "target.csv")
    expectCSVReport(try? String(contentsOfFile: target, encoding: .utf8))
    let dangling = outside.path("dangling.csv")
    try FileManager.default.createSymbolicLink(atPath: dangling, withDestinationPath: "made.csv")
    #expect(fixture.run("report", "--format", "csv", "-o", dangling).status == 0)
    #expect(type(of: dangling) == S_IFLNK)
    expectCSVReport(try? String(contentsOfFile: outside.path("made.csv"), encoding: .utf8))
  }

  @Test func aFIFOsReaderGetsTheReport() throws {
    let fixture = try CLIFixture()
    let fifo = outside.path("report.fifo")
    #expect(mkfifo(fifo, 0o600) == 0)
    // A reader that gives up after a while, so that a report never written fails the test
    // instead of hanging it.
    let read = Mutex<ProcessResult?>(nil)
    let done = DispatchSemaphore(value: 0)
    DispatchQueue.global().async {
      let result = try? ProcessRunner.run("/usr/bin/timeout", ["10", "cat", fifo], in: outside.path)
      read.withLock { $0 = result }
      done.signal()
    }
    let written = fixture.run("report", "--format", "csv", "-o", fifo)
    #expect(written.status == 0, "\(written.stderr)")
    done.wait()
    expectCSVReport(read.withLock { $0?.stdout })
    #expect(type(of: fifo) == S_IFIFO)
  }

  /// Only root can make a device node, or replace /dev/null.
  @Test(.enabled(if: getuid() == 0)) func aCharacterDeviceStaysADevice() throws {
    let fixture = try CLIFixture()
    // First a device node of our own (the same as /dev/null): if it were replaced, /dev/null is
    // not tried, so a regression cannot break the machine's.
    let node = outside.path("null")
    #expect(mknod(node, S_IFCHR | 0o666, dev_t(1 << 8 | 3)) == 0)
    #expect(fixture.run("report", "-o", node).status == 0)
    try #require(type(of: node) == S_IFCHR, "the device node was replaced by a file")
    #expect(fixture.run("report", "--format", "json", "-o", "/dev/null").status == 0)
    #expect(type(of: "/dev/null") == S_IFCHR)
  }

  @Test func standardOutputPrintsTheReport() throws {
    let fixture = try CLIFixture()
    // First through a link of our own to the same place: if it were replaced, /dev/stdout is not
    // tried, so a regression cannot break the machine's.
    let link = outside.path("stdout")
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "/proc/self/fd/1")
    let throughLink = try ProcessRunner.run(
      ProcessRunner.claimsExecutable, ["report", "--format", "csv", "-o", link], in: fixture.path,
      environment: fixture.environment)
    #expect(throughLink.status == 0, "\(throughLink.stderr)")
    expectCSVReport(throughLink.stdout)
    try #require(type(of: link) == S_IFLNK, "the link was replaced by a file")
    let printed = try ProcessRunner.run(
      ProcessRunner.claimsExecutable, ["report", "--format", "csv", "-o", "/dev/stdout"], in: fixture.path,
      environment: fixture.environment)
    #expect(printed.status == 0, "\(printed.stderr)")
    expectCSVReport(printed.stdout)
  }

  @Test func aDirectoryIsRefused() throws {
    let fixture = try CLIFixture()
    expectRefusal(fixture.run("report", "-o", outside.path), containing: "Is a directory")
  }
}

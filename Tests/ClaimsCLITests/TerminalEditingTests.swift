import Foundation
import TestSupport
import Testing

/// The review session on a real (pseudo-)terminal: keys edit a typed answer before it is recorded,
/// and Backspace at the verdict prompt does nothing (issue 17, point 8).
@Suite struct TerminalEditingTests {
  /// A pseudo-terminal: the test writes keys to `master` and reads what the program shows.
  final class PseudoTerminal {
    let master: Int32
    let slavePath: String

    // glibc's XSI functions, which the Glibc module does not export.
    private typealias OnDescriptor = @convention(c) (Int32) -> Int32
    private typealias Name = @convention(c) (Int32) -> UnsafeMutablePointer<CChar>?
    private static func function<T>(_ name: String, as type: T.Type) -> T? {
      dlsym(UnsafeMutableRawPointer(bitPattern: 0), name).map { unsafeBitCast($0, to: type) }
    }

    init() throws {
      master = open("/dev/ptmx", O_RDWR | O_NOCTTY | O_CLOEXEC)
      guard master >= 0, let grant = Self.function("grantpt", as: OnDescriptor.self),
        let unlock = Self.function("unlockpt", as: OnDescriptor.self),
        let name = Self.function("ptsname", as: Name.self),
        grant(master) == 0, unlock(master) == 0, let path = name(master)
      else {
        throw Fixtures.Invalid(description: "no pseudo-terminal: \(String(cString: strerror(errno)))")
      }
      slavePath = String(cString: path)
    }

    deinit { close(master) }

    func send(_ text: String) {
      let bytes = Array(text.utf8)
      _ = bytes.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
    }

    /// What the program wrote until it stayed quiet for `quiet` seconds (or `limit` passed).
    func read(quiet: Double = 0.5, limit: Double = 20) -> String {
      var bytes: [UInt8] = []
      let end = Date().addingTimeInterval(limit)
      while Date() < end {
        var poller = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        guard poll(&poller, 1, Int32(quiet * 1000)) == 1 else { break }
        var chunk = [UInt8](repeating: 0, count: 4096)
        let count = chunk.withUnsafeMutableBytes { Glibc.read(master, $0.baseAddress, $0.count) }
        guard count > 0 else { break }
        bytes += chunk[..<count]
      }
      return String(decoding: bytes, as: UTF8.self)
    }

    /// Waits until the program shows `text` (or `limit` seconds pass); everything read.
    func read(until text: String, limit: Double = 30) -> String {
      var seen = ""
      let end = Date().addingTimeInterval(limit)
      while Date() < end, !seen.contains(text) { seen += read(quiet: 0.2, limit: 1) }
      return seen
    }
  }

  /// `claims review --source storm` in `fixture`, on `terminal`, without colour.
  private func startReview(in fixture: CLIFixture, on terminal: PseudoTerminal) throws -> ChildProcess {
    try ChildProcess(
      ProcessRunner.claimsExecutable, ["-C", fixture.path, "review", "--source", "storm"], in: fixture.path,
      environment: fixture.environment.merging(["TERM": "xterm", "NO_COLOR": "1"]) { $1 },
      terminal: terminal.slavePath)
  }

  @Test func keysEditANoteAndBackspaceIsNoAnswer() throws {
    let fixture = try CLIFixture()
    let terminal = try PseudoTerminal()
    let child = try startReview(in: fixture, on: terminal)
    defer { child.kill() }
    let first = terminal.read(until: "? help: ")
    #expect(first.contains("1/4  claim \(fixture.id(1))"), "\(first)")
    // Backspace at the verdict prompt: no help, no answer.
    terminal.send("\u{7F}")
    #expect(!terminal.read(quiet: 0.5, limit: 2).contains("cite a source"))
    terminal.send("n")
    _ = terminal.read(until: "Note: ")
    // "Helo", Left, "l", End, " world", Ctrl-W (the word goes), "there", Ctrl-A, "x", Left, Delete
    // (the "x" goes), then Enter: "Hello there".
    terminal.send("Helo\u{1B}[Dl\u{1B}[F world\u{17}there\u{01}x\u{1B}[D\u{1B}[3~")
    _ = terminal.read(quiet: 0.3, limit: 2)
    terminal.send("\r")
    let recorded = terminal.read(until: "? help: ")
    #expect(recorded.contains("recorded in commit"), "\(recorded)")
    terminal.send("q")
    let outcome = child.wait()
    #expect(outcome.status == 0)
    #expect(fixture.run("show", "storm:1").stdout.contains("note: Hello there"))
  }

  @Test func ctrlCCancelsANoteThenEndsTheSessionWithTheTerminalRestored() throws {
    let fixture = try CLIFixture()
    let terminal = try PseudoTerminal()
    let child = try startReview(in: fixture, on: terminal)
    defer { child.kill() }
    _ = terminal.read(until: "? help: ")
    terminal.send("n")
    _ = terminal.read(until: "Note: ")
    terminal.send("half a note\u{03}")
    #expect(terminal.read(until: "? help: ", limit: 5).contains("? help: "))
    terminal.send("\u{03}")
    let ended = terminal.read(until: "Went through", limit: 5)
    try #require(ended.contains("Went through 1 of 4 claims"), "\(ended)")
    #expect(child.wait().status == 0)
    #expect(!fixture.run("show", "storm:1").stdout.contains("half a note"))
    let slave = open(terminal.slavePath, O_RDWR | O_NOCTTY)
    defer { close(slave) }
    var settings = termios()
    #expect(tcgetattr(slave, &settings) == 0)
    #expect(settings.c_lflag & tcflag_t(ECHO | ICANON | ISIG) == tcflag_t(ECHO | ICANON | ISIG))
  }

  @Test func anErrorShowsBeforeTheNextPromptWhenBothStreamsGoToOnePlace() throws {
    let fixture = try CLIFixture()
    // Standard output and error into one pipe, as a terminal shows them.
    let result = try ProcessRunner.run(
      "/bin/sh",
      ["-c", "exec \"$0\" -C \"$1\" review --source storm 2>&1", ProcessRunner.claimsExecutable, fixture.path],
      in: fixture.path, environment: fixture.environment, input: Array("c\nexample.org/x\nq\n".utf8))
    #expect(result.status == 0, "\(result.stdout)")
    let error = try #require(result.stdout.range(of: "is not a URL"), "\(result.stdout)")
    let nextPrompt = try #require(result.stdout.range(of: "? help: ", options: .backwards), "\(result.stdout)")
    #expect(error.lowerBound < nextPrompt.lowerBound, "\(result.stdout)")
  }
}

public import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A process started with `posix_spawn` and reaped with `waitpid`, for tests that run many at once
/// or kill them at random moments. (Foundation's `Process` waits for its children one at a time
/// on a single thread, so a long-running child stalls every other wait.)
/// Output goes to files, so a killed child's last words can still be read.
public final class ChildProcess: @unchecked Sendable {
  /// How a child ended.
  public struct Outcome: Sendable {
    /// The exit status, or nil when a signal ended it.
    public var status: Int32?
    /// The signal that ended it, if one did.
    public var signal: Int32?
    public var stdout: String
    public var stderr: String
    /// Wall-clock seconds from start to end.
    public var seconds: Double
  }

  public let pid: pid_t
  private let scratch = ScratchDirectory()
  private let started: Date

  /// Starts `executable` with `arguments` in `directory`, with exactly `environment`, reading
  /// `input` on standard input; with `terminal` (a pseudo-terminal's path), standard input and
  /// output are that terminal instead.
  public init(
    _ executable: String, _ arguments: [String], in directory: String, environment: [String: String],
    input: [UInt8] = [], terminal: String? = nil
  ) throws {
    try scratch.write(input, to: "stdin")
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    if let terminal {
      posix_spawn_file_actions_addopen(&actions, 0, terminal, O_RDWR | O_NOCTTY, 0)
      posix_spawn_file_actions_addopen(&actions, 1, terminal, O_RDWR | O_NOCTTY, 0)
    } else {
      posix_spawn_file_actions_addopen(&actions, 0, scratch.path("stdin"), O_RDONLY, 0)
      posix_spawn_file_actions_addopen(&actions, 1, scratch.path("stdout"), O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    }
    posix_spawn_file_actions_addopen(&actions, 2, scratch.path("stderr"), O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    guard let changeDirectory = Self.addChangeDirectory, let closeFrom = Self.addCloseFrom else {
      throw Fixtures.Invalid(
        description: "this C library lacks posix_spawn_file_actions_addchdir_np or _addclosefrom_np")
    }
    _ = changeDirectory(&actions, directory)
    // Pipes other tests hold open must not live on in this child.
    _ = closeFrom(&actions, 3)
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var noSignals = sigset_t()
    sigemptyset(&noSignals)
    var defaults = sigset_t()
    sigemptyset(&defaults)
    sigaddset(&defaults, SIGPIPE)
    posix_spawnattr_setsigmask(&attributes, &noSignals)
    posix_spawnattr_setsigdefault(&attributes, &defaults)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
    let argv = ([executable] + arguments).map { strdup($0) } + [nil]
    let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
      argv.forEach { free($0) }
      envp.forEach { free($0) }
    }
    var pid: pid_t = 0
    let result = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
    guard result == 0 else {
      throw Fixtures.Invalid(description: "cannot start \(executable): \(String(cString: strerror(result)))")
    }
    self.pid = pid
    started = Date()
  }

  // glibc's GNU extensions (2.29 and 2.34), which the Glibc module does not export.
  private typealias AddChangeDirectory =
    @convention(c) (
      UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>
    ) -> Int32
  private typealias AddCloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
  private static let addChangeDirectory = dlsym(
    UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addchdir_np"
  )
  .map { unsafeBitCast($0, to: AddChangeDirectory.self) }
  private static let addCloseFrom = dlsym(
    UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np"
  )
  .map { unsafeBitCast($0, to: AddCloseFrom.self) }

  /// Sends `signal` (default: SIGKILL).
  public func kill(_ signal: Int32 = SIGKILL) {
    _ = Glibc.kill(pid, signal)
  }

  /// Waits for the child to end and returns how it did.
  public func wait() -> Outcome {
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    let seconds = Date().timeIntervalSince(started)
    let signal = status & 0x7F
    let read = { (name: String) in (try? self.scratch.read(name)) ?? "" }
    return Outcome(
      status: signal == 0 ? (status >> 8) & 0xFF : nil, signal: signal == 0 ? nil : signal, stdout: read("stdout"),
      stderr: read("stderr"), seconds: seconds)
  }

  /// Runs a child to its end.
  public static func run(
    _ executable: String, _ arguments: [String], in directory: String, environment: [String: String],
    input: [UInt8] = []
  ) throws -> Outcome {
    try ChildProcess(executable, arguments, in: directory, environment: environment, input: input).wait()
  }
}

import Foundation

/// What a finished process printed and returned.
public struct ProcessResult: Sendable {
  public var status: Int32
  public var stdout: String
  public var stderr: String

  /// The result itself when the process exited with status 0; otherwise a ``ProcessFailure``
  /// naming `command` and what it printed on standard error.
  @discardableResult
  public func requireSuccess(_ command: String) throws(ProcessFailure) -> ProcessResult {
    guard status == 0 else { throw ProcessFailure(command: command, result: self) }
    return self
  }
}

/// A program a test ran exited with a status other than 0 where it had to succeed.
public struct ProcessFailure: Error, CustomStringConvertible {
  public var command: String
  public var result: ProcessResult

  public var description: String {
    "\(command) exited with status \(result.status): \(result.stderr.trimmingCharacters(in: .whitespacesAndNewlines))"
  }
}

/// Runs programs for tests: the git CLI as an independent oracle, and the built `claims` binary
/// where a test needs a real process (exit codes, concurrency, kills).
public enum ProcessRunner {
  /// Runs `executable` with `arguments` in `directory`, feeding `input` on standard input. The
  /// result carries the exit status for the caller to check (``ProcessResult/requireSuccess(_:)``).
  public static func run(
    _ executable: String, _ arguments: [String], in directory: String, environment: [String: String]? = nil,
    input: [UInt8] = []
  ) throws -> ProcessResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.currentDirectoryURL = URL(fileURLWithPath: directory)
    if let environment { process.environment = environment }
    let stdout = Pipe()
    let stderr = Pipe()
    let stdin = Pipe()
    process.standardOutput = stdout
    process.standardError = stderr
    process.standardInput = stdin
    try process.run()
    let writer = Thread {
      stdin.fileHandleForWriting.write(Data(input))
      try? stdin.fileHandleForWriting.close()
    }
    writer.start()
    // Read stderr on its own thread so a full pipe cannot stall the child.
    nonisolated(unsafe) var errorData = Data()
    let readerDone = DispatchSemaphore(value: 0)
    let errorThread = Thread {
      errorData = stderr.fileHandleForReading.readDataToEndOfFile()
      readerDone.signal()
    }
    errorThread.start()
    let outputData = stdout.fileHandleForReading.readDataToEndOfFile()
    readerDone.wait()
    process.waitUntilExit()
    return ProcessResult(
      status: process.terminationStatus, stdout: String(decoding: outputData, as: UTF8.self),
      stderr: String(decoding: errorData, as: UTF8.self))
  }

  /// Runs `git` with a clean configuration (no user or system config files) in `directory`.
  /// - Throws: ``ProcessFailure`` when git exits with a status other than 0: a test that runs git
  ///   to set something up or to look at the result must not go on as if it had worked. Use
  ///   ``gitStatus(_:in:)`` where a non-zero status is an answer (`merge-base --is-ancestor`).
  @discardableResult
  public static func git(_ arguments: [String], in directory: String) throws -> ProcessResult {
    try gitStatus(arguments, in: directory).requireSuccess("git \(arguments.joined(separator: " "))")
  }

  /// Runs `git` as ``git(_:in:)`` does, returning its result whatever its exit status.
  public static func gitStatus(_ arguments: [String], in directory: String) throws -> ProcessResult {
    var environment = ProcessInfo.processInfo.environment
    environment["GIT_CONFIG_NOSYSTEM"] = "1"
    environment["GIT_CONFIG_GLOBAL"] = "/dev/null"
    environment["GIT_AUTHOR_NAME"] = "Oracle"
    environment["GIT_AUTHOR_EMAIL"] = "oracle@example.org"
    environment["GIT_COMMITTER_NAME"] = "Oracle"
    environment["GIT_COMMITTER_EMAIL"] = "oracle@example.org"
    return try run("/usr/bin/git", ["-c", "safe.directory=*"] + arguments, in: directory, environment: environment)
  }

  /// The `claims` executable built beside the test bundle.
  public static var claimsExecutable: String {
    let testBinary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    var directory = testBinary.deletingLastPathComponent()
    // On Linux the tests run from `<build>/claimsPackageTests.xctest`; the tool sits beside it.
    for _ in 0..<3 {
      let candidate = directory.appendingPathComponent("claims").path
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
      directory = directory.deletingLastPathComponent()
    }
    return PackagePaths.root + "/.build/debug/claims"
  }
}

/// Paths in the package, for tests that read the repository's own files.
public enum PackagePaths {
  /// The package's root directory.
  public static var root: String {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.path
  }
}

public import ClaimsCLI
import Foundation

/// Text collected from a command, and scripted input for it.
public final class BufferStream: TextSink, LineSource, @unchecked Sendable {
  public private(set) var text = ""
  private var lines: [String]
  private var bytes: [UInt8]

  public init(input: String = "") {
    bytes = Array(input.utf8)
    lines = input.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    if input.hasSuffix("\n") { lines.removeLast() }
    if input.isEmpty { lines = [] }
  }

  public func write(_ text: String) { self.text += text }

  public func readLine() -> String? { lines.isEmpty ? nil : lines.removeFirst() }

  public func readAll() -> [UInt8] {
    defer { bytes = [] }
    return bytes
  }
}

/// Runs `claims` in-process with injected streams, environment and working directory.
public enum CLIHarness {
  /// An environment with a fixed author, reviewer and clock, and colour off.
  public static let defaultEnvironment: [String: String] = [
    "CLAIMS_AUTHOR": "Test Importer <importer@example.org>",
    "CLAIMS_REVIEWER": "Test Reviewer <reviewer@example.org>",
    "CLAIMS_DATE": "2026-11-24T12:00:00Z",
  ]

  /// Runs one command line and returns its exit status and output.
  public static func run(
    _ arguments: [String], in directory: String, environment: [String: String] = defaultEnvironment,
    input: String = "", isOutputTerminal: Bool = false
  ) -> ProcessResult {
    let output = BufferStream()
    let errorOutput = BufferStream()
    let context = CommandContext(
      output: output, errorOutput: errorOutput, input: BufferStream(input: input), environment: environment,
      currentDirectory: directory, isOutputTerminal: isOutputTerminal)
    let status = ClaimsCommand.main(arguments, context: context)
    return ProcessResult(status: status, stdout: output.text, stderr: errorOutput.text)
  }

  /// The seed article shipped in `../shared/seeds`, or the copy in the ledger's `seeds/`.
  public static var seedArticlePath: String {
    let shared = PackagePaths.root + "/../shared/seeds/002_e79ad1ab3cf49ab3.txt"
    if FileManager.default.fileExists(atPath: shared) { return shared }
    return PackagePaths.root + "/seeds/peru-fujimori-mourning.txt"
  }
}

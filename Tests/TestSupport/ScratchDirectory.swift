import Foundation

/// A fresh directory for one test, removed when the value goes away.
public final class ScratchDirectory: @unchecked Sendable {
  /// The directory's absolute path.
  public let path: String

  public init() {
    let base = ProcessInfo.processInfo.environment["CLAIMS_TEST_TMPDIR"] ?? NSTemporaryDirectory()
    path = (base as NSString).appendingPathComponent("claims-test-\(UUID().uuidString.prefix(12))")
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }

  /// `path/relative`.
  public func path(_ relative: String) -> String { "\(path)/\(relative)" }

  /// Writes `text` to `relative`, making directories as needed.
  public func write(_ text: String, to relative: String) throws {
    try write(Array(text.utf8), to: relative)
  }

  /// Writes `bytes` to `relative`, making directories as needed.
  public func write(_ bytes: [UInt8], to relative: String) throws {
    let full = path(relative)
    try FileManager.default.createDirectory(
      atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    try Data(bytes).write(to: URL(fileURLWithPath: full))
  }

  /// The file at `relative` as text.
  public func read(_ relative: String) throws -> String {
    try String(contentsOfFile: path(relative), encoding: .utf8)
  }

  deinit {
    try? FileManager.default.removeItem(atPath: path)
  }
}

internal import CLibGit2

/// Who made a commit, and when.
public struct Signature: Equatable, Sendable {
  public var name: String
  public var email: String
  /// Seconds since the Unix epoch.
  public var time: Int64
  /// The author's UTC offset, in minutes.
  public var offsetMinutes: Int32

  public init(name: String, email: String, time: Int64, offsetMinutes: Int32 = 0) {
    self.name = name
    self.email = email
    self.time = time
    self.offsetMinutes = offsetMinutes
  }

  init(_ signature: UnsafePointer<git_signature>) {
    name = signature.pointee.name.map { String(cString: $0) } ?? ""
    email = signature.pointee.email.map { String(cString: $0) } ?? ""
    time = signature.pointee.when.time
    offsetMinutes = signature.pointee.when.offset
  }

  /// The times a commit can carry: libgit2 writes them as 32-bit unsigned seconds, so anything
  /// outside 1970-01-01T00:00:00Z…2106-02-07T06:28:15Z would be silently wrapped into that range.
  public static let storableTimes: ClosedRange<Int64> = 0...Int64(UInt32.max)

  /// Runs `body` with a libgit2 signature made from this one (`git_signature_new`).
  /// - Throws: ``GitError`` `.invalid` for a time outside ``storableTimes``, which git would wrap.
  func withGitSignature<T>(_ body: (UnsafePointer<git_signature>) throws(GitError) -> T) throws(GitError) -> T {
    guard Self.storableTimes.contains(time) else {
      throw GitError(
        code: .invalid, message: "the time \(time) is outside what a git commit can hold (1970 to 2106)",
        function: "git_signature_new")
    }
    var pointer: UnsafeMutablePointer<git_signature>?
    try check(git_signature_new(&pointer, name, email, time, offsetMinutes), function: "git_signature_new")
    guard let pointer else { throw GitError(code: .invalid, message: "no signature", function: "git_signature_new") }
    defer { git_signature_free(pointer) }
    return try body(pointer)
  }
}

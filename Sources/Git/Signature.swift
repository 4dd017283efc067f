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

  /// Runs `body` with a libgit2 signature made from this one (`git_signature_new`).
  func withGitSignature<T>(_ body: (UnsafePointer<git_signature>) throws(GitError) -> T) throws(GitError) -> T {
    var pointer: UnsafeMutablePointer<git_signature>?
    try check(git_signature_new(&pointer, name, email, time, offsetMinutes), function: "git_signature_new")
    guard let pointer else { throw GitError(code: .invalid, message: "no signature", function: "git_signature_new") }
    defer { git_signature_free(pointer) }
    return try body(pointer)
  }
}

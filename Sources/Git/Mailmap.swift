internal import CLibGit2

/// A `.mailmap` in git's format: which name and address each alias of a person stands for
/// (`git_mailmap`).
public final class Mailmap {
  let pointer: OpaquePointer

  /// Parses the contents of a `.mailmap` file (`git_mailmap_from_buffer`). Lines git cannot read
  /// are skipped, as git skips them.
  public init(parsing bytes: [UInt8]) throws(GitError) {
    _ = libgit2Ready
    var pointer: OpaquePointer?
    let result = bytes.withUnsafeBufferPointer { buffer in
      buffer.withMemoryRebound(to: CChar.self) { characters in
        git_mailmap_from_buffer(&pointer, characters.baseAddress, characters.count)
      }
    }
    try check(result, function: "git_mailmap_from_buffer")
    guard let pointer else { throw GitError(code: .invalid, message: "no mailmap") }
    self.pointer = pointer
  }

  deinit {
    git_mailmap_free(pointer)
  }

  /// The real name and address of the person `name <email>` is an alias of, or the same when the
  /// map says nothing of them (`git_mailmap_resolve`).
  public func resolve(name: String, email: String) -> (name: String, email: String) {
    var realName: UnsafePointer<CChar>?
    var realEmail: UnsafePointer<CChar>?
    guard git_mailmap_resolve(&realName, &realEmail, pointer, name, email) == 0 else { return (name, email) }
    return (realName.map { String(cString: $0) } ?? name, realEmail.map { String(cString: $0) } ?? email)
  }
}

@available(*, unavailable)
extension Mailmap: Sendable {}

public import Git

/// A ledger operation that could not be done: what kind of failure it is, for code to act on, and
/// one line saying what is wrong and what to do, for the person at the terminal.
public struct LedgerError: Error, Equatable, Sendable, CustomStringConvertible {
  /// What went wrong, in terms a caller can branch on. Code never inspects ``message``.
  public enum Kind: Equatable, Sendable {
    /// There is no claims ledger where one was looked for (no repository, a git repository without
    /// `ledger.json`, a clone of something else).
    case notALedger
    /// A file was written by a newer claims than this one: upgrade before writing.
    case newerFormat
    /// Someone else moved the branch or the remote while this action ran, more often than it retries.
    case concurrentUpdate
    /// A lock stands in the way: another process holds the lock file at `path`.
    case locked(path: String)
    /// Uncommitted work (staged, modified, deleted, untracked, or a merge in progress) at `path`
    /// would be overwritten.
    case uncommittedWork(path: String)
    /// A file at `path` (in the ledger or the file system) cannot be read, or would not be readable.
    case unreadableFile(path: String)
    /// Something at `path` is not what the ledger may write through (a symbolic link, a file where
    /// a directory belongs, a path leading out of the work tree).
    case unsafePath(path: String)
    /// A file could not be written or a directory created at `path` (permissions, disk full).
    case writeFailed(path: String)
    /// A size limit was exceeded.
    case limitExceeded
    /// What was named does not exist: a claim, source, revision, remote, citation, verdict.
    case notFound
    /// What was named fits several things (an id prefix, a short commit id, several remotes).
    case ambiguous
    /// What was asked for exists already (a source, a tag, a non-empty directory).
    case alreadyExists
    /// A value given by the user is not acceptable (an identity, a tag name, control characters,
    /// text that is not UTF-8, an empty file).
    case invalidInput
    /// The ledger is not in a state the action can work in (detached HEAD, a bare repository, a
    /// retired claim, another reviewer's file, histories with nothing in common).
    case wrongState
    /// The action had nothing to do (no claims matched, nothing was recorded).
    case nothingToDo
    /// The remote could not be reached (no repository there, the network failed).
    case remoteUnreachable
    /// The remote answered but refused (authentication, an untrusted certificate or host key, a
    /// push to a repository with a work tree).
    case remoteRefused
    /// libgit2 failed in a way none of the above describes.
    case git(GitError)
    /// An error of a type the code did not foresee (a catch-all after the typed cases); only the
    /// message describes it.
    case unexpected
  }

  /// What kind of failure this is.
  public var kind: Kind
  /// What went wrong and how to go on, as one line for stderr.
  public var message: String

  public init(_ kind: Kind, _ message: String) {
    self.kind = kind
    self.message = message
  }

  public var description: String { message }
}

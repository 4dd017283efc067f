/// A file in the ledger that cannot be used as it is: malformed, unsafe, or pointing nowhere.
/// Commands report these by name and go on where they safely can.
public struct LedgerProblem: Equatable, Sendable, CustomStringConvertible {
  /// What is wrong with the file, for code to act on; code never inspects the wording. The raw
  /// values are what the caches store.
  public enum Kind: String, Equatable, Sendable, CaseIterable {
    /// git could not give the file's contents (a damaged object database).
    case unreadable
    /// The file is not a valid record: bad JSON, a missing or mistyped field, an invalid value.
    case malformed
    /// The record was written by a newer claims than this one.
    case newerFormat
    /// The file is larger than a ledger file may be.
    case tooLarge
    /// The entry is not a plain file or directory where one belongs (a symbolic link, a
    /// submodule, a file where a directory belongs), or has an unsafe name.
    case unsafeEntry
    /// The file's name or place does not match what it holds.
    case misplaced
    /// The file refers to something the ledger does not have (a claim, a source, a verdict).
    case dangling
    /// A file the ledger needs is missing.
    case missing
    /// A seed text no longer matches the checksum in its source record, or archived evidence
    /// (`Evidence/`) has uncommitted changes in the work tree or the git index.
    case modified
    /// A lock file left behind blocks git.
    case staleLock
    /// A claim's text no longer matches its seed at its offsets, or two live claims share a place
    /// (a source mixing two imports): its reviews may judge a sentence the article does not hold.
    case disagreesWithSeed
    /// History holds a commit that claims an action it did not do (its trailers name records it
    /// does not change), or that changed a reviewer's file without being that reviewer's.
    case unattributed
    /// A file in the work tree where the ledger keeps only what its commits hold (archived
    /// evidence, `Evidence/`) that no commit holds: untracked, or staged but not committed.
    case untracked
  }

  /// What kind of problem this is.
  public var kind: Kind
  /// The file's path in the ledger.
  public var path: String
  /// What is wrong with it.
  public var problem: String
  /// What to do about it.
  public var remedy: String

  public init(_ kind: Kind, path: String, problem: String, remedy: String) {
    self.kind = kind
    self.path = path
    self.problem = problem
    self.remedy = remedy
  }

  public var description: String { "\(path): \(problem); \(remedy)" }
}

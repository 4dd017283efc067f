public import ClaimModel
import Git

#if canImport(Glibc)
  import Glibc
#endif

extension Ledger {
  /// What `claims init` found and did.
  public enum InitOutcome: Sendable, Equatable {
    /// A new repository was made and its first commit holds `ledger.json`.
    case created
    /// An existing git repository became a ledger with one commit adding `ledger.json`.
    case converted
    /// The repository already was a ledger; nothing changed.
    case alreadyLedger
  }

  /// The claims ledger whose work tree holds `directory` (or, when it does not exist yet, its
  /// nearest existing parent), if any.
  private static func enclosingLedger(of directory: String) -> Ledger? {
    var path = directory
    while FileSystem.node(at: path) == .missing {
      let parent = FileSystem.parent(of: path)
      guard parent != path, !parent.isEmpty else { return nil }
      path = parent
    }
    return try? Ledger.discover(from: path)
  }

  /// Makes `directory` a ledger: a new repository, or an existing one with `ledger.json` added.
  /// A directory inside another ledger's work tree is refused.
  /// - Parameter isBare: make a new repository without a work tree, as a shared remote is.
  public static func initialize(at directory: String, as author: Identity, at time: Timestamp, isBare: Bool = false)
    throws(LedgerError) -> (Ledger, InitOutcome)
  {
    let repository: Repository
    let isNew: Bool
    let directoryExisted: Bool
    switch FileSystem.node(at: directory) {
    case .missing: directoryExisted = false
    case .directory: directoryExisted = true
    default:
      throw LedgerError(
        .alreadyExists, "'\(directory.escapedForMessage)' exists and is not a directory; choose another place")
    }
    if FileSystem.node(at: "\(directory)/.git") == .missing,
      FileSystem.node(at: "\(directory)/\(LedgerPaths.config)") != .missing
    {
      throw LedgerError(
        .alreadyExists,
        "'\(directory.escapedForMessage)/\(LedgerPaths.config)' already exists; move it away, then retry")
    }
    if let existing = try? Repository(openingAt: directory) {
      repository = existing
      isNew = false
    } else {
      if let enclosing = enclosingLedger(of: directory) {
        throw LedgerError(
          .wrongState,
          "'\(directory.escapedForMessage)' is inside the claims ledger in '\(enclosing.rootPath.escapedForMessage)'; a ledger in another's work tree would be committed to neither, so choose a directory outside it"
        )
      }
      do {
        repository = try Repository.create(at: directory, isBare: isBare)
      } catch {
        throw LedgerError(
          .git(error), "cannot create a git repository in '\(directory.escapedForMessage)': \(error.message)")
      }
      isNew = true
    }
    let ledger = Ledger(repository: repository)
    let snapshot = try ledger.snapshot()
    if snapshot.hasConfig {
      _ = snapshot.config()
      if let problem = snapshot.problems.first(where: { $0.path == LedgerPaths.config }) {
        throw LedgerError(
          .alreadyExists,
          "'\(directory.escapedForMessage)' holds a \(LedgerPaths.config) that is not a claims config (\(problem.problem)); rename that file in a commit of its own, then run claims init again"
        )
      }
      return (ledger, .alreadyLedger)
    }
    let writeLock = "\(ledger.gitDirectory)/claims.lock"
    let hadWriteLock = FileSystem.node(at: writeLock) != .missing
    do {
      try commitConfig(to: ledger, as: author, at: time)
    } catch {
      // Leave nothing behind: the repository (and directory) made for the ledger go again, and
      // a repository that was not a ledger keeps no lock file of ours.
      if isNew {
        let made = directoryExisted && !isBare ? "\(directory)/.git" : directory
        FileSystem.removeTree(at: made)
      } else if !hadWriteLock {
        unlink(writeLock)
      }
      throw error
    }
    return (ledger, isNew ? .created : .converted)
  }

  private static func commitConfig(to ledger: Ledger, as author: Identity, at time: Timestamp) throws(LedgerError) {
    _ = try ledger.commit(as: author, at: time) { (snapshot) throws(LedgerError) in
      guard !snapshot.hasConfig else { return nil }
      return LedgerChange(
        files: [.record(LedgerConfig(), at: LedgerPaths.config)],
        message: CommitMessage(
          subject: "init: claims ledger",
          trailers: [
            .action(.initialize), .init(TrailerKey.reviewer, author.description),
            .init(TrailerKey.formatVersion, String(currentFormatVersion)),
          ]))
    }
  }
}

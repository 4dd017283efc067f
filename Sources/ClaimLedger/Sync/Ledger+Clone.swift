import ClaimModel
import Git

extension Ledger {
  /// Copies the ledger at `url` (a URL or a path) into `directory`, with the remote `origin` to
  /// sync with. The work tree never gets a symbolic link: the clone sets `core.symlinks` off, so a
  /// link someone committed becomes a plain file holding its target, as it does for git on
  /// systems without links. With `isBare`, the copy has no work tree (for a desk past a few
  /// hundred thousand claims, or a shared remote); every command works on it the same.
  /// - Throws: ``LedgerError`` when `directory` is in use, when the remote cannot be read, or when
  ///   it holds no ledger (no `ledger.json` on its default branch); whatever was made is removed.
  public static func clone(from url: String, into directory: String, isBare: Bool = false, access: RemoteAccess)
    throws(LedgerError) -> Ledger
  {
    let existed: Bool
    switch FileSystem.node(at: directory) {
    case .missing:
      existed = false
    case .directory:
      guard (FileSystem.directoryEntries(at: directory) ?? ["?"]).isEmpty else {
        throw LedgerError(
          .alreadyExists, "'\(directory.escapedForMessage)' already exists and is not empty; choose another directory")
      }
      existed = true
    default:
      throw LedgerError(
        .alreadyExists, "'\(directory.escapedForMessage)' exists and is not a directory; choose another directory")
    }
    func removeWhatWasMade() {
      if existed {
        for name in FileSystem.directoryEntries(at: directory) ?? [] {
          FileSystem.removeTree(at: "\(directory)/\(name)")
        }
      } else {
        FileSystem.removeTree(at: directory)
      }
    }
    let (callbacks, policy) = access.callbacks(for: url)
    do {
      _ = try Repository.clone(from: url, to: directory, isBare: isBare, callbacks: callbacks)
    } catch {
      removeWhatWasMade()
      throw RemoteAccess.error(error, doing: "clone", url: url, callbacks: callbacks, policy: policy)
    }
    do {
      let ledger = Ledger(repository: try Repository(openingAt: directory))
      try adoptRemoteBranchIfHeadIsUnborn(ledger.repository)
      guard try ledger.snapshot().hasConfig else {
        removeWhatWasMade()
        throw LedgerError(
          .notALedger,
          "\(url.escapedForMessage) holds no claims ledger (no ledger.json on its default branch); check the address")
      }
      if isBare { return ledger }
      try GitConfig.set("core.symlinks", to: "false", in: ledger.repository)
      // A fresh handle reads the setting just written before checking out.
      let checkout = try Repository(openingAt: directory)
      try checkout.checkOutHead()
      return Ledger(repository: checkout)
    } catch let error as LedgerError {
      removeWhatWasMade()
      throw error
    } catch let error as GitError {
      removeWhatWasMade()
      throw LedgerError(.git(error), "cannot check out the clone in '\(directory.escapedForMessage)': \(error.message)")
    } catch {
      removeWhatWasMade()
      throw LedgerError(.unexpected, "cannot check out the clone in '\(directory.escapedForMessage)': \(error)")
    }
  }

  /// A remote made with `git init --bare` and filled by a push keeps HEAD on git's default
  /// branch name (`master`), which may not exist: the clone then takes the remote's `main`, or
  /// its only branch, as git users would expect of a shared ledger.
  private static func adoptRemoteBranchIfHeadIsUnborn(_ repository: Repository) throws(GitError) {
    guard case .unborn = try repository.headState() else { return }
    let prefix = "refs/remotes/origin/"
    let branches = try repository.referenceNames(matching: "\(prefix)*").filter { $0 != "\(prefix)HEAD" }
    guard let chosen = branches.first(where: { $0 == "\(prefix)main" }) ?? (branches.count == 1 ? branches[0] : nil),
      let target = try repository.referenceTarget(named: chosen)
    else { return }
    let local = "refs/heads/" + chosen.dropFirst(prefix.count)
    try repository.updateReference(named: local, to: target, expecting: nil, logMessage: "claims clone")
    try repository.setHead(toBranch: local)
  }
}

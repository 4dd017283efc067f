public import ClaimModel
import Git

#if canImport(Glibc)
  import Glibc
#endif

/// What `claims sync` did.
public struct SyncResult: Sendable, Equatable {
  /// How the remote's work came in.
  public enum Integration: Sendable, Equatable {
    /// Nothing new on the remote.
    case none
    /// The ledger only lacked the remote's commits: the branch moved forward to them.
    case fastForward
    /// Both had new commits: a merge commit joins them.
    case merge
  }

  /// The remote's name, or its URL when it has none.
  public var remote: String
  /// The branch synced, e.g. `main`.
  public var branch: String
  /// Commits that came in from the remote.
  public var received: Int
  /// Commits sent to the remote.
  public var sent: Int
  public var integration: Integration
  /// Files changed on both sides, and whose version was kept.
  public var resolutions: [MergeResolution]
  /// How many fetch, merge and push rounds it took (more than one when the remote moved on meanwhile).
  public var rounds: Int
  /// The branch's tip afterwards, which the remote now holds too.
  public var tip: String?
  /// Problems that did not stop the sync.
  public var warnings: [String]
}

extension Ledger {
  /// How many times a push the remote refused (because it moved on) is retried after fetching and
  /// merging again.
  static let maximumSyncRounds = 5

  /// Brings the remote's work into the ledger and the ledger's work to the remote: fetch, then
  /// fast-forward or merge (``ThreeWayMerge``) through the ordinary write path, then push; if the
  /// push is refused because someone pushed first, again, up to ``maximumSyncRounds`` times.
  ///
  /// - Parameters:
  ///   - remoteName: a configured remote, or a URL or path; nil for `origin` (or the only remote).
  ///   - author: who signs a merge commit.
  /// - Throws: ``LedgerError`` when the remote cannot be reached or refuses, when the histories have
  ///   nothing in common, or when a file the merge would change holds uncommitted work. The ledger
  ///   is then as it was, or holds the remote's work merged in but not yet pushed.
  public func sync(remote remoteName: String?, as author: Identity, at time: Timestamp, access: RemoteAccess)
    throws(LedgerError) -> SyncResult
  {
    let syncLock = try WriteLock(gitDirectory: gitDirectory, name: "claims-sync.lock")
    defer { withExtendedLifetime(syncLock) {} }
    // Every fetch leaves a pack; a fast-forward writes nothing that would pack them.
    defer { packObjectsIfNeeded() }
    let remote = try openRemote(remoteName, relativeTo: access.workingDirectory ?? rootPath)
    let label = remote.name ?? remote.url
    let (branch, _) = try branchTip()
    let shortBranch = ReferenceName.short(branch)
    let display = "\(label)/\(shortBranch)"
    var result = SyncResult(
      remote: label, branch: shortBranch, received: 0, sent: 0, integration: .none, resolutions: [], rounds: 0,
      tip: nil, warnings: [])
    // Fetched into a reference only claims syncs write, under the sync lock: a lock file there is a
    // killed sync's, never a running `git fetch`'s. `refs/remotes/<name>/<branch>` follows after.
    let syncReference = "\(Self.syncReferences)\(remote.name ?? "anonymous")/\(shortBranch)"
    let trackingReference = remote.name.map { "refs/remotes/\($0)/\(shortBranch)" }
    let fetchSpec = "+\(branch):\(syncReference)"
    while result.rounds < Self.maximumSyncRounds {
      result.rounds += 1
      unlink("\(gitDirectory)/\(syncReference).lock")
      let remoteTip = try fetch(remote, refspec: fetchSpec, branch: branch, access: access)
      if let trackingReference, let remoteTip, let warning = updateTracking(trackingReference, to: remoteTip),
        !result.warnings.contains(warning)
      {
        result.warnings.append(warning)
      }
      if let remoteTip {
        let before = try branchTip().tip
        let (integration, resolutions, commit) = try integrate(
          remoteTip, label: display, remote: remote.name ?? remote.url, as: author, at: time)
        if integration != .none {
          result.integration = result.integration == .merge ? .merge : integration
          result.received += count(from: remoteTip, excluding: before)
        }
        result.resolutions += resolutions
        result.warnings += commit?.warnings ?? []
      }
      guard let localTip = try branchTip().tip else { break }
      result.tip = localTip.hex
      if localTip == remoteTip {
        rememberRemote(remote, result: &result)
        return result
      }
      let sending = count(from: localTip, excluding: remoteTip)
      if try push(remote, branch: branch, expecting: remoteTip, access: access) {
        result.sent += sending
        rememberRemote(remote, result: &result)
        return result
      }
    }
    if case .local(let path) = RemoteURL(remote.url).kind, let target = try? Repository(openingAt: path) {
      let lockPath = "\(Ledger(repository: target).gitDirectory)/\(branch).lock"
      if FileSystem.node(at: lockPath) != .missing {
        throw LedgerError(
          .locked(path: lockPath),
          "\(display) is locked by another program (\(lockPath)); your work is merged locally and safe. If no git push is running there, remove that file, then run 'claims sync' again"
        )
      }
    }
    throw LedgerError(
      .concurrentUpdate,
      "\(display) kept moving while claims tried to push (\(Self.maximumSyncRounds) rounds); your work is merged locally and safe, run 'claims sync' again"
    )
  }

  /// A ledger with no remote remembers the address its first sync used as `origin`, so the next
  /// `claims sync` needs none.
  private func rememberRemote(_ remote: Remote, result: inout SyncResult) {
    guard remote.name == nil, (try? repository.remoteNames())?.isEmpty == true else { return }
    do {
      try repository.addRemote(named: "origin", url: remote.url)
    } catch {
      result.warnings.append(
        "could not remember \(remote.url.escapedForMessage) as origin (\(error.message)); add it with 'git remote add origin URL'"
      )
    }
  }

  /// The remote `name` names (a configured remote, or a URL or path, relative paths read against
  /// `directory`), or the default one.
  private func openRemote(_ name: String?, relativeTo directory: String) throws(LedgerError) -> Remote {
    let names: [String]
    do {
      names = try repository.remoteNames()
    } catch {
      throw LedgerError(.git(error), "cannot read the ledger's remotes: \(error.message)")
    }
    let chosen: String
    if let name {
      chosen = name
    } else if names.contains("origin") {
      chosen = "origin"
    } else if names.count == 1, let only = names.first {
      chosen = only
    } else if names.isEmpty {
      throw LedgerError(
        .notFound,
        "the ledger has no remote; pass a URL or path, or add one with 'git remote add origin URL' (or start from 'claims clone')"
      )
    } else {
      throw LedgerError(
        .ambiguous, "the ledger has several remotes (\(names.joined(separator: ", "))); name the one to sync with")
    }
    do {
      if names.contains(chosen) { return try Remote(named: chosen, in: repository) }
      let address = RemoteAddress.resolve(chosen, relativeTo: directory)
      guard chosen.contains("/") || chosen.contains(":") || FileSystem.node(at: address) == .directory else {
        let known = names.isEmpty ? "none" : names.joined(separator: ", ")
        throw LedgerError(
          .notFound,
          "no remote named '\(chosen.escapedForMessage)' (the ledger's remotes: \(known)); give a URL or path, or add it with 'git remote add'"
        )
      }
      return try Remote(url: address, in: repository)
    } catch let error as LedgerError {
      throw error
    } catch {
      throw LedgerError(.unexpected, "cannot use the remote '\(chosen.escapedForMessage)': \(error)")
    }
  }

  /// Fetches `refspec` and returns the commit the remote's `branch` is at, or nil when the remote
  /// has no such branch yet.
  private func fetch(_ remote: Remote, refspec: String, branch: String, access: RemoteAccess) throws(LedgerError)
    -> ObjectID?
  {
    let (callbacks, policy) = access.callbacks(for: remote.url)
    do {
      // Through an anonymous remote: a named one would also update its configured tracking
      // references, whose locks a running `git fetch` may hold or a killed sync may have left.
      let anonymous = remote.name == nil ? remote : try Remote(url: remote.url, in: repository)
      try anonymous.fetch(refspecs: [refspec], callbacks: callbacks, reflogMessage: "claims sync: fetch")
      return try anonymous.advertisedReferences()[branch]
    } catch {
      throw RemoteAccess.error(error, doing: "fetch from", url: remote.url, callbacks: callbacks, policy: policy)
    }
  }

  /// Pushes `branch`; false when the remote refused because it moved on (fetch and merge again).
  /// The remote's branch is only ever moved from `remoteTip`, the value this sync merged, as a
  /// `git push` without `--force` does: a push someone made meanwhile is never overwritten.
  private func push(_ remote: Remote, branch: String, expecting remoteTip: ObjectID?, access: RemoteAccess)
    throws(LedgerError) -> Bool
  {
    if case .local(let path) = RemoteURL(remote.url).kind, let target = try? Repository(openingAt: path) {
      return try pushLocally(remote, to: target, branch: branch, expecting: remoteTip, access: access)
    }
    // Over ssh and https, git's receive-pack compares the old value under the branch's lock, and
    // libgit2 refuses a push that is not a fast-forward of what the remote advertises.
    let (callbacks, policy) = access.callbacks(for: remote.url)
    do {
      let rejections = try remote.push(refspecs: ["\(branch):\(branch)"], callbacks: callbacks)
      return rejections.isEmpty
    } catch  where error.code == .nonFastForward {
      return false
    } catch {
      throw RemoteAccess.error(error, doing: "push to", url: remote.url, callbacks: callbacks, policy: policy)
    }
  }

  /// A push to a repository on this machine. libgit2's local transport checks the old value and
  /// moves the branch in two steps, so a `git push` between them was lost; here the objects go to a
  /// reference of claims' own first, and the branch is moved by compare-and-swap under git's lock,
  /// with a journal in the remote so that a sync killed meanwhile leaves a lock the next one clears.
  private func pushLocally(
    _ remote: Remote, to target: Repository, branch: String, expecting remoteTip: ObjectID?, access: RemoteAccess
  ) throws(LedgerError) -> Bool {
    guard target.isBare else {
      throw LedgerError(
        .remoteRefused,
        "cannot push to \(remote.url.escapedForMessage): it has a work tree; share a bare repository instead (git init --bare, or git clone --bare of a ledger)"
      )
    }
    guard let localTip = try branchTip().tip else { return true }
    let remoteLedger = Ledger(repository: target)
    let directory = remoteLedger.gitDirectory
    let lock = try WriteLock(gitDirectory: directory)
    defer { withExtendedLifetime(lock) {} }
    // Under the remote's lock no other claims process is pushing: what a killed one left is stale.
    for warning in remoteLedger.recoverUnfinishedWrite() { Trace.mark("remote: \(warning)") }
    Self.clearIncomingLeftovers(in: target, gitDirectory: directory)
    let incoming = "\(Self.incomingReferences)\(localTip.hex)"
    let (callbacks, policy) = access.callbacks(for: remote.url)
    let rejections: [String: String]
    do {
      rejections = try remote.push(refspecs: ["+\(branch):\(incoming)"], callbacks: callbacks)
    } catch {
      throw RemoteAccess.error(error, doing: "push to", url: remote.url, callbacks: callbacks, policy: policy)
    }
    // A refusal here is not the remote moving on (no one else writes these references), so
    // fetching and merging again would only meet it again: say what libgit2 said.
    if let (reference, reason) = rejections.first {
      throw LedgerError(
        .remoteRefused,
        "\(remote.url.escapedForMessage) refused claims' objects at \(reference) (\(reason)); your work is merged locally and safe: run 'claims check', then 'claims sync' again"
      )
    }
    defer { try? target.deleteReference(named: incoming) }
    let journal = WriteJournal(branch: branch, commit: localTip, paths: [])
    try journal.write(to: directory)
    defer { WriteJournal.remove(from: directory) }
    do {
      try target.updateReference(
        named: branch, to: localTip, expecting: remoteTip, logMessage: "claims sync: push")
      if remoteTip == nil { Self.pointHead(of: target, at: branch) }
      // Every push leaves a pack in the remote, and nothing else packs a bare remote's objects.
      remoteLedger.packObjectsIfNeeded()
      return true
    } catch  where error.code == .modified || error.code == .exists || error.code == .locked {
      // Someone pushed (or is pushing) meanwhile: fetch, merge and try again.
      return false
    } catch {
      throw LedgerError(.git(error), "cannot move \(branch) in \(remote.url.escapedForMessage): \(error.message)")
    }
  }

  /// An empty `git init --bare` names `master` (or `init.defaultBranch`) in its HEAD; once the
  /// first sync has made `branch` its only branch, HEAD names it, so that a plain `git clone` of the
  /// desk's remote checks the ledger out instead of warning that HEAD names nothing.
  static func pointHead(of target: Repository, at branch: String) {
    guard case .unborn(let named) = try? target.headState(), named != branch,
      (try? target.referenceNames(matching: "refs/heads/*")) == [branch]
    else { return }
    try? target.setHead(toBranch: branch)
  }

  /// Where a local push leaves its objects before the branch moves: references no one else writes.
  static let incomingReferences = "refs/claims/incoming/"

  /// Removes what a sync killed while pushing to `target` left of its own references: the
  /// references and their lock files. Called under the remote's write lock, which every claims push
  /// takes before it writes one, so a lock file there is a dead writer's (a sync killed inside
  /// libgit2's push left one, and the next sync of the same commit was refused five times).
  static func clearIncomingLeftovers(in target: Repository, gitDirectory directory: String) {
    for lock in incomingLockFiles(in: directory) { unlink(lock) }
    for stale in (try? target.referenceNames(matching: "\(incomingReferences)*")) ?? [] {
      try? target.deleteReference(named: stale)
    }
  }

  /// The lock files under the remote's ``incomingReferences`` (one folder: their names are commit ids).
  static func incomingLockFiles(in directory: String) -> [String] {
    let folder = "\(directory)/\(incomingReferences.dropLast())"
    return (FileSystem.directoryEntries(at: folder) ?? []).filter { $0.hasSuffix(".lock") }.map { "\(folder)/\($0)" }
  }

  /// Fast-forwards to or merges `remoteTip` through the write path.
  private func integrate(
    _ remoteTip: ObjectID, label: String, remote: String, as author: Identity, at time: Timestamp
  ) throws(LedgerError) -> (SyncResult.Integration, [MergeResolution], CommitResult?) {
    var integration = SyncResult.Integration.none
    var resolutions: [MergeResolution] = []
    let commit = try commit(as: author, at: time) { (snapshot) throws(LedgerError) in
      integration = .none
      resolutions = []
      let plan: IntegrationPlan
      do throws(GitError) {
        plan = try planIntegration(of: remoteTip, into: snapshot, label: label, as: author, at: time)
      } catch {
        throw shallowHistoryError(error, doing: "merge \(label.escapedForMessage)")
          ?? missingHistoryError(error, doing: "merge \(label.escapedForMessage)", remote: remote)
          ?? LedgerError(.git(error), "cannot merge \(label.escapedForMessage): \(error.message)")
      }
      let target: ObjectID
      let message: CommitMessage
      switch plan {
      case .upToDate:
        return nil
      case .unsafe(let path):
        throw LedgerError(
          .unsafePath(path: path),
          "\(label.escapedForMessage) holds the path '\(path.escapedForMessage)', which leads outside the ledger or into .git; nothing was merged: remove that commit from the remote"
        )
      case .newerFormat(let version):
        throw LedgerError(
          .newerFormat,
          "\(label.escapedForMessage) holds a ledger.json in format version \(version), newer than this claims writes (\(currentFormatVersion)); nothing was merged: upgrade claims, then run 'claims sync' again"
        )
      case .unrelated:
        throw LedgerError(
          .wrongState,
          "\(label.escapedForMessage) has no history in common with this ledger; it is another ledger, so clone it with 'claims clone' instead"
        )
      case .fastForward:
        target = remoteTip
        message = CommitMessage(subject: "sync: fast-forward to \(label)", trailers: [])
        integration = .fastForward
      case .merge(let commit, let settled, let text):
        target = commit
        message = text
        resolutions = settled
        integration = .merge
      }
      do throws(GitError) {
        let (prepared, paths) = try PreparedCommit.changes(
          of: target, against: snapshot.rootTreeID, in: repository)
        var change = LedgerChange(files: paths.map { .init(path: $0, contents: nil) }, message: message)
        change.prepared = prepared
        return change
      } catch {
        throw LedgerError(.git(error), "cannot read the merged commit: \(error.message)")
      }
    }
    return (integration, resolutions, commit)
  }

  private enum IntegrationPlan {
    case upToDate, unrelated, fastForward
    case merge(ObjectID, [MergeResolution], CommitMessage)
    /// The remote's tree holds a path that would lead out of the work tree or into `.git`.
    case unsafe(String)
    /// The remote's `ledger.json` is in a format this build cannot write under.
    case newerFormat(Int)
  }

  private func planIntegration(
    of remoteTip: ObjectID, into snapshot: LedgerSnapshot, label: String, as author: Identity, at time: Timestamp
  ) throws(GitError) -> IntegrationPlan {
    guard let tip = snapshot.commitID else { return .fastForward }
    if tip == remoteTip { return .upToDate }
    if try repository.isDescendant(tip, of: remoteTip) { return .upToDate }
    // A crafted tree can name `..` or `.git`; nothing of it may reach the work tree.
    let incoming = try repository.changedFiles(from: snapshot.rootTreeID, to: repository.commit(remoteTip).treeID)
    if let unsafe = incoming.first(where: { WorkTreePath.isUnsafe($0.path) }) { return .unsafe(unsafe.path) }
    // Brought in, a newer ledger.json would stop every later write; refuse before merging it.
    if incoming.contains(where: { $0.path == LedgerPaths.config }),
      let entry = try repository.treeEntry(at: LedgerPaths.config, inTree: repository.commit(remoteTip).treeID),
      let bytes = try repository.blobContent(entry.id, limit: ObjectReader.maximumRecordSize),
      case let version = MergeSides.formatVersion(of: bytes), version > currentFormatVersion
    {
      return .newerFormat(version)
    }
    if try repository.isDescendant(remoteTip, of: tip) { return .fastForward }
    guard let base = try repository.mergeBase(tip, remoteTip) else { return .unrelated }
    let (tree, resolutions) = try ThreeWayMerge(repository: repository).merge(ours: tip, theirs: remoteTip, base: base)
    let message = CommitMessage(
      subject: "sync: merge \(label)",
      body: resolutions.isEmpty
        ? nil
        : "\(resolutions.count) change(s) made on both sides settled as the Resolved lines say; both sides stay in history.",
      trailers: [.action(.sync)] + resolutions.map { .init("Resolved", $0.summary) } + [
        .init(TrailerKey.reviewer, author.description),
        .init(TrailerKey.formatVersion, String(currentFormatVersion)),
      ])
    let signature = Signature(author: author, at: time)
    let commit = try repository.createCommit(
      tree: tree, parents: [tip, remoteTip], author: signature, committer: signature, message: message.text)
    return .merge(commit, resolutions, message)
  }

  /// The number of commits reachable from `tip` but not from `excluded`; 0 when it cannot be told.
  private func count(from tip: ObjectID, excluding excluded: ObjectID?) -> Int {
    guard let walk = try? RevisionWalk(repository), (try? walk.push(tip)) != nil else { return 0 }
    if let excluded { _ = try? walk.hide(excluded) }
    var count = 0
    while (try? walk.next()) != nil { count += 1 }
    return count
  }

  /// Where a sync fetches the remote's branch: references no other program writes.
  static let syncReferences = "refs/claims/sync/"

  /// Points the remote-tracking reference git users look at (`origin/main`) at what was fetched;
  /// left as it is when a `git fetch` holds its lock (it is only for show). A lock older than
  /// ``foreignLockStaleAfter`` is a killed sync's or `git fetch`'s, which would keep `origin/main`
  /// behind (and every `git fetch` failing) unnoticed: the warning returned names it.
  private func updateTracking(_ reference: String, to commit: ObjectID) -> String? {
    let current = try? repository.referenceTarget(named: reference)
    guard current != commit else { return nil }
    do {
      try repository.updateReference(
        named: reference, to: commit, expecting: current ?? nil, logMessage: "claims sync: fetch")
      return nil
    } catch {
      let lock = "\(gitDirectory)/\(reference).lock"
      guard let age = FileSystem.age(of: lock), age > Self.foreignLockStaleAfter else { return nil }
      return
        "\(ReferenceName.short(reference)) was not moved: .git/\(reference).lock, left \(Int(age)) s ago by a killed sync or git fetch, blocks it and every git fetch; if no git fetch is running, remove it"
    }
  }

}

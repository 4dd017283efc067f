public import ClaimModel
import Git

#if canImport(Glibc)
  import Glibc
#endif

extension Ledger {
  /// How many times a write is rebuilt on a fresh tip when another writer moved the branch first.
  static let maximumAttempts = 200
  /// A lock file older than this, left by something other than a claims writer, is reported by
  /// `claims check` (and a remote-tracking one is cleared by sync). Lock files of the branch and
  /// the index are never removed by age: a git command may hold one for minutes (`git commit`
  /// waiting for its editor), and claims cannot tell it from a dead one. Its own dead writers'
  /// locks are cleared at once, proven by their journal.
  static let foreignLockStaleAfter = 10.0
  /// How long a write waits for another program's lock on the index or branch before giving up.
  static let foreignLockPatience = 3.0
  /// Changes with more files than this are written as one pack rather than as loose objects.
  static let packThreshold = 64

  /// Makes one commit on the ledger's branch, safely against any number of concurrent writers.
  ///
  /// Under the ledger's write lock, `build` is called with the ledger as the branch tip holds it
  /// and returns the change to make (nil: nothing to do). The commit is made from that tip and the
  /// branch moved by compare-and-swap; if anything else moved it meanwhile, `build` runs again on
  /// the new tip. Only then are the touched work-tree files and index entries updated, so
  /// `git status` stays clean and nothing else in the work tree is touched.
  ///
  /// - Throws: ``LedgerError`` when `build` refuses, when a touched file holds uncommitted work,
  ///   or when git fails; the ledger is then exactly as it was.
  public func commit(
    as author: Identity, at time: Timestamp,
    _ build: (LedgerSnapshot) throws(LedgerError) -> LedgerChange?
  ) throws(LedgerError) -> CommitResult? {
    let result = try commitUnderWriteLock(as: author, at: time, build)
    // Outside the write lock: other writers need not wait for it.
    if result != nil { packObjectsIfNeeded() }
    return result
  }

  private func commitUnderWriteLock(
    as author: Identity, at time: Timestamp,
    _ build: (LedgerSnapshot) throws(LedgerError) -> LedgerChange?
  ) throws(LedgerError) -> CommitResult? {
    try Self.requireStorable(time)
    let lock = try WriteLock(gitDirectory: gitDirectory)
    defer { withExtendedLifetime(lock) {} }
    var warnings = recoverUnfinishedWrite()
    try refuseDuringGitOperation()
    var attempt = 0
    while true {
      attempt += 1
      Trace.mark("write lock taken")
      let (branch, tip) = try branchTip()
      let snapshot = try snapshot()
      // Records written under a config this build cannot read (broken, someone else's file, or a
      // newer format) could be wrong in ways nobody would notice.
      if snapshot.hasConfig {
        _ = snapshot.config()
        try snapshot.requireReadable(LedgerPaths.config)
      }
      guard var change = try build(snapshot) else { return nil }
      if change.prepared == nil, let upgraded = snapshot.upgradedConfig(),
        !change.files.contains(where: { $0.path == LedgerPaths.config })
      {
        // Records are written in this build's format: the ledger says so, and older claims stop
        // writing to it (they would merge events as whole files).
        change.files.append(LedgerChange.File(path: LedgerPaths.config, contents: upgraded))
      }
      Trace.mark("change built")
      // A large write's trees, commit and pack are made on another thread while its records are
      // checked; nothing of it reaches the disk before the checks pass.
      let packing =
        isBare || !Self.canWriteWorkTreeBesidePack(change)
        ? nil : try startWritingBesidePack(change, onto: snapshot, parent: tip, author: author, time: time)
      // A record the reader would refuse is refused here, before any object is written.
      if change.prepared == nil {
        try RecordLimits.check(change)
        try CommittedPathGuard.check(change, in: snapshot)
        Trace.mark("change checked against the reader's limits")
      }
      let index = try openIndex()
      Trace.mark("index read")
      if let index {
        var guardian = WorkTreeGuard(root: rootPath, repository: repository, index: index, snapshot: snapshot)
        for file in change.files { try guardian.checkWritable(file.path) }
      }
      Trace.mark("work tree checked")
      if index != nil { try waitForForeignIndexLock() }
      let paths = change.files.map(\.path)
      let commit: ObjectID
      let blobs: [String: ObjectID]
      var packName: String?
      let journal: WriteJournal
      // Files written before the branch moved (beside the pack), with their status, and whether
      // their index entries are staged already.
      var writtenEarly: [String: WorkTreeFileStatus?] = [:]
      var writtenAreStaged = false
      if let prepared = change.prepared {
        (commit, blobs) = (prepared.commit, prepared.blobs)
        journal = WriteJournal(branch: branch, commit: commit, paths: paths)
        // Also in a bare ledger: the journal is what proves a dead writer's branch lock its own.
        try journal.write(to: gitDirectory)
      } else if let packing, let index,
        // nil when the pack failed: written again the ordinary way, which retries what a
        // concurrent prune can make fail, and reports what cannot be helped.
        let early = try writeWorkTreeBesidePack(change, packing: packing, parent: tip, branch: branch, index: index)
      {
        (commit, blobs, journal, writtenEarly) = (early.commit, early.blobs, early.journal, early.statuses)
        (packName, writtenAreStaged) = (early.packName, early.entriesStaged)
      } else {
        let written = try writeObjectsRetrying(change, onto: snapshot, parent: tip, author: author, time: time)
        (commit, blobs, packName) = (written.commit, written.blobs, written.packName)
        journal = WriteJournal(branch: branch, commit: commit, paths: paths)
        try journal.write(to: gitDirectory)
      }
      Trace.mark("objects written")
      // A large write spends a while on its pack and files, and another program may have taken
      // the index meanwhile: waiting for it again here, before the branch moves, refuses with
      // nothing recorded, where a lock found only when the index is written has the commit
      // published and then taken back.
      if index != nil, !writtenEarly.isEmpty {
        do {
          try waitForForeignIndexLock()
        } catch {
          putBack(paths, written: blobs, to: tip)
          throw error
        }
      }
      do {
        try repository.updateReference(
          named: branch, to: commit, expecting: tip, logMessage: "claims: \(change.message.subject)")
      } catch {
        // Nothing is recorded: files written beside the pack go back to what the tip holds.
        if !writtenEarly.isEmpty { restoreWorkTree(paths, written: blobs, to: tip) }
        WriteJournal.remove(from: gitDirectory)
        switch error.code {
        case .modified where attempt < Self.maximumAttempts, .exists where attempt < Self.maximumAttempts:
          backOff(attempt)
          continue
        case .locked where attempt < Self.maximumAttempts:
          backOff(attempt)
          continue
        case .locked:
          throw LedgerError(
            .locked(path: "\(gitDirectory)/\(branch).lock"),
            "the branch is locked by another program (\(gitDirectory)/\(branch).lock); let the git command holding it finish, or if none is running remove that file, then retry"
          )
        case _ where attempt < Self.maximumAttempts && change.prepared == nil && missingObject(of: commit) != nil:
          // A prune beside the write removed the commit before the branch named it: write again.
          backOff(attempt)
          continue
        default:
          throw writeError(error, doing: "cannot move branch \(branch)")
        }
      }
      Trace.mark("branch moved")
      if change.prepared == nil,
        let warning = restorePrunedObjects(
          of: commit, change: change, packName: packName,
          rewrite: {
            () throws(LedgerError) in
            try writeObjects(change, onto: snapshot, parent: tip, author: author, time: time).commit
          })
      {
        warnings.append(warning)
      }
      if let index {
        defer { Trace.mark("work tree and index updated") }
        // The contents of the files still to be written (none when all were written beside the pack).
        let contents =
          writtenEarly.count == change.files.count
          ? [:]
          : Dictionary(change.files.compactMap { file in file.contents.map { (file.path, $0) } }) { first, _ in first }
        if let reason = synchroniseWorkTree(
          paths, blobs: blobs, modes: change.prepared?.modes ?? [:], contents: contents, written: writtenEarly,
          writtenAreStaged: writtenAreStaged, index: index, journal: journal)
        {
          // With the index behind the branch, the next plain `git commit` would write the old
          // files back and undo the action: take the branch back, and report nothing done.
          if let tip, takeBack(commit, blobs: blobs, to: tip, branch: branch, paths: paths) {
            throw LedgerError(
              .writeFailed(path: rootPath),
              "nothing was recorded: the work tree or git index could not be written (\(reason)); free some space or fix what this names, then retry"
            )
          }
          warnings.append(Self.workTreeWarning(reason))
        } else {
          WriteJournal.remove(from: gitDirectory)
        }
      } else {
        WriteJournal.remove(from: gitDirectory)
      }
      return CommitResult(commit: commit.hex, paths: paths, warnings: warnings)
    }
  }

  /// Refuses a time a git commit cannot hold (libgit2 would wrap it into 1970–2106 silently, and
  /// the wrapped time would then win or lose every comparison by time).
  static func requireStorable(_ time: Timestamp) throws(LedgerError) {
    guard !Signature.storableTimes.contains(time.secondsSince1970) else { return }
    let earliest = Timestamp(secondsSince1970: Signature.storableTimes.lowerBound)
    let latest = Timestamp(secondsSince1970: Signature.storableTimes.upperBound)
    throw LedgerError(
      .invalidInput,
      "the time \(time.text) is outside what a git commit can hold (\(earliest.text) to \(latest.text)); check the clock"
    )
  }

  private func openIndex() throws(LedgerError) -> Index? {
    guard !isBare else { return nil }
    do {
      // The index this code wrote last leaves its checksum and hash states in the caches: the
      // next write need not hash the whole 26 MB of a 200,000-file index to verify it.
      let caches = CacheDirectory(gitDirectory: gitDirectory)
      return try Index(of: repository, checksumRecord: caches.prepare() ? caches.path(of: "index-checksum.bin") : nil)
    } catch {
      throw indexError(error)
    }
  }

  private func refuseDuringGitOperation() throws(LedgerError) {
    for marker in ["MERGE_HEAD", "REBASE_HEAD", "CHERRY_PICK_HEAD", "rebase-merge", "rebase-apply"]
    where FileSystem.node(at: "\(gitDirectory)/\(marker)") != .missing {
      throw LedgerError(
        .uncommittedWork(path: gitDirectory),
        "a git merge or rebase is in progress in the ledger; finish or abort it, then retry")
    }
  }

  /// Writes the blobs, trees and commit of `change`.
  func writeObjects(
    _ change: LedgerChange, onto snapshot: LedgerSnapshot, parent: ObjectID?, author: Identity, time: Timestamp
  ) throws(LedgerError) -> WrittenObjects {
    let staged = try stageObjects(change, onto: snapshot, parent: parent, author: author, time: time)
    do {
      let packName = try staged.pack?.write(commit: staged.commit)
      return WrittenObjects(commit: staged.commit, blobs: staged.blobs, packName: packName)
    } catch {
      throw writeError(error, doing: "cannot write the commit")
    }
  }

  /// Whether `change` goes to the disk as one pack rather than as loose objects: many files, or an
  /// archived page (large blobs in new directories); one file and one sync instead of one per
  /// object.
  static func writesOnePack(_ change: LedgerChange) -> Bool {
    change.files.count > packThreshold
      || change.files.contains { $0.path.hasPrefix("\(CitationArchive.directory)/") }
  }

  /// Makes the blobs, trees and commit of `change`: written as loose objects at once, or, for a
  /// change that goes as one pack, kept in memory until its ``PendingPack`` is written.
  func stageObjects(
    _ change: LedgerChange, onto snapshot: LedgerSnapshot, parent: ObjectID?, author: Identity, time: Timestamp
  ) throws(LedgerError) -> StagedObjects {
    do {
      let packer =
        Self.writesOnePack(change)
        ? try PackedObjectWriter(repositoryAt: gitDirectory, settingsFile: packSettingsFile()) : nil
      let target = packer?.repository ?? repository
      let (blobs, treeChanges) = try storeBlobs(of: change, through: packer, in: target)
      let commit = try target.createCommit(
        applying: treeChanges, to: snapshot.rootTreeID, parent: parent, signature: Signature(author: author, at: time),
        message: change.message.text)
      return StagedObjects(
        commit: commit, blobs: blobs, pack: packer.map { PendingPack(writer: $0, baseTree: snapshot.rootTreeID) })
    } catch {
      throw writeError(error, doing: "cannot write the commit")
    }
  }

  /// Stores the blob of each file `change` writes, through `packer` when given (in memory, their
  /// ids hashed on every core) or as loose objects of `target`; returns the blob of each path and
  /// the tree changes the files make.
  func storeBlobs(of change: LedgerChange, through packer: PackedObjectWriter?, in target: Repository)
    throws(GitError) -> (blobs: [String: ObjectID], treeChanges: [TreeChange])
  {
    var blobs: [String: ObjectID] = [:]
    blobs.reserveCapacity(change.files.count)
    var treeChanges: [TreeChange] = []
    treeChanges.reserveCapacity(change.files.count)
    let packed = try packer?.writeBlobs(change.files.compactMap(\.contents))
    var next = 0
    for file in change.files {
      if let contents = file.contents {
        let blob: ObjectID
        if let packed {
          blob = packed[next]
          next += 1
        } else {
          blob = try target.writeBlob(contents)
        }
        blobs[file.path] = blob
        treeChanges.append(.upsert(path: file.path, blob: blob))
      } else {
        treeChanges.append(.remove(path: file.path))
      }
    }
    return (blobs, treeChanges)
  }

  /// Where the pack writer keeps its settings (in the caches, which are always safe to delete); nil
  /// when that directory cannot be made.
  func packSettingsFile() -> String? {
    let caches = CacheDirectory(gitDirectory: gitDirectory)
    return caches.prepare() ? caches.path(of: "pack.config") : nil
  }

  /// Waits a little for another program's `index.lock` to go, and refuses the write (before any
  /// commit) when it stays: the program holding it may be alive.
  private func waitForForeignIndexLock() throws(LedgerError) {
    let lockPath = "\(gitDirectory)/index.lock"
    var waited = 0.0
    while FileSystem.node(at: lockPath) != .missing {
      guard waited < Self.foreignLockPatience else { throw foreignIndexLockError() }
      usleep(10_000)
      waited += 0.01
    }
  }

  func foreignIndexLockError() -> LedgerError {
    LedgerError(
      .locked(path: "\(gitDirectory)/index.lock"),
      "the git index is locked by another program (\(gitDirectory)/index.lock); let the git command holding it finish, or if none is running remove that file, then retry"
    )
  }

  /// Finishes a write a killed claims process left half done. We hold the write lock, so that
  /// process is gone, and the lock files it held are stale.
  func recoverUnfinishedWrite() -> [String] {
    WriteJournal.removeTemporaryFiles(from: gitDirectory)
    guard let journal = WriteJournal.read(from: gitDirectory) else {
      guard FileSystem.node(at: WriteJournal.path(in: gitDirectory)) != .missing else { return [] }
      return WriteJournal.removeUnreadable(from: gitDirectory, branch: try? branchTip().branch)
    }
    if journal.isOwnBranchLock(in: gitDirectory) { unlink("\(gitDirectory)/\(journal.branch).lock") }
    if journal.isOwnIndexLock(in: gitDirectory) { unlink("\(gitDirectory)/index.lock") }
    WorkTreeLeftovers.remove(around: journal.paths, under: rootPath)
    var warnings: [String] = []
    let tip = try? repository.referenceTarget(named: journal.branch)
    if tip != journal.commit, !isBare {
      // The commit was never published (or was taken back): files the writer had already put in
      // the work tree go back to what the branch holds. A writer that wrote them beside its pack
      // may have died before the commit was on the disk; its journal names their blobs.
      if let written = journal.blobsByPath {
        restoreWorkTree(journal.paths, written: written, to: tip, emptyNewFilesAreOurs: true)
      } else {
        restoreWorkTree(journal.paths, written: blobs(of: journal.commit, at: journal.paths) ?? [:], to: tip)
      }
    }
    if tip == journal.commit, let index = try? openIndex() {
      var blobs: [String: ObjectID] = [:]
      var modes: [String: UInt32] = [:]
      if let tree = try? repository.commit(journal.commit).treeID {
        for path in journal.paths {
          if let entry = try? repository.treeEntry(at: path, inTree: tree), entry.kind != .tree {
            blobs[path] = entry.id
            if entry.fileMode != WorkTreeEntry.regularFile { modes[path] = entry.fileMode }
          }
        }
      }
      if let reason = synchroniseWorkTree(journal.paths, blobs: blobs, modes: modes, index: index, journal: journal) {
        warnings.append(Self.workTreeWarning(reason))
        return warnings
      }
    }
    WriteJournal.remove(from: gitDirectory)
    return warnings
  }

  private func backOff(_ attempt: Int) {
    usleep(UInt32(1_000 + Int.random(in: 0..<(min(attempt, 20) * 2_000))))
  }
}

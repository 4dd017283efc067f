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
      let (commit, blobs) =
        if let prepared = change.prepared {
          (prepared.commit, prepared.blobs)
        } else {
          try writeObjectsRetrying(change, onto: snapshot, parent: tip, author: author, time: time)
        }
      Trace.mark("objects written")
      let journal = WriteJournal(branch: branch, commit: commit, paths: change.files.map(\.path))
      // Also in a bare ledger: the journal is what proves a dead writer's branch lock its own.
      try journal.write(to: gitDirectory)
      do {
        try repository.updateReference(
          named: branch, to: commit, expecting: tip, logMessage: "claims: \(change.message.subject)")
      } catch {
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
          of: commit, change: change,
          rewrite: {
            () throws(LedgerError) in
            try writeObjects(change, onto: snapshot, parent: tip, author: author, time: time).0
          })
      {
        warnings.append(warning)
      }
      if let index {
        defer { Trace.mark("work tree and index updated") }
        let contents = Dictionary(change.files.compactMap { file in file.contents.map { (file.path, $0) } }) {
          first, _ in first
        }
        if let reason = synchroniseWorkTree(
          change.files.map(\.path), blobs: blobs, modes: change.prepared?.modes ?? [:], contents: contents,
          index: index,
          journal: journal)
        {
          // With the index behind the branch, the next plain `git commit` would write the old
          // files back and undo the action: take the branch back, and report nothing done.
          if let tip, takeBack(commit, to: tip, branch: branch, paths: change.files.map(\.path)) {
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
      return CommitResult(commit: commit.hex, paths: change.files.map(\.path), warnings: warnings)
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

  /// Writes the blobs, trees and commit of `change`; returns the commit and the blob of each path.
  func writeObjects(
    _ change: LedgerChange, onto snapshot: LedgerSnapshot, parent: ObjectID?, author: Identity, time: Timestamp
  ) throws(LedgerError) -> (ObjectID, [String: ObjectID]) {
    do {
      // Many files, or an archived page (large blobs in new directories), go as one pack: one file
      // and one sync instead of one per object.
      let packs =
        change.files.count > Self.packThreshold
        || change.files.contains { $0.path.hasPrefix("\(CitationArchive.directory)/") }
      let packer = packs ? try PackedObjectWriter(repositoryAt: gitDirectory, settingsFile: packSettingsFile()) : nil
      let target = packer?.repository ?? repository
      var blobs: [String: ObjectID] = [:]
      var treeChanges: [TreeChange] = []
      treeChanges.reserveCapacity(change.files.count)
      for file in change.files {
        if let contents = file.contents {
          let blob: ObjectID
          if let packer { blob = try packer.writeBlob(contents) } else { blob = try target.writeBlob(contents) }
          blobs[file.path] = blob
          treeChanges.append(.upsert(path: file.path, blob: blob))
        } else {
          treeChanges.append(.remove(path: file.path))
        }
      }
      let tree = try target.updatedTree(from: snapshot.rootTreeID, applying: treeChanges)
      let signature = Signature(name: author.name, email: author.signatureEmail, time: time.secondsSince1970)
      let commit = try target.createCommit(
        tree: tree, parents: parent.map { [$0] } ?? [], author: signature, committer: signature,
        message: change.message.text)
      try packer?.finish(commit: commit, baseTree: snapshot.rootTreeID)
      return (commit, blobs)
    } catch {
      throw writeError(error, doing: "cannot write the commit")
    }
  }

  /// Where the pack writer keeps its settings (in the caches, which are always safe to delete); nil
  /// when that directory cannot be made.
  func packSettingsFile() -> String? {
    let caches = CacheDirectory(gitDirectory: gitDirectory)
    return caches.prepare() ? caches.path(of: "pack.config") : nil
  }

  /// Brings the work-tree files and index entries of `paths` in line with the new commit.
  /// Returns a warning instead of throwing: the commit is already published.
  /// Removals go first, so that a file replacing a directory (or the other way round) finds its
  /// place free. `modes` holds the entries that are not regular files (merged from elsewhere).
  private func synchroniseWorkTree(
    _ paths: [String], blobs: [String: ObjectID], modes: [String: UInt32] = [:], contents: [String: [UInt8]] = [:],
    index: Index, journal: WriteJournal
  ) -> String? {
    do {
      if let unsafe = paths.first(where: WorkTreePath.isUnsafe) {
        throw LedgerError(
          .unsafePath(path: unsafe),
          "the path '\(unsafe.escapedForMessage)' leads outside the work tree; it was not written")
      }
      try index.reloadIfChanged()
      var madeDirectories: Set<String> = []
      var files: [(path: String, blob: ObjectID, mode: UInt32, bytes: [UInt8])] = []
      for path in paths where blobs[path] == nil {
        let absolute = "\(rootPath)/\(path)"
        if FileSystem.node(at: absolute) == .file { unlink(absolute) }
        try index.remove(path: path)
        FileSystem.removeEmptyDirectories(LedgerSnapshot.split(path).directory, under: rootPath)
      }
      for path in paths {
        guard let blob = blobs[path] else { continue }
        let (directory, _) = LedgerSnapshot.split(path)
        let mode = modes[path] ?? WorkTreeEntry.regularFile
        guard WorkTreeEntry.isWrittenOut(mode) else {
          try index.stage(path: path, blob: blob, fileMode: mode)
          continue
        }
        if madeDirectories.insert(directory).inserted {
          try FileSystem.makeDirectories(directory, under: rootPath)
        }
        // A symbolic link is written as a plain file holding its target (as git does with
        // core.symlinks off): the ledger never makes a link anyone could write through.
        files.append((path, blob, mode, try contents[path] ?? repository.blobContent(blob)))
      }
      // All the files first (an import's thousands on every core), then their index entries.
      try FileSystem.write(files.map { (bytes: $0.bytes, path: "\(rootPath)/\($0.path)") })
      for file in files {
        let absolute = "\(rootPath)/\(file.path)"
        if file.mode == WorkTreeEntry.executableFile { chmod(absolute, 0o755) }
        try index.stage(path: file.path, blob: file.blob, fileAt: absolute, fileMode: file.mode)
      }
      journal.markWritingIndex(in: gitDirectory)
      try writeIndex(index)
      return nil
    } catch let error as LedgerError {
      return error.message
    } catch {
      return "\(error)"
    }
  }

  /// The warning for a commit made whose work tree could not follow.
  private static func workTreeWarning(_ reason: String) -> String {
    "the commit was made, but the work tree could not be updated: \(reason); the next claims command retries"
  }

  private func writeIndex(_ index: Index) throws(LedgerError) {
    var waited = 0.0
    while true {
      do {
        try index.write()
        return
      } catch  where error.code == .locked {
        guard waited < Self.foreignLockPatience else { throw foreignIndexLockError() }
        usleep(10_000)
        waited += 0.01
      } catch {
        throw LedgerError(.git(error), "cannot write the git index: \(error.message)")
      }
    }
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

  private func foreignIndexLockError() -> LedgerError {
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
    if tip != journal.commit, let tip, !isBare {
      // The commit was never published (or was taken back): files the writer had already put in
      // the work tree go back to what the branch holds.
      restoreWorkTree(journal.paths, written: journal.commit, to: tip)
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

  /// Moves the branch back from `commit` to `tip` after the work tree or index could not follow
  /// it, and puts the files already written back as `tip` holds them. True when that worked
  /// (nothing is then recorded); false when the branch moved on meanwhile (the commit stays, and
  /// the next command retries the work tree).
  private func takeBack(_ commit: ObjectID, to tip: ObjectID, branch: String, paths: [String]) -> Bool {
    guard
      (try? repository.updateReference(named: branch, to: tip, expecting: commit, logMessage: "claims: taken back"))
        != nil
    else { return false }
    restoreWorkTree(paths, written: commit, to: tip)
    // The journal stays if a file could not be put back: the next command finishes the job.
    if paths.allSatisfy({ !isHalfWritten($0, by: commit) }) { WriteJournal.remove(from: gitDirectory) }
    return true
  }

  /// Whether the work-tree file at `path` holds what `commit` has there (a writer's own file).
  private func isHalfWritten(_ path: String, by commit: ObjectID) -> Bool {
    guard let tree = try? repository.commit(commit).treeID,
      let entry = try? repository.treeEntry(at: path, inTree: tree), entry.kind == .blob,
      let current = FileSystem.readFile(at: "\(rootPath)/\(path)", limit: 1 << 28)
    else { return false }
    return (try? Repository.blobID(of: current)) == entry.id
  }

  /// Puts each of `paths` whose work-tree file holds what `written` has there back as `tip` holds
  /// it (or removes it): only the writer's own half-done files are touched, never someone's edit.
  private func restoreWorkTree(_ paths: [String], written: ObjectID, to tip: ObjectID) {
    guard let writtenTree = try? repository.commit(written).treeID, let tipTree = try? repository.commit(tip).treeID
    else { return }
    for path in paths where !WorkTreePath.isUnsafe(path) {
      let absolute = "\(rootPath)/\(path)"
      guard let ours = try? repository.treeEntry(at: path, inTree: writtenTree), ours.kind == .blob,
        let current = FileSystem.readFile(at: absolute, limit: ObjectReader.maximumRecordSize * 256),
        (try? Repository.blobID(of: current)) == ours.id
      else { continue }
      if let before = try? repository.treeEntry(at: path, inTree: tipTree), before.kind == .blob,
        let bytes = try? repository.blobContent(before.id)
      {
        try? FileSystem.write(bytes, to: absolute)
      } else {
        unlink(absolute)
        FileSystem.removeEmptyDirectories(LedgerSnapshot.split(path).directory, under: rootPath)
      }
    }
  }

  private func backOff(_ attempt: Int) {
    usleep(UInt32(1_000 + Int.random(in: 0..<(min(attempt, 20) * 2_000))))
  }
}

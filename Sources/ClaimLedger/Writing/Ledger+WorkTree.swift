import ClaimModel
import Git

#if canImport(Glibc)
  import Glibc
#endif

/// How a write brings the work tree and the git index in line with its commit, and how a write
/// that cannot finish puts back what it had already written.
extension Ledger {
  /// Brings the work-tree files and index entries of `paths` in line with the new commit.
  /// Returns a warning instead of throwing: the commit is already published.
  /// Removals go first, so that a file replacing a directory (or the other way round) finds its
  /// place free. `modes` holds the entries that are not regular files (merged from elsewhere).
  /// `written` holds the files already written (beside the pack, ``writeWorkTreeBesidePack``) with
  /// their status: only their index entries are left to make, and none when `writtenAreStaged`
  /// (unless another program changed the index meanwhile, which drops them).
  func synchroniseWorkTree(
    _ paths: [String], blobs: [String: ObjectID], modes: [String: UInt32] = [:], contents: [String: [UInt8]] = [:],
    written: [String: WorkTreeFileStatus?] = [:], writtenAreStaged: Bool = false, index: Index, journal: WriteJournal
  ) -> String? {
    do {
      for path in paths { try Self.refuseUnsafe(path) }
      let stagedEntriesDropped = try index.reloadIfChanged()
      for path in paths where blobs[path] == nil {
        let absolute = "\(rootPath)/\(path)"
        if FileSystem.node(at: absolute) == .file { unlink(absolute) }
        try index.remove(path: path)
        FileSystem.removeEmptyDirectories(LedgerSnapshot.split(path).directory, under: rootPath)
      }
      var files: [(path: String, blob: ObjectID, mode: UInt32, bytes: [UInt8])] = []
      for path in paths {
        guard let blob = blobs[path], written[path] == nil else { continue }
        let mode = modes[path] ?? WorkTreeEntry.regularFile
        guard WorkTreeEntry.isWrittenOut(mode) else {
          try index.stage(path: path, blob: blob, fileMode: mode)
          continue
        }
        // A symbolic link is written as a plain file holding its target (as git does with
        // core.symlinks off): the ledger never makes a link anyone could write through.
        files.append((path, blob, mode, try contents[path] ?? repository.blobContent(blob)))
      }
      // All the files first (a merge's thousands on every core), then their index entries.
      let statuses = try writeWorkTreeFiles(files.map { ($0.path, $0.bytes) })
      for (file, status) in zip(files, statuses) {
        let absolute = "\(rootPath)/\(file.path)"
        if file.mode == WorkTreeEntry.executableFile { chmod(absolute, 0o755) }
        // Made executable after it was written: its status changed since.
        let status = file.mode == WorkTreeEntry.executableFile ? nil : status
        try stage(file.path, blob: file.blob, mode: file.mode, status: status, in: index)
      }
      for path in paths where !writtenAreStaged || stagedEntriesDropped {
        guard let status = written[path], let blob = blobs[path] else { continue }
        try stage(path, blob: blob, mode: WorkTreeEntry.regularFile, status: status, in: index)
      }
      Trace.mark("index entries staged")
      journal.markWritingIndex(in: gitDirectory)
      try writeIndex(index)
      return nil
    } catch let error as LedgerError {
      return error.message
    } catch {
      return "\(error)"
    }
  }

  /// Stages `path` with the status taken when it was written, or, without one (a file replaced
  /// through a rename, or made executable after), with the status of the file there now.
  private func stage(_ path: String, blob: ObjectID, mode: UInt32, status: WorkTreeFileStatus?, in index: Index)
    throws(GitError)
  {
    if let status {
      try index.stage(path: path, blob: blob, status: status, fileMode: mode)
    } else {
      try index.stage(path: path, blob: blob, fileAt: "\(rootPath)/\(path)", fileMode: mode)
    }
  }

  /// Writes `files` (paths relative to the work tree) into the work tree, making their directories
  /// first, and returns each file's status. `workers` is how many threads may create them.
  /// With `eachBatch`, one thread writes them and hands on the statuses of every few hundred
  /// files as they are written (see ``FileSystem/write(_:workers:batchSize:eachBatch:)``).
  func writeWorkTreeFiles(
    _ files: [(path: String, bytes: [UInt8])], workers: Int = 4,
    eachBatch: ((Range<Int>, [WorkTreeFileStatus?]) -> Void)? = nil
  ) throws(LedgerError) -> [WorkTreeFileStatus?] {
    var madeDirectories: Set<String> = []
    for file in files {
      try Self.refuseUnsafe(file.path)
      let (directory, _) = LedgerSnapshot.split(file.path)
      if madeDirectories.insert(directory).inserted {
        try FileSystem.makeDirectories(directory, under: rootPath)
      }
    }
    return try FileSystem.write(
      files.map { (bytes: $0.bytes, path: "\(rootPath)/\($0.path)") }, workers: workers, eachBatch: eachBatch)
  }

  private static func refuseUnsafe(_ path: String) throws(LedgerError) {
    guard WorkTreePath.isUnsafe(path) else { return }
    throw LedgerError(
      .unsafePath(path: path), "the path '\(path.escapedForMessage)' leads outside the work tree; it was not written")
  }

  /// The warning for a commit made whose work tree could not follow.
  static func workTreeWarning(_ reason: String) -> String {
    "the commit was made, but the work tree could not be updated: \(reason); the next claims command retries"
  }

  func writeIndex(_ index: Index) throws(LedgerError) {
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

  /// Moves the branch back from `commit` to `tip` after the work tree or index could not follow
  /// it, and puts the files already written back as `tip` holds them. True when that worked
  /// (nothing is then recorded); false when the branch moved on meanwhile (the commit stays, and
  /// the next command retries the work tree).
  func takeBack(_ commit: ObjectID, blobs: [String: ObjectID], to tip: ObjectID, branch: String, paths: [String])
    -> Bool
  {
    guard
      (try? repository.updateReference(named: branch, to: tip, expecting: commit, logMessage: "claims: taken back"))
        != nil
    else { return false }
    restoreWorkTree(paths, written: blobs, to: tip)
    // The journal stays if a file could not be put back: the next command finishes the job.
    if paths.allSatisfy({ !isHalfWritten($0, blob: blobs[$0]) }) { WriteJournal.remove(from: gitDirectory) }
    return true
  }

  /// Whether the work-tree file at `path` holds `blob` (a writer's own file).
  func isHalfWritten(_ path: String, blob: ObjectID?) -> Bool {
    guard let blob, let current = FileSystem.readFile(at: "\(rootPath)/\(path)", limit: 1 << 28) else { return false }
    return (try? Repository.blobID(of: current)) == blob
  }

  /// Puts each of `paths` whose work-tree file holds the blob `written` gives it back as `tip`
  /// holds it (or removes it, as when there is no tip): only the writer's own half-done files are
  /// touched, never someone's edit.
  ///
  /// With `emptyNewFilesAreOurs`, an empty file at a path `tip` does not hold is removed too: a
  /// writer that wrote its files beside its pack created each new one (refusing a file already
  /// there) and may have died before writing a byte of it.
  func restoreWorkTree(
    _ paths: [String], written: [String: ObjectID], to tip: ObjectID?, emptyNewFilesAreOurs: Bool = false
  ) {
    var tipTree: ObjectID?
    if let tip {
      guard let tree = try? repository.commit(tip).treeID else { return }
      tipTree = tree
    }
    for path in paths where !WorkTreePath.isUnsafe(path) {
      let absolute = "\(rootPath)/\(path)"
      guard let ours = written[path],
        let current = FileSystem.readFile(at: absolute, limit: ObjectReader.maximumRecordSize * 256)
      else { continue }
      let before = tipTree.flatMap { try? repository.treeEntry(at: path, inTree: $0) }
      let isOurs =
        (try? Repository.blobID(of: current)) == ours
        || (emptyNewFilesAreOurs && current.isEmpty && before == nil)
      guard isOurs else { continue }
      if let before, before.kind == .blob, let bytes = try? repository.blobContent(before.id) {
        _ = try? FileSystem.write(bytes, to: absolute)
      } else {
        unlink(absolute)
        FileSystem.removeEmptyDirectories(LedgerSnapshot.split(path).directory, under: rootPath)
      }
    }
  }

  /// The blob `commit` holds at each of `paths` it holds as a file; nil when the commit cannot be
  /// read (a writer that died before its objects were on the disk).
  func blobs(of commit: ObjectID, at paths: [String]) -> [String: ObjectID]? {
    guard let tree = try? repository.commit(commit).treeID else { return nil }
    var blobs: [String: ObjectID] = [:]
    for path in paths {
      if let entry = try? repository.treeEntry(at: path, inTree: tree), entry.kind == .blob { blobs[path] = entry.id }
    }
    return blobs
  }
}

import ClaimModel
import Git

/// A large write (an import of thousands of claims) writes its work-tree files while its pack is
/// made on another thread: compressing the objects and creating the files each keep one core
/// busy, and one after the other they were most of an import's time. The pack is started before
/// the records are checked (``startWritingBesidePack``) and reaches the disk only after.
///
/// The files are then in the work tree before the branch moves, so the write journal names the
/// blob of each (the commit may not be on the disk yet when the writer dies): the next writer
/// puts back exactly those files, as it puts back a published write's.
extension Ledger {
  /// What ``writeWorkTreeBesidePack`` made: the commit (its objects on the disk), the blob of each
  /// path, the journal written, and the status of each file written.
  struct WorkTreeBesidePack {
    var commit: ObjectID
    var blobs: [String: ObjectID]
    var journal: WriteJournal
    var statuses: [String: WorkTreeFileStatus?]
    var packName: String
    /// Whether every file's index entry was staged (in place) while the pack was being written.
    var entriesStaged: Bool
  }

  /// Whether `change` is written this way: a change that goes as one pack and only adds or
  /// replaces regular files (a removal first has to make room, and a merge's commit is made
  /// already).
  static func canWriteWorkTreeBesidePack(_ change: LedgerChange) -> Bool {
    change.prepared == nil && writesOnePack(change) && change.files.allSatisfy { $0.contents != nil }
  }

  /// Starts a large write before its records are checked: stores the blobs of `change` in memory
  /// and starts making its trees, commit and pack on another thread (``PackInProgress``). Nothing
  /// reaches the disk until ``writeWorkTreeBesidePack`` releases the pack.
  /// - Throws: ``LedgerError`` when the objects cannot be made.
  func startWritingBesidePack(
    _ change: LedgerChange, onto snapshot: LedgerSnapshot, parent tip: ObjectID?, author: Identity, time: Timestamp
  ) throws(LedgerError) -> PackInProgress {
    // Objects written while a gc prunes are the ones it may remove; wait for it to finish first.
    waitForGarbageCollection()
    do {
      let writer = try PackedObjectWriter(repositoryAt: gitDirectory, settingsFile: packSettingsFile())
      let (blobs, changes) = try storeBlobs(of: change, through: writer, in: writer.repository)
      Trace.mark("blobs made in memory")
      return PackInProgress(
        writer: writer, blobs: blobs, baseTree: snapshot.rootTreeID, changes: changes, parent: tip,
        signature: Signature(author: author, at: time), message: change.message.text)
    } catch {
      throw writeError(error, doing: "cannot write the commit")
    }
  }

  /// Writes the journal of the write `packing` makes, releases its pack to the disk, and writes the
  /// work-tree files of `change` on this thread meanwhile. The branch has not moved yet.
  ///
  /// - Returns: nil when the pack could not be written: the files are put back and the journal
  ///   removed, so the caller can write the change the ordinary way.
  /// - Throws: ``LedgerError`` when the objects cannot be made or the work tree cannot be written;
  ///   nothing is recorded then, and the work tree is as it was.
  func writeWorkTreeBesidePack(
    _ change: LedgerChange, packing: PackInProgress, parent tip: ObjectID?, branch: String, index: Index
  ) throws(LedgerError) -> WorkTreeBesidePack? {
    let commit: ObjectID
    do {
      commit = try packing.commit()
    } catch {
      throw writeError(error, doing: "cannot write the commit")
    }
    Trace.mark("objects made in memory")
    let blobs = packing.blobs
    let paths = change.files.map(\.path)
    let blobByPosition = paths.map { blobs[$0] }
    let journal = WriteJournal(branch: branch, commit: commit, paths: paths, blobs: blobByPosition)
    try journal.write(to: gitDirectory)
    packing.release()
    // Index entries are staged on another thread as the files are written (in memory; the index
    // is written only after the branch moves, when the objects are there): the pack is usually
    // done before the last files, and its core then stages their entries meanwhile.
    let stager = EntryStager(index: index, paths: paths, blobs: blobByPosition)
    let statuses: [WorkTreeFileStatus?]
    do {
      // One thread: the other core compresses the pack, and creating names in one directory is
      // serialised by its lock anyway.
      statuses = try writeWorkTreeFiles(
        change.files.map { ($0.path, $0.contents ?? []) }, workers: 1, eachBatch: stager.stage)
    } catch {
      _ = stager.finish()
      _ = try? packing.wait()
      putBack(paths, written: blobs, to: tip)
      throw LedgerError(
        .writeFailed(path: rootPath),
        "nothing was recorded: the work tree could not be written (\(error.message)); free some space or fix what this names, then retry"
      )
    }
    Trace.mark("work tree written")
    let entriesStaged = stager.finish()
    Trace.mark(entriesStaged ? "index entries staged beside the pack" : "index entries left for later")
    let packName: String
    do {
      packName = try packing.wait()
    } catch {
      Trace.mark("the pack written beside the work tree failed (\(error.message)); writing it again")
      putBack(paths, written: blobs, to: tip)
      return nil
    }
    Trace.mark("pack written")
    var statusByPath: [String: WorkTreeFileStatus?] = [:]
    statusByPath.reserveCapacity(paths.count)
    for (path, status) in zip(paths, statuses) { statusByPath[path] = status }
    return WorkTreeBesidePack(
      commit: commit, blobs: blobs, journal: journal, statuses: statusByPath, packName: packName,
      entriesStaged: entriesStaged)
  }

  /// Puts the files written beside a pack back as `tip` holds them, then drops the journal that
  /// named them. The journal stays if a file could not be put back: the next command finishes the
  /// job.
  func putBack(_ paths: [String], written: [String: ObjectID], to tip: ObjectID?) {
    restoreWorkTree(paths, written: written, to: tip)
    if paths.allSatisfy({ !isHalfWritten($0, blob: written[$0]) }) { WriteJournal.remove(from: gitDirectory) }
  }
}

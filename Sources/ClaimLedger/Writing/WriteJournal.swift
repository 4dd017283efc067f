import ClaimModel
import Git
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// A note a writer leaves in `<git-dir>/claims-journal.json` between writing its commit and
/// finishing the work tree, so that the next writer can finish a job a killed process left half
/// done: bring the touched files and index entries in line with the commit if the branch moved, and
/// clear the lock files the dead process held.
struct WriteJournal: Equatable {
  var branch: String
  var commit: ObjectID
  var paths: [String]
  /// The blob each path gets (by position in `paths`; nil for a path the commit removes), when the
  /// writer wrote work-tree files before its commit was on the disk: the next writer then tells
  /// those files from anyone else's without the commit. Empty when the journal does not say.
  var blobs: [ObjectID?] = []
  /// Set once the writer has begun writing the git index: only then can an `index.lock` newer than
  /// the journal be its (before, the lock belongs to another program and is never removed).
  var writingIndex = false

  static func path(in gitDirectory: String) -> String { "\(gitDirectory)/claims-journal.json" }

  var json: JSONValue {
    var members: [String: JSONValue] = [
      "branch": .string(branch),
      "commit": .string(commit.hex),
      "paths": .array(paths.map { .string($0) }),
    ]
    if writingIndex { members["writing_index"] = .bool(true) }
    if !blobs.isEmpty { members["blobs"] = .array(blobs.map { $0.map { .string($0.hex) } ?? .null }) }
    return .object(members)
  }

  /// The canonical bytes of ``json``, written straight from the fields: a large write's journal
  /// holds ten thousand paths and blobs, and building them as one JSON value first doubled the
  /// time it takes to write, just before the work-tree files.
  var encoded: [UInt8] {
    var writer = JSONStreamWriter(capacity: 128 + paths.count * (blobs.isEmpty ? 48 : 96))
    writer.beginObject()
    if !blobs.isEmpty {
      writer.key("blobs")
      writer.beginArray()
      for blob in blobs {
        if let blob { writer.string(blob.hex) } else { writer.null() }
      }
      writer.endArray()
    }
    writer.key("branch")
    writer.string(branch)
    writer.key("commit")
    writer.string(commit.hex)
    writer.key("paths")
    writer.beginArray()
    for path in paths { writer.string(path) }
    writer.endArray()
    if writingIndex {
      writer.key("writing_index")
      writer.bool(true)
    }
    writer.endObject()
    writer.raw(CollectionOfOne(0x0A))
    return writer.bytes
  }

  init(branch: String, commit: ObjectID, paths: [String], blobs: [ObjectID?] = []) {
    precondition(blobs.isEmpty || blobs.count == paths.count, "one blob per path")
    self.branch = branch
    self.commit = commit
    self.paths = paths
    self.blobs = blobs
  }

  /// The blob the journal gives each of its paths, or nil when it does not record them.
  var blobsByPath: [String: ObjectID]? {
    guard !blobs.isEmpty else { return nil }
    var result: [String: ObjectID] = [:]
    result.reserveCapacity(paths.count)
    for (path, blob) in zip(paths, blobs) { result[path] = blob }
    return result
  }

  /// The journal a writer left, or nil when there is none (or it is unreadable, as when the process
  /// died while writing it: then its commit was never published either).
  static func read(from gitDirectory: String) -> WriteJournal? {
    guard let bytes = FileSystem.readFile(at: path(in: gitDirectory)),
      case .object(let members) = try? JSONParser.parse(bytes),
      case .string(let branch) = members["branch"], case .string(let commitHex) = members["commit"],
      let commit = ObjectID(hex: commitHex), case .array(let pathValues) = members["paths"]
    else { return nil }
    let paths = pathValues.compactMap { value -> String? in
      guard case .string(let path) = value else { return nil }
      return path
    }
    var journal = WriteJournal(branch: branch, commit: commit, paths: paths)
    // Written by this version only with one entry per path; anything else is not trusted.
    if case .array(let blobValues) = members["blobs"], blobValues.count == paths.count {
      let blobs = blobValues.map { value -> ObjectID?? in
        switch value {
        case .null: .some(nil)
        case .string(let hex): ObjectID(hex: hex).map { .some($0) }
        default: nil
        }
      }
      if blobs.allSatisfy({ $0 != nil }) { journal.blobs = blobs.map { $0 ?? nil } }
    }
    journal.writingIndex = members["writing_index"] == .bool(true)
    return journal
  }

  func write(to gitDirectory: String) throws(LedgerError) {
    // Durable before the branch moves: after a power cut, the journal is what tells the next
    // writer which work-tree files to bring up to the commit.
    let bytes = encoded
    do {
      try FileSystem.writeAtomically(bytes, to: Self.path(in: gitDirectory), durable: true)
      Self.lastWritten.withLock { $0 = writingIndex ? nil : (self, bytes) }
    } catch {
      // A large write's journal (a blob per path) can be the first thing a full disk refuses:
      // said as every other write on a full disk says it.
      guard let shortage = DiskSpace.shortage(at: gitDirectory, systemError: 0) else { throw error }
      throw LedgerError(
        .writeFailed(path: gitDirectory), "cannot write the commit: \(shortage); free some space there, then retry")
    }
  }

  /// Marks the journal as writing the index, just before the index lock is taken. Not synced: after
  /// a power cut, a lock the marker would have proven is only left in place, and named.
  func markWritingIndex(in gitDirectory: String) {
    var marked = self
    marked.writingIndex = true
    let written = Self.lastWritten.withLock { last in last.flatMap { $0.journal == self ? $0.bytes : nil } }
    let bytes = written.flatMap(Self.addingWritingIndexMark) ?? marked.encoded
    try? FileSystem.writeAtomically(bytes, to: Self.path(in: gitDirectory), durable: false)
  }

  /// The last journal this process wrote, unmarked, with its bytes: marking it then only adds the
  /// mark to them, instead of encoding again a large write's ten thousand paths and blobs (most
  /// of the time between the branch moving and the index being written).
  private static let lastWritten = Mutex<(journal: WriteJournal, bytes: [UInt8])?>(nil)

  /// The canonical bytes of an unmarked journal with the writing-index mark added: `writing_index`
  /// sorts after every other key, so the mark is the last member. Nil when `bytes` do not end as
  /// a canonical object does.
  static func addingWritingIndexMark(to bytes: [UInt8]) -> [UInt8]? {
    let end = Array("\n}\n".utf8)
    guard bytes.count > end.count, bytes.suffix(end.count).elementsEqual(end) else { return nil }
    return Array(bytes.dropLast(end.count)) + Array(",\n  \"writing_index\": true\n}\n".utf8)
  }

  /// Whether `index.lock` is the one this journal's writer was writing when it died: the journal
  /// says it had begun writing the index, and the lock is no older than that mark.
  func isOwnIndexLock(in gitDirectory: String) -> Bool {
    guard writingIndex, let lock = FileSystem.statInfo(at: "\(gitDirectory)/index.lock"),
      let journal = FileSystem.statInfo(at: Self.path(in: gitDirectory))
    else { return false }
    return (lock.seconds, lock.nanoseconds) >= (journal.seconds, journal.nanoseconds)
  }

  static func remove(from gitDirectory: String) {
    unlink(path(in: gitDirectory))
  }

  /// Whether the branch's lock file is the one this journal's writer made when it moved the branch
  /// and died: libgit2 writes the new value into the lock before renaming it over the branch, so
  /// a lock holding the journal's commit (or, cut short, a beginning of it) and made no earlier than
  /// the journal is that writer's. Any other lock belongs to another program and is left alone.
  func isOwnBranchLock(in gitDirectory: String) -> Bool {
    let lockPath = "\(gitDirectory)/\(branch).lock"
    guard let contents = FileSystem.readFile(at: lockPath, limit: 4096),
      let lock = FileSystem.statInfo(at: lockPath), let journal = FileSystem.statInfo(at: Self.path(in: gitDirectory))
    else { return false }
    let expected = Array("\(commit.hex)\n".utf8)
    guard expected.starts(with: contents) else { return false }
    return (lock.seconds, lock.nanoseconds) >= (journal.seconds - 1, journal.nanoseconds)
  }

  /// Removes a journal that exists but cannot be read; only a writer that died while writing it
  /// can have left it (journals are replaced by rename), before it moved the branch or touched the
  /// index, so no lock file is its and none is removed. Returns a warning when there was one.
  static func removeUnreadable(from gitDirectory: String, branch: String?) -> [String] {
    guard FileSystem.node(at: path(in: gitDirectory)) != .missing else { return [] }
    remove(from: gitDirectory)
    return [
      "removed an unreadable write journal left by an interrupted claims process; 'git status' shows whether its files need restoring"
    ]
  }

  /// Removes the temporary files of journals whose writer died before renaming them into place.
  static func removeTemporaryFiles(from gitDirectory: String) {
    WorkTreeLeftovers.removeTemporaryFiles(of: ["claims-journal.json"], in: gitDirectory)
  }
}

import ClaimModel
import Dispatch
import Git
import Synchronization

/// The objects of a commit about to be made: the commit, the blob of each path it writes, and,
/// when they go to the disk as one pack, that pack still to be written.
struct StagedObjects {
  var commit: ObjectID
  var blobs: [String: ObjectID]
  var pack: PendingPack?
}

/// The objects of a commit on the disk: the commit, the blob of each path it writes, and the name
/// of the pack that holds them (nil: written as loose objects).
struct WrittenObjects {
  var commit: ObjectID
  var blobs: [String: ObjectID]
  var packName: String?
}

/// Objects held in memory by a ``PackedObjectWriter``, to be written as one pack.
struct PendingPack {
  let writer: PackedObjectWriter
  /// The tree of the commit's parent: objects it already holds are not packed again.
  let baseTree: ObjectID?

  /// Writes the pack of `commit` on this thread; returns the pack's name.
  func write(commit: ObjectID) throws(GitError) -> String {
    try writer.finish(commit: commit, baseTree: baseTree)
  }
}

/// The trees, commit and pack of a large write (an import's ten thousand records), made on
/// another thread from blobs already in memory, while this thread checks the records and then
/// writes the work tree: compressing the pack keeps one core busy for about as long as creating
/// the files keeps the other, and starting it before the checks takes it off the import's path.
///
/// Nothing reaches the disk before ``release()``: the pack is compressed in memory and stored only
/// once the write has been found acceptable and its journal is written. Dropped unreleased, the
/// work is abandoned.
final class PackInProgress: @unchecked Sendable {
  // Unchecked: the pack writer (not Sendable, a libgit2 handle) is used by the making thread
  // alone, from `init` until it signals `done`, and by nobody after; the rest is guarded.
  private let writer: PackedObjectWriter
  /// The blob of each path the commit writes.
  let blobs: [String: ObjectID]
  private let commitOutcome = Mutex<Result<ObjectID, GitError>?>(nil)
  private let packOutcome = Mutex<Result<String, GitError>?>(nil)
  private let isAbandoned = Mutex(false)
  private let commitMade = DispatchSemaphore(value: 0)
  private let released = DispatchSemaphore(value: 0)
  private let done = DispatchSemaphore(value: 0)
  private var isCommitKnown = false
  private var isReleased = false
  private var isWaitedFor = false

  /// Starts making, on another thread, the tree `changes` make of `baseTree`, its commit on
  /// `parent`, and their pack. Nothing may use `writer` afterwards.
  init(
    writer: PackedObjectWriter, blobs: [String: ObjectID], baseTree: ObjectID?, changes: [TreeChange],
    parent: ObjectID?, signature: Signature, message: String
  ) {
    self.writer = writer
    self.blobs = blobs
    // A queue of its own, not the global one: the thread waits for the release, and the global
    // queue's few threads (one per core) are what the records are checked with meanwhile.
    DispatchQueue(label: "claims.pack", qos: .userInitiated).async { [self] in
      let repository = self.writer.repository
      let commit: ObjectID
      do throws(GitError) {
        commit = try repository.createCommit(
          applying: changes, to: baseTree, parent: parent, signature: signature, message: message)
        commitOutcome.withLock { $0 = .success(commit) }
      } catch {
        commitOutcome.withLock { $0 = .failure(error) }
        packOutcome.withLock { $0 = .failure(error) }
        commitMade.signal()
        done.signal()
        return
      }
      commitMade.signal()
      let result: Result<String, GitError>
      do throws(GitError) {
        let pack = try self.writer.compress(commit: commit, baseTree: baseTree)
        Trace.mark("pack compressed on its own thread")
        released.wait()
        if isAbandoned.withLock({ $0 }) {
          result = .failure(GitError(code: .invalid, message: "the write was abandoned"))
        } else {
          result = .success(try self.writer.store(pack))
        }
      } catch {
        result = .failure(error)
      }
      packOutcome.withLock { $0 = result }
      Trace.mark("pack written on its own thread")
      done.signal()
    }
  }

  /// Waits for the commit to be made (in memory) and returns its id; throws what stopped it.
  func commit() throws(GitError) -> ObjectID {
    if !isCommitKnown {
      commitMade.wait()
      isCommitKnown = true
    }
    return try Self.value(of: commitOutcome.withLock { $0 }, missing: "the commit was not made")
  }

  /// Lets the pack go to the disk once it is compressed: the write is accepted and its journal
  /// written.
  func release() {
    guard !isReleased else { return }
    isReleased = true
    released.signal()
  }

  /// Waits for the pack to be on the disk and returns its name; throws what stopped it.
  @discardableResult
  func wait() throws(GitError) -> String {
    release()
    if !isWaitedFor {
      done.wait()
      isWaitedFor = true
    }
    return try Self.value(of: packOutcome.withLock { $0 }, missing: "the pack was not written")
  }

  /// What the thread left: its value, or the error that stopped it.
  private static func value<Value>(of outcome: Result<Value, GitError>?, missing: String) throws(GitError) -> Value {
    switch outcome {
    case .success(let value): return value
    case .failure(let error): throw error
    case nil: throw GitError(code: .invalid, message: missing)
    }
  }

  deinit {
    // The thread must not outlive the writer's repository handle; an unreleased pack is dropped.
    if !isReleased {
      isAbandoned.withLock { $0 = true }
      released.signal()
    }
    if !isWaitedFor { done.wait() }
  }
}

extension Repository {
  /// Makes the tree `changes` make of `baseTree` and a commit of it on `parent` (none for a first
  /// commit), by `signature` as author and committer; moves no reference.
  func createCommit(
    applying changes: [TreeChange], to baseTree: ObjectID?, parent: ObjectID?, signature: Signature, message: String
  ) throws(GitError) -> ObjectID {
    let tree = try updatedTree(from: baseTree, applying: changes)
    return try createCommit(
      tree: tree, parents: parent.map { [$0] } ?? [], author: signature, committer: signature, message: message)
  }
}

extension Signature {
  /// The signature of a claims write: `author`'s name and commit e-mail, at `time`.
  init(author: Identity, at time: Timestamp) {
    self.init(name: author.name, email: author.signatureEmail, time: time.secondsSince1970)
  }
}

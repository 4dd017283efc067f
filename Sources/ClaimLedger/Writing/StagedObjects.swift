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
///
/// A pack can be written on another thread (``startWriting(commit:)``) while this one writes the
/// work tree: compressing ten thousand records and creating ten thousand files each keep one core
/// busy, and the import waits for their sum otherwise.
struct PendingPack {
  let writer: PackedObjectWriter
  /// The tree of the commit's parent: objects it already holds are not packed again.
  let baseTree: ObjectID?

  /// Writes the pack of `commit` on this thread; returns the pack's name.
  func write(commit: ObjectID) throws(GitError) -> String {
    try writer.finish(commit: commit, baseTree: baseTree)
  }

  /// Starts writing the pack of `commit` on another thread. Nothing may use the writer until
  /// ``PackWriteInProgress/wait()`` returns.
  func startWriting(commit: ObjectID) -> PackWriteInProgress {
    PackWriteInProgress(self, commit: commit)
  }
}

/// A pack being written on another thread; ``wait()`` for it before using the ledger's objects.
final class PackWriteInProgress: @unchecked Sendable {
  // Unchecked: the pack writer (which is not Sendable, a libgit2 handle) is used by the writing
  // thread alone, from `init` until it signals `done`, and by nobody after.
  private let pack: PendingPack
  private let outcome = Mutex<Result<String, GitError>?>(nil)
  private let done = DispatchSemaphore(value: 0)
  private var isWaitedFor = false

  fileprivate init(_ pack: PendingPack, commit: ObjectID) {
    self.pack = pack
    DispatchQueue.global(qos: .userInitiated).async { [self] in
      let result: Result<String, GitError>
      do throws(GitError) {
        result = .success(try self.pack.write(commit: commit))
      } catch {
        result = .failure(error)
      }
      outcome.withLock { $0 = result }
      Trace.mark("pack written on its own thread")
      done.signal()
    }
  }

  /// Waits for the pack to be written and returns its name; throws what stopped it.
  @discardableResult
  func wait() throws(GitError) -> String {
    if !isWaitedFor {
      done.wait()
      isWaitedFor = true
    }
    switch outcome.withLock({ $0 }) {
    case .success(let name): return name
    case .failure(let error): throw error
    case nil: throw GitError(code: .invalid, message: "the pack was not written")
    }
  }

  deinit {
    // The thread must not outlive the writer's repository handle.
    if !isWaitedFor { done.wait() }
  }
}

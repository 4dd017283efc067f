import Dispatch
import Git

/// Stages the index entries of files as they are written, on a thread of its own, in place and
/// without looking for their objects (still being packed). As soon as one cannot be staged so, it
/// stops: the rest are staged the ordinary way after the branch moves (staging one again changes
/// nothing).
final class EntryStager: @unchecked Sendable {
  // Unchecked: the index (a libgit2 handle, not Sendable) is used by the staging queue alone from
  // the first batch until `finish` returns, while the writer of the files leaves it alone.
  private let index: Index
  private let paths: [String]
  private let blobs: [ObjectID?]
  private let queue = DispatchQueue(label: "claims.stage", qos: .userInitiated)
  private var allStaged = true

  init(index: Index, paths: [String], blobs: [ObjectID?]) {
    self.index = index
    self.paths = paths
    self.blobs = blobs
  }

  /// Stages the files at `positions`, just written with `statuses`, on the staging queue.
  func stage(_ positions: Range<Int>, _ statuses: [WorkTreeFileStatus?]) {
    queue.async { [self] in
      for (position, status) in zip(positions, statuses) where allStaged {
        guard let blob = blobs[position], let status,
          (try? index.stageInPlace(path: paths[position], blob: blob, status: status)) == true
        else {
          allStaged = false
          return
        }
      }
    }
  }

  /// Waits for every batch handed on; whether each entry was staged in place.
  func finish() -> Bool {
    queue.sync { allStaged }
  }
}

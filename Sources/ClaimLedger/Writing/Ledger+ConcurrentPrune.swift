import ClaimModel
import Git

#if canImport(Glibc)
  import Glibc
#endif

/// A `git gc` run beside a write: its `git prune` and `git prune-packed` remove object
/// directories they emptied and, with `--prune=now`, objects no branch reaches yet, which are
/// exactly the ones a write has just made and not yet published. Objects are named by their
/// contents, so writing them again is always safe.
extension Ledger {
  /// How often a write's objects are written again when libgit2 fails (a rename into a directory
  /// that `git prune` just removed, a blob it removed before the tree naming it was written).
  static let objectWriteAttempts = 5

  /// ``writeObjects(_:onto:parent:author:time:)``, again after a failure of libgit2, a few times;
  /// a full disk is not retried.
  func writeObjectsRetrying(
    _ change: LedgerChange, onto snapshot: LedgerSnapshot, parent: ObjectID?, author: Identity, time: Timestamp
  ) throws(LedgerError) -> WrittenObjects {
    // Objects written while a gc prunes are the ones it may remove; wait for it to finish first.
    waitForGarbageCollection()
    var attempt = 0
    while true {
      attempt += 1
      do {
        return try writeObjects(change, onto: snapshot, parent: parent, author: author, time: time)
      } catch {
        guard case .git = error.kind, attempt < Self.objectWriteAttempts else { throw error }
        usleep(UInt32(attempt * 20_000))
      }
    }
  }

  /// After the branch moved to `commit`: checks, through a fresh handle (libgit2's caches would
  /// answer for objects gone from the disk), that the commit, every tree on the changed paths and
  /// every blob written are in the object database, and writes them again when a prune removed
  /// them meanwhile. Returns a warning when they could not be restored.
  ///
  /// Objects written as one pack (`packName`) are all there while that pack is: git removes a pack
  /// only after writing its objects elsewhere, and prunes loose objects only. Then only the
  /// pack's two files are looked at, not each of an import's ten thousand objects.
  func restorePrunedObjects(
    of commit: ObjectID, change: LedgerChange, packName: String? = nil, rewrite: () throws(LedgerError) -> ObjectID
  ) -> String? {
    let written = change.files.filter { $0.contents != nil }.map(\.path)
    // A gc that started before the branch moved may still prune what it saw unreachable then:
    // check once it is done.
    waitForGarbageCollection()
    if let packName, ["pack", "idx"].allSatisfy({ FileSystem.node(at: packPath(packName, $0)) == .file }) {
      Trace.mark("written objects checked (their pack is there)")
      return nil
    }
    defer { Trace.mark("written objects checked") }
    for attempt in 1...Self.objectWriteAttempts {
      guard let missing = missingObject(of: commit, paths: written) else { return nil }
      Trace.mark("\(missing) was removed by a concurrent prune; writing it again (\(attempt))")
      guard (try? rewrite()) == commit else { break }
    }
    guard missingObject(of: commit, paths: written) != nil else { return nil }
    return
      "objects of commit \(commit.short) were removed while it was written (a 'git gc --prune=now' or 'git prune' run at the same time) and could not be written again; run 'git fsck'"
  }

  /// How long a write waits for a running `git gc` to finish before checking its objects.
  static let garbageCollectionPatience = 30.0

  /// Waits while `git gc` runs in this repository on this machine: it holds `gc.pid` ("<pid>
  /// <host>") for as long as it runs. A file left by a gc that died is ignored.
  func waitForGarbageCollection() {
    let path = "\(gitDirectory)/gc.pid"
    var waited = 0.0
    while waited < Self.garbageCollectionPatience, let pid = Self.runningGarbageCollector(describedBy: path) {
      Trace.mark("waiting for git gc (pid \(pid))")
      usleep(5_000)
      waited += 0.005
    }
  }

  /// The pid in a `gc.pid` file when that process runs on this host, else nil.
  static func runningGarbageCollector(describedBy path: String) -> Int32? {
    guard let bytes = FileSystem.readFile(at: path, limit: 4096) else { return nil }
    let fields = String(decoding: bytes, as: UTF8.self).split(whereSeparator: { $0 == " " || $0 == "\n" })
    guard fields.count >= 2, let pid = Int32(fields[0]), pid > 0 else { return nil }
    var host = [CChar](repeating: 0, count: 256)
    guard gethostname(&host, host.count - 1) == 0,
      String(decoding: host.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self) == fields[1]
    else { return nil }
    return kill(pid, 0) == 0 || errno == EPERM ? pid : nil
  }

  /// What of `commit` (and of the trees and files at `paths`) is missing from the object
  /// database, or nil when all of it is there.
  ///
  /// The ids come from this handle (its cache holds the trees just written); whether each object
  /// is on the disk is asked of a fresh handle, whose answer no cache can give. Asking only for
  /// existence reads no object: on a ledger of a million claims the top trees are a megabyte each.
  func missingObject(of commit: ObjectID, paths: [String] = []) -> String? {
    guard let fresh = try? Repository(openingAt: gitDirectory) else { return nil }
    guard (try? fresh.containsObject(commit)) == true, let tree = try? repository.commit(commit).treeID else {
      return "commit \(commit.short)"
    }
    guard (try? fresh.containsObject(tree)) == true else { return "the tree of commit \(commit.short)" }
    // Directories checked already, by path: an import's ten thousand files share two.
    var directories: [String: ObjectID] = ["": tree]
    for path in paths {
      var parent = ""
      for component in path.split(separator: "/") {
        let prefix = parent.isEmpty ? String(component) : "\(parent)/\(component)"
        defer { parent = prefix }
        if directories[prefix] != nil { continue }
        guard let directory = directories[parent],
          let entry = try? repository.treeEntry(named: String(component), inTree: directory),
          (try? fresh.containsObject(entry.id)) == true
        else {
          return "the tree or file of \(path)"
        }
        if entry.kind == .tree { directories[prefix] = entry.id }
      }
    }
    return nil
  }

  /// The path of the pack file named `name` with `suffix` (`pack` or `idx`).
  private func packPath(_ name: String, _ suffix: String) -> String {
    "\(gitDirectory)/objects/pack/pack-\(name).\(suffix)"
  }
}

import Git

#if canImport(Glibc)
  import Glibc
#endif

/// What packing the ledger's objects did (``Ledger/packObjects(automatic:)``).
public struct PackingResult: Sendable, Equatable {
  /// Loose objects now in the new pack, their files removed.
  public var looseObjectsPacked: Int
  /// Packs rolled into the new one, their files removed.
  public var packsCombined: Int
  /// Objects in the new pack; 0 when nothing was packed.
  public var objectsInNewPack: Int
  /// Packs and loose objects left afterwards.
  public var packsAfter: Int
  public var looseObjectsAfter: Int
  /// Files a killed pack writer left (``Ledger/packWriterLeftoverExpiry`` old or more), removed.
  public var leftoversRemoved: Int = 0
}

extension Ledger {
  /// `git gc --auto`'s limits, which `gc.auto` and `gc.autoPackLimit` change (0 turns the check off).
  static let defaultLooseObjectLimit = 6_700
  static let defaultPackLimit = 50

  /// Every write leaves loose objects (a verdict six of them) or a small pack (an import, an
  /// archived page), and libgit2 never packs them: a desk's year would leave millions of files of
  /// 4 KB and thousands of packs that every lookup walks. After a write, when git's own `gc --auto`
  /// limits are passed, the loose objects and the small packs become one pack. Best effort and
  /// quiet: the write has already succeeded; another packer at work (`claims-pack.lock`) or a
  /// failure leaves things for the next write.
  func packObjectsIfNeeded() {
    guard needsPacking() else { return }
    Trace.mark("objects counted")
    _ = try? packObjects(automatic: true)
    Trace.mark("objects packed")
  }

  /// Whether the loose objects or the packs have passed the limits.
  func needsPacking() -> Bool {
    let looseLimit = configuredLimit("gc.auto", default: Self.defaultLooseObjectLimit)
    guard looseLimit > 0 else { return false }
    let store = ObjectStore(gitDirectory: gitDirectory)
    if store.estimatedLooseObjects > looseLimit { return true }
    let packLimit = configuredLimit("gc.autoPackLimit", default: Self.defaultPackLimit)
    return packLimit > 0 && store.packCount > packLimit
  }

  /// Packs the loose objects, with the small packs rolled in geometrically (each pack kept is at
  /// least twice all that is smaller, as `git repack --geometric=2` keeps them), into one new pack;
  /// then removes the loose files and packs the new pack holds. Nothing is pruned: every object,
  /// reachable or not, is in a pack afterwards, so a concurrent reader finds it (libgit2 and git
  /// look for a missing object in the packs again before they give up), and an object a concurrent
  /// writer adds meanwhile is not touched. Packs with a `.keep` file are left alone.
  ///
  /// - Parameter automatic: true after a write: gives up at once when another packer holds
  ///   `claims-pack.lock`; false (`claims pack`) waits for it.
  public func packObjects(automatic: Bool = false) throws(LedgerError) -> PackingResult {
    let lock = try WriteLock(gitDirectory: gitDirectory, name: "claims-pack.lock", timeout: automatic ? 0 : 600)
    defer { withExtendedLifetime(lock) {} }
    let store = ObjectStore(gitDirectory: gitDirectory)
    let leftovers = removePackWriterLeftovers(in: store)
    let loose = store.looseObjects
    let packs = store.packs
    let rolled = Self.packsToRollUp(packs.filter { !$0.isKept }, looseObjects: loose.count)
    var result = PackingResult(
      looseObjectsPacked: 0, packsCombined: 0, objectsInNewPack: 0, packsAfter: packs.count,
      looseObjectsAfter: loose.count, leftoversRemoved: leftovers)
    guard !loose.isEmpty || rolled.count > 1 else { return result }
    var objects = loose
    for pack in rolled {
      guard let ids = ObjectStore.objectIDs(inIndexAt: "\(pack.basePath).idx") else {
        throw LedgerError(
          .unreadableFile(path: "\(pack.basePath).idx"),
          "cannot read the pack index \(pack.basePath).idx; run 'git fsck', and 'git index-pack' on its pack")
      }
      objects += ids
    }
    var seen = Set<ObjectID>()
    objects = objects.filter { seen.insert($0).inserted }
    let newPack: String
    do {
      newPack = try repository.writePack(of: objects, settingsFile: packSettingsFile())
    } catch {
      let failure = writeError(error, doing: "cannot pack the ledger's objects")
      // Not a full disk: an object that cannot be read. Nothing was removed; say where to look.
      guard case .git = failure.kind else { throw failure }
      throw LedgerError(
        failure.kind, "\(failure.message); nothing was removed: run 'git fsck' to find the damaged object")
    }
    // Only now that the new pack and its index are on the disk (libgit2 syncs both and the folder)
    // do the copies go: the index first, so no reader picks up a pack about to disappear.
    for pack in rolled where pack.basePath != newPack {
      for suffix in [".idx", ".pack", ".rev", ".bitmap", ".mtimes", ".promisor"] { unlink(pack.basePath + suffix) }
    }
    for object in loose { unlink(store.loosePath(of: object)) }
    result.looseObjectsPacked = loose.count
    result.packsCombined = rolled.filter { $0.basePath != newPack }.count
    result.objectsInNewPack = objects.count
    result.packsAfter = store.packCount
    result.looseObjectsAfter = store.looseObjects.count
    return result
  }

  /// How old a file a pack writer left must be before a packer removes it: a live writer appends
  /// to its temporary pack (its time moves on) and names its index and pack within moments of each
  /// other, so an hour-old one is a killed writer's (a fetch, a push into this repository, a packer).
  static let packWriterLeftoverExpiry = 3_600.0

  /// Removes what killed pack writers left (``ObjectStore/packWriterLeftovers``) that is older than
  /// ``packWriterLeftoverExpiry``, as `git prune` removes git's own `tmp_*` files: nothing else
  /// would, and each kill left up to a pack's size. Returns how many files went.
  private func removePackWriterLeftovers(in store: ObjectStore) -> Int {
    var removed = 0
    for path in store.packWriterLeftovers {
      guard let age = FileSystem.age(of: path), age > Self.packWriterLeftoverExpiry else { continue }
      if unlink(path) == 0 { removed += 1 }
    }
    return removed
  }

  /// The packs to roll into the new one, smallest first: git's geometric split with factor 2. From
  /// the largest down, the packs stay as long as each holds at least twice the next smaller one;
  /// everything below the first break is rolled up, and so is each further pack that holds less
  /// than twice what is rolled up (the loose objects counted in).
  static func packsToRollUp(_ packs: [ObjectStore.Pack], looseObjects: Int) -> [ObjectStore.Pack] {
    let sorted = packs.sorted { ($0.objectCount, $0.basePath) < ($1.objectCount, $1.basePath) }
    guard !sorted.isEmpty else { return [] }
    var split = sorted.count - 1
    while split > 0 && sorted[split].objectCount >= 2 * sorted[split - 1].objectCount { split -= 1 }
    // `split` is the first pack of the geometric run at the top; below it, everything is rolled up
    // (nothing when the whole list is geometric: then only the loose objects are packed).
    var rolledTotal = looseObjects + sorted[..<split].reduce(0) { $0 + $1.objectCount }
    var end = split
    while end < sorted.count && sorted[end].objectCount < 2 * rolledTotal {
      rolledTotal += sorted[end].objectCount
      end += 1
    }
    return Array(sorted[..<end])
  }

  private func configuredLimit(_ key: String, default fallback: Int) -> Int {
    guard let text = try? GitConfig.string(key, in: repository), let value = Int(text) else { return fallback }
    return value
  }
}

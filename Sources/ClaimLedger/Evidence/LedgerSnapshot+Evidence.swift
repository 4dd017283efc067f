public import ClaimModel
import Dispatch
import Git
import Synchronization

/// One citation of the ledger, where it stands: the claim, whose review, its number there, and
/// the event that added it (its lasting id: it survives merges and names it in the health file).
public struct CitedPage: Sendable {
  public var claim: Claim
  public var reviewer: Identity
  /// The citation's number among the reviewer's citations of the claim, from 1, as `claims show`
  /// lists them.
  public var number: Int
  /// The id of the event that added the citation.
  public var eventID: String
  public var citation: Citation
}

extension LedgerSnapshot {
  /// The largest evidence file read back: a page is at most 20 MB, and a capture adds its
  /// redirects and headers.
  public static let maximumEvidenceFileSize = 64 << 20

  /// The bytes of the evidence file at `path` (a capture or a text under `Evidence/`), or nil
  /// when the ledger does not hold it (or it is a link, a directory, or unreadable: reported).
  public func evidenceFile(_ path: String) -> [UInt8]? {
    guard let entry = entry(at: path) else { return nil }
    return objects.fileBytes(entry, in: Self.split(path).directory, limit: Self.maximumEvidenceFileSize)
  }

  /// Reads the evidence files at `paths` and hands each (nil: not in the ledger) to `transform` on
  /// the thread that read it, on every core (each thread with its own repository, as libgit2
  /// wants); returns the results in the order of `paths`. Checking thousands of captures is
  /// inflating and hashing hundreds of megabytes, which is what the cores are for.
  public func mapEvidenceFiles<Result: Sendable>(
    _ paths: [String], _ transform: @escaping @Sendable (String, [UInt8]?) -> Result
  ) -> [Result] {
    // Tree lookups use this snapshot's caches: on this thread, before the workers start.
    let entries = paths.map { entry(at: $0) }
    let workers = min(max(1, System.activeProcessorCount), paths.count, 8)
    let done = Mutex<[Int: Result]>([:])
    let problems = Mutex<[LedgerProblem]>([])
    if workers > 1 {
      let gitDirectory = repository.gitDirectory
      DispatchQueue.concurrentPerform(iterations: workers) { worker in
        guard let repository = try? Repository(openingAt: gitDirectory) else { return }
        let reader = ObjectReader(repository: repository)
        var local: [Int: Result] = [:]
        for position in stride(from: worker, to: paths.count, by: workers) {
          let bytes = entries[position].flatMap {
            reader.fileBytes($0, in: Self.split(paths[position]).directory, limit: Self.maximumEvidenceFileSize)
          }
          local[position] = transform(paths[position], bytes)
        }
        done.withLock { $0.merge(local) { first, _ in first } }
        problems.withLock { $0 += reader.problems }
      }
    }
    objects.merge(problems.withLock { $0 })
    var results = done.withLock { $0 }
    return paths.indices.map { position in
      // Here when there is one worker, or a worker's repository would not open.
      results.removeValue(forKey: position) ?? transform(paths[position], evidenceFile(paths[position]))
    }
  }

  /// Whether the ledger holds a file at `path`.
  public func holds(_ path: String) -> Bool { entry(at: path) != nil }

  /// Every citation of the claims of `sources` (all sources when empty) that are not retired, by
  /// source, claim position, reviewer and number.
  public func citedPages(of sources: [SourceID] = []) -> [CitedPage] {
    let chosen = sources.isEmpty ? sourceIDs() : sources
    loadRecords(of: chosen)
    var pages: [CitedPage] = []
    for source in chosen {
      let records = records(of: source)
      for claim in records.claims where !claim.isRetired {
        for review in records.reviews[claim.id] ?? [] {
          for (index, citation) in review.citations.enumerated() {
            pages.append(
              CitedPage(
                claim: claim, reviewer: review.reviewer, number: index + 1, eventID: review.citationEventIDs[index],
                citation: citation))
          }
        }
      }
    }
    return pages
  }

  /// How many bytes the files under `Evidence/` hold together. Each `Evidence/<aa>/` directory's
  /// total is cached under its tree id, so after one archive only one directory is summed again.
  func evidenceBytes() -> Int {
    let top = CitationArchive.directory
    guard treeID(ofDirectory: top) != nil else { return 0 }
    var cache = EvidenceSizeCache(directory: cacheDirectory)
    var total = 0
    for entry in entries(ofDirectory: top) where entry.kind == .tree {
      if let known = cache.size(of: entry.id) {
        total += known
        continue
      }
      var size = 0
      for file in objects.entries(ofTree: entry.id, at: "\(top)/\(entry.name)") where file.kind == .blob {
        size += (try? repository.blobSize(file.id)) ?? 0
      }
      cache.set(size, for: entry.id)
      total += size
    }
    cache.save()
    return total
  }

  /// The files of `files` that the ledger does not hold yet (evidence is named by its digest, so
  /// a file already there has the same bytes), refused when they would take the ledger's archive
  /// past its limit.
  /// - Throws: ``LedgerError`` `.limitExceeded`.
  func newEvidence(_ files: [LedgerChange.File]) throws(LedgerError) -> [LedgerChange.File] {
    var seen: Set<String> = []
    let new = files.filter { !holds($0.path) && seen.insert($0.path).inserted }
    guard !new.isEmpty else { return [] }
    let adding = new.reduce(0) { $0 + ($1.contents?.count ?? 0) }
    let limit = config().archiveLimitBytes
    let used = evidenceBytes()
    guard used + adding <= limit else {
      throw LedgerError(
        .limitExceeded,
        "archiving this page (\(Self.megabytes(adding))) would take the ledger's archive to \(Self.megabytes(used + adding)), past its limit of \(Self.megabytes(limit)); raise \"archive_limit_mb\" in ledger.json and commit it, or cite without --archive"
      )
    }
    return new
  }

  static func megabytes(_ bytes: Int) -> String {
    let tenths = (bytes + 50_000) / 100_000
    return "\(tenths / 10).\(tenths % 10) MB"
  }
}

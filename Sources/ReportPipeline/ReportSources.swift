import ClaimLedger
import ClaimModel
import ClaimReport

/// Every reported source's part of a report at one commit: its ``SourceTally`` and, for formats
/// that list every claim, its rendered pieces. A source whose records are unchanged since an
/// earlier report (same trees, same source record, same ledger config, same build) comes from the
/// report caches under `<git-dir>/claims-cache/v2/`; the others are read (from the record cache or
/// git) and computed on every core, then cached.
///
/// So after one review, one source is recomputed, and a report never decodes the records of the
/// sources nobody touched.
final class ReportSources {
  /// Layout of the cached tallies and pieces beyond what the build identity covers; bump when the
  /// meaning of a cached value changes.
  private static let cacheVersion = 4

  private let snapshot: LedgerSnapshot
  private let config: LedgerConfig
  private let format: ReportFormat
  private let importTimes: [SourceID: Timestamp]
  /// What the last evidence checks found, by source.
  private let health: [SourceID: CitationHealthIndex]
  /// Each source's tally, in the order of the sources asked for.
  private(set) var tallies: [SourceTally] = []
  /// Each source's rendered pieces, for formats that list every claim.
  private(set) var fragments: CachedFragments?
  /// The unusable files met in the sources' records, cached or read now, in source order.
  private(set) var problems: [LedgerProblem] = []
  /// The sources computed in this run, batch by batch (for tests: a cold report must not read
  /// every source's records in one go).
  private(set) var computedBatches: [[SourceID]] = []

  /// Gathers `sources` for a report in `format`; `importTimes` from the history, for the backlog.
  /// Sources the caches lack are computed in batches of at least `batchSize` (see ``batches(of:size:shard:)``).
  init(
    snapshot: LedgerSnapshot, sources: [SourceID], config: LedgerConfig, format: ReportFormat,
    importTimes: [SourceID: Timestamp], health: [SourceID: CitationHealthIndex] = [:],
    batchSize: Int = ReportSources.sourcesPerBatch
  ) {
    self.snapshot = snapshot
    self.config = config
    self.format = format
    self.importTimes = importTimes
    self.health = health
    let parts = ReportRenderer.parts(of: format)
    let tallyCache = SourceBlobCache(snapshot: snapshot, name: "report-tallies", shardCount: 16)
    let pieceCache = parts.isEmpty ? nil : SourceBlobCache(snapshot: snapshot, name: "report-\(format.rawValue)")
    if let pieceCache {
      fragments = CachedFragments(cache: pieceCache, order: parts) { [unowned self] in self.renderAgain($0) }
    }

    var hasher = SHA256()
    hasher.update(JSONWriter.canonicalBytes(of: config.json))
    var common = hasher.finalize()
    for number in [Self.cacheVersion, SourceTally.encodingVersion, VerificationReport.schemaVersion] {
      common.append(UInt8(truncatingIfNeeded: number))
    }
    var found: [SourceID: (SourceTally, [LedgerProblem])] = [:]
    var missing: [MissingSource] = []
    for source in sources {
      // A source's figures and pieces also show its citations' last evidence checks.
      var tallyKey = snapshot.fingerprint(of: source) + common
      if let index = health[source], !index.isEmpty {
        var digest = SHA256()
        digest.update(index.canonicalBytes)
        tallyKey += digest.finalize()
      }
      let pieceKey = tallyKey + Array((importTimes[source]?.text ?? "-").utf8)
      if let entry = tallyCache.entry(of: source, key: tallyKey), let stored = tallyCache.readAll(entry),
        stored.count == 2, let tally = SourceTally(decoding: stored[0]), tally.source == source,
        let problems = Self.decodeProblems(stored[1])
      {
        if let pieceCache, let fragments {
          guard let pieces = pieceCache.entry(of: source, key: pieceKey), pieces.partLengths.count == parts.count
          else {
            missing.append((source, tallyKey, pieceKey))
            continue
          }
          fragments.use(pieces, for: source)
        }
        found[source] = (tally, problems)
      } else {
        missing.append((source, tallyKey, pieceKey))
      }
    }
    Trace.mark("report cache: \(found.count) sources cached, \(missing.count) to compute")

    // Computed a few shards of the piece cache at a time, stored, and then written out from the
    // cache: a cold report of a million claims would otherwise hold every source's pieces at once
    // (1.3 GB of JSON) on top of what it reads. Formats without pieces (text, Markdown) go a few
    // files of the record cache at a time, which each batch writes and lets go of: in one batch,
    // a cold text report held every source's encoded records until the end (at a million claims,
    // a peak of 1.91 GB against 1.37 GB in batches).
    // (Each shard of the piece cache is whole files of the record cache too: 64 divides 256.)
    let batches = Self.batches(of: missing, size: batchSize) { source in
      pieceCache?.shardIndex(of: source) ?? snapshot.recordCacheShard(of: source)
    }
    for batch in batches {
      computedBatches.append(batch.map(\.source))
      for (item, computed) in zip(batch, compute(batch.map(\.source))) {
        found[item.source] = (computed.tally, computed.problems)
        tallyCache.store(
          [computed.tally.encoded(), Self.encodeProblems(computed.problems)], for: item.source, key: item.tallyKey)
        if let pieceCache {
          fragments?.use(computed.pieces, for: item.source)
          pieceCache.store(parts.map { computed.pieces[$0] ?? [] }, for: item.source, key: item.pieceKey)
        }
      }
      guard let pieceCache, let fragments else { continue }
      pieceCache.flush()
      for item in batch {
        // Kept in memory when the cache could not be written (a read-only repository).
        if let entry = pieceCache.entry(of: item.source, key: item.pieceKey), entry.partLengths.count == parts.count {
          fragments.use(entry, for: item.source)
        }
      }
    }
    tallyCache.flush()
    if !missing.isEmpty { Trace.mark("report cache written") }

    for source in sources {
      guard let (tally, problems) = found[source] else { continue }
      tallies.append(tally)
      self.problems += problems
    }
  }

  /// A source the caches lack, with the keys its tally and pieces are stored under.
  typealias MissingSource = (source: SourceID, tallyKey: [UInt8], pieceKey: [UInt8])

  /// How many sources a batch of the cold path computes before its shards are written, at least.
  static let sourcesPerBatch = 1_000

  /// `items` in batches of whole shards (those of `shard`), each of at least `size` sources but the
  /// last, so that each shard file is written once.
  static func batches(
    of items: [MissingSource], size: Int = sourcesPerBatch, shard: (SourceID) -> Int
  ) -> [[MissingSource]] {
    LedgerSnapshot.batches(of: items, size: size) { shard($0.source) }
  }

  /// Whether the pieces of `part` for `source` are at hand.
  func isStored(_ part: ReportPart, for source: SourceID) -> Bool {
    fragments?.storedLength(of: part, for: source) != nil
  }

  /// The entries of each of `sources`, in order, for parts that are shown but not kept as pieces.
  /// Their records are read in one batch first: reading them one by one would rewrite a record
  /// cache shard for every source the cache lacks.
  func details(of sources: [SourceID]) -> [SourceDetails] {
    snapshot.loadRecords(of: sources)
    return sources.map { source in
      var input = input(
        source, snapshot.records(of: source), record: snapshot.sourceRecord(source), health: health[source])
      input.decisions = snapshot.decisions(of: source)
      return ReportBuilder.section(of: input, config: config).details
    }
  }

  // MARK: Computing

  private struct Computed: Sendable {
    var tally: SourceTally
    var pieces: [ReportPart: [UInt8]]
    var problems: [LedgerProblem]
  }

  /// Tallies and renders `sources` from their records, on every core.
  private func compute(_ sources: [SourceID]) -> [Computed] {
    guard !sources.isEmpty else { return [] }
    // Source records and their problems are read here: the snapshot belongs to this thread.
    var records: [SourceID: SourceRecord] = [:]
    var decisions: [SourceID: [ClaimID: ClaimDecision]] = [:]
    var recordProblems: [SourceID: [LedgerProblem]] = [:]
    for source in sources {
      let before = snapshot.problems.count
      records[source] = snapshot.sourceRecord(source)
      let decided = snapshot.decisions(of: source)
      if !decided.isEmpty { decisions[source] = decided }
      if snapshot.problems.count > before { recordProblems[source] = Array(snapshot.problems[before...]) }
    }
    let (config, format, importTimes, health) = (self.config, self.format, self.importTimes, self.health)
    let (sourceRecords, sourceDecisions) = (records, decisions)
    return snapshot.mapRecords(of: sources) { source, read in
      var input = ReportSources.input(source, read, record: sourceRecords[source], health: health[source])
      input.decisions = sourceDecisions[source] ?? [:]
      let section = ReportBuilder.section(of: input, config: config)
      let pieces = ReportRenderer.fragments(
        of: section.details, as: format,
        context: FragmentContext(scale: config.scale, record: sourceRecords[source], importedAt: importTimes[source]))
      return Computed(tally: section.tally, pieces: pieces, problems: read.problems)
    }.enumerated().map { index, computed in
      var computed = computed
      computed.problems = (recordProblems[sources[index]] ?? []) + computed.problems
      return computed
    }
  }

  private func renderAgain(_ source: SourceID) -> [ReportPart: [UInt8]] {
    ReportRenderer.fragments(
      of: details(of: [source])[0], as: format,
      context: FragmentContext(
        scale: config.scale, record: snapshot.sourceRecord(source), importedAt: importTimes[source]))
  }

  private func input(
    _ source: SourceID, _ records: SourceRecords, record: SourceRecord?, health: CitationHealthIndex?
  ) -> SourceInput {
    Self.input(source, records, record: record, health: health)
  }

  private static func input(
    _ source: SourceID, _ records: SourceRecords, record: SourceRecord?, health: CitationHealthIndex?
  ) -> SourceInput {
    var reviews: [Review] = []
    for id in records.reviews.keys.sorted() { reviews += records.reviews[id] ?? [] }
    return SourceInput(
      id: source, claims: records.claims, reviews: reviews, assignments: Array(records.assignments.values),
      record: record, health: health ?? CitationHealthIndex())
  }

  // MARK: Problems in the cache

  private static let noProblems = encodeProblems([])

  private static func encodeProblems(_ problems: [LedgerProblem]) -> [UInt8] {
    JSONWriter.canonicalBytes(
      of: .array(
        problems.map {
          .object([
            "kind": .string($0.kind.rawValue), "path": .string($0.path), "problem": .string($0.problem),
            "remedy": .string($0.remedy),
          ])
        }
      ))
  }

  private static func decodeProblems(_ bytes: [UInt8]) -> [LedgerProblem]? {
    // Almost every source has none.
    if bytes == Self.noProblems { return [] }
    guard case .array(let values)? = try? JSONParser.parse(bytes) else { return nil }
    var problems: [LedgerProblem] = []
    for value in values {
      guard case .object(let fields) = value, case .string(let kindName)? = fields["kind"],
        let kind = LedgerProblem.Kind(rawValue: kindName), case .string(let path)? = fields["path"],
        case .string(let problem)? = fields["problem"], case .string(let remedy)? = fields["remedy"]
      else { return nil }
      problems.append(LedgerProblem(kind, path: path, problem: problem, remedy: remedy))
    }
    return problems
  }
}

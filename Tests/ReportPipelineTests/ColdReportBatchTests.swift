import ClaimLedger
import ClaimModel
import ClaimReport
import TestSupport
import Testing

@testable import ReportPipeline

/// The cold path of a report computes and stores the sources the caches lack a few shards at a
/// time, so that a million claims' pieces are never all in memory at once.
@Suite struct ColdReportBatchTests {
  private func missing(_ count: Int) throws -> [ReportSources.MissingSource] {
    try (0..<count).map { (source: try Fixtures.source("source-\($0)"), tallyKey: [], pieceKey: []) }
  }

  @Test func everySourceIsComputedOnceInBatchesOfWholeShards() throws {
    let items = try missing(5_000)
    let shard = { (source: SourceID) in abs(source.rawValue.hashValue) % 64 }
    let batches = ReportSources.batches(of: items, shard: shard)
    #expect(batches.count > 1)
    #expect(batches.flatMap { $0 }.map(\.source.rawValue).sorted() == items.map(\.source.rawValue).sorted())
    for batch in batches.dropLast() { #expect(batch.count >= ReportSources.sourcesPerBatch) }
    // A shard's sources all go in one batch: each shard file is written once.
    var batchOfShard: [Int: Int] = [:]
    for (number, batch) in batches.enumerated() {
      for item in batch {
        let previous = batchOfShard.updateValue(number, forKey: shard(item.source))
        #expect(previous == nil || previous == number)
      }
    }
  }

  /// Text and Markdown keep no pieces, yet their cold path must be batched too: in one batch, a
  /// cold text report held every source's records (1.9 GB at a million claims).
  @Test(arguments: [ReportFormat.text, .markdown, .json])
  func aColdReportComputesItsSourcesInBatchesOfWholeRecordCacheFiles(format: ReportFormat) throws {
    let fixture = try PipelineLedger()
    for number in 0..<6 { try fixture.importing(PipelineLedger.storm, as: "source-\(number)") }
    let snapshot = try fixture.ledger().snapshot()
    let sources = snapshot.sourceIDs()
    let gathered = ReportSources(
      snapshot: snapshot, sources: sources, config: snapshot.config(), format: format, importTimes: [:],
      batchSize: 2)

    let batches = gathered.computedBatches
    #expect(batches.count > 1)
    #expect(batches.flatMap { $0 }.sorted() == sources)
    for batch in batches.dropLast() { #expect(batch.count >= 2) }
    // Each file of the record cache is written by one batch, then let go of.
    var batchOfFile: [Int: Int] = [:]
    for (number, batch) in batches.enumerated() {
      for source in batch {
        let previous = batchOfFile.updateValue(number, forKey: snapshot.recordCacheShard(of: source))
        #expect(previous == nil || previous == number)
      }
    }
    #expect(gathered.tallies.map(\.source) == sources)
  }

  @Test func aFewSourcesAreOneBatchAndNoneAreNone() throws {
    #expect(ReportSources.batches(of: try missing(3), shard: { _ in 0 }).map(\.count) == [3])
    #expect(ReportSources.batches(of: [], shard: { _ in 0 }).isEmpty)
  }
}

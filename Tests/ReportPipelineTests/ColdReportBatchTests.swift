import ClaimModel
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

  @Test func aFewSourcesAreOneBatchAndNoneAreNone() throws {
    #expect(ReportSources.batches(of: try missing(3), shard: { _ in 0 }).map(\.count) == [3])
    #expect(ReportSources.batches(of: [], shard: { _ in 0 }).isEmpty)
  }
}

import ClaimLedger
import ClaimModel
import Testing

/// `mapRecords` reads many sources on every core, each thread with its own repository, and a few
/// on the calling thread: both give what one source at a time gives, in order.
@Suite struct ParallelReadTests {
  @Test func manySourcesMappedOnEveryCoreMatchOneAtATime() throws {
    let fixture = try LedgerFixture()
    for number in 0..<40 {
      try fixture.importText("Source \(number) says one thing.\n\nIt adds \(number) more.", as: "source-\(number)")
    }
    let snapshot = try fixture.ledger.snapshot()
    let sources = snapshot.sourceIDs()
    #expect(sources.count == 40)
    let mapped = snapshot.mapRecords(of: sources) { source, records in
      "\(source): " + records.claims.map(\.text).joined(separator: " | ")
    }
    let fresh = try fixture.ledger.snapshot()
    let oneByOne = sources.map { source in
      "\(source): " + fresh.records(of: source).claims.map(\.text).joined(separator: " | ")
    }
    #expect(mapped == oneByOne)
    #expect(mapped.count == 40)
    // The few: the same from the calling thread.
    let few = Array(sources.prefix(3))
    #expect(snapshot.mapRecords(of: few) { source, _ in source } == few)
  }
}

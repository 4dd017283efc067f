import Testing

@testable import ClaimModel

@Suite struct LinkRecordTests {
  static let ada = Identity(name: "Ada", email: "ada@example.org")
  static let claim = ClaimID("bba13a9eec")
  static let source = SourceID("storm")
  static let bridge = LinkTarget(kind: .factCheck, key: "https://checks.example/bridge")
  static let earlier = LinkTarget(kind: .claim, key: "3f9a2c41b7")

  func record() throws -> LinkRecord {
    guard let ada = Self.ada, let claim = Self.claim, let source = Self.source else {
      throw RecordError(.invalidField, "fixture")
    }
    return LinkRecord(claim: claim, source: source, linker: ada, events: [])
  }

  @Test func linksAreTheLinkEventsNoUnlinkRemovedAndRoundTrip() throws {
    var record = try record()
    let first = record.record(.link(Self.bridge), at: try #require(Timestamp("2026-11-24T12:00:00Z")))
    _ = record.record(.link(Self.earlier), at: try #require(Timestamp("2026-11-24T12:00:00Z")))
    _ = record.record(.unlink([first.id]), at: try #require(Timestamp("2026-11-24T11:00:00Z")))
    #expect(record.links.map(\.target) == [Self.earlier])
    // A clock behind never dates an event before the one it follows.
    #expect(record.events.last?.at.text == "2026-11-24T12:00:00Z")
    #expect(record.events.map(\.sequence) == [1, 2, 3])
    #expect(try LinkRecord(decoding: record.encoded()) == record)
  }

  @Test func aMergeIsTheUnionAndALinkSurvivesAnUnlinkThatNeverSawIt() throws {
    var base = try record()
    let bridge = base.record(.link(Self.bridge), at: try #require(Timestamp("2026-11-24T12:00:00Z")))
    var ours = base
    var theirs = base
    _ = ours.record(.unlink([bridge.id]), at: try #require(Timestamp("2026-11-24T13:00:00Z")))
    _ = theirs.record(.link(Self.earlier), at: try #require(Timestamp("2026-11-24T13:00:00Z")))
    let merged = ours.merging(theirs)
    #expect(merged == theirs.merging(ours))
    #expect(merged.links.map(\.target) == [Self.earlier])
    #expect(merged.events.count == 3)
  }

  @Test func malformedEventsAreRefused() throws {
    let text = #"""
      {"claim": "bba13a9eec", "events": [{"at": "2026-11-24T12:00:00Z", "id": "0123456789abcdef", "seq": 1,
        "target": "javascript:alert(1)", "target_kind": "factcheck", "type": "link"}],
       "format_version": 1, "linker": "Ada <ada@example.org>", "source": "storm"}
      """#
    #expect(throws: RecordError.self) { try LinkRecord(decoding: Array(text.utf8)) }
  }
}

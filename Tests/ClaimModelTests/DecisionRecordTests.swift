import Foundation
import Testing

@testable import ClaimModel

/// The desk's decision records (issue 17, point 10): events that round-trip, merge by union and
/// replay to one decision in any order.
@Suite struct DecisionRecordTests {
  func record(by name: String = "Ed", email: String = "ed@example.org") throws -> DecisionRecord {
    let editor = try #require(Identity(name: name, email: email))
    return DecisionRecord(
      claim: try #require(ClaimID("bba13a9eec")), source: try #require(SourceID("storm")), editor: editor, events: [])
  }

  func time(_ text: String) throws -> Timestamp { try #require(Timestamp(text)) }

  @Test func eventsRoundTripAsSortedJSONWithAFormatVersion() throws {
    var record = try record()
    _ = record.record(.notAClaim(reason: "a quip"), at: try time("2026-11-24T12:00:00Z"))
    _ = record.record(.claimant(Claimant(name: "City Hall", kind: .organization)), at: try time("2026-11-24T12:01:00Z"))
    let bytes = record.encoded()
    let text = String(decoding: bytes, as: UTF8.self)
    #expect(text.hasSuffix("}\n"))
    #expect(text.contains("\"format_version\": 1"))
    #expect(text.contains("\"claimant_type\": \"organization\""))
    let keys = ["\"claim\"", "\"editor\"", "\"events\"", "\"format_version\"", "\"source\""]
    let positions = keys.compactMap { text.range(of: $0)?.lowerBound }
    #expect(positions.count == keys.count && positions == positions.sorted())
    #expect(try DecisionRecord(decoding: bytes) == record)
    let decision = ClaimDecision(records: [record])
    #expect(decision.notAClaim?.reason == "a quip")
    #expect(decision.claimant == Claimant(name: "City Hall", kind: .organization))
  }

  @Test func aMergeIsTheUnionAndTheLaterDecisionStandsInAnyOrder() throws {
    var base = try record()
    _ = base.record(.notAClaim(reason: nil), at: try time("2026-11-24T12:00:00Z"))
    var ours = base
    var theirs = base
    _ = ours.record(.checkable, at: try time("2026-11-24T13:00:00Z"))
    _ = theirs.record(.claimant(Claimant(name: "Mayor")), at: try time("2026-11-24T12:30:00Z"))
    let merged = ours.merging(theirs)
    #expect(merged == theirs.merging(ours))
    #expect(merged.events.count == 3)
    let decision = ClaimDecision(records: [merged])
    #expect(!decision.isNotAClaim)
    #expect(decision.claimant?.name == "Mayor")
    // Two editors: the later event decides whichever file it is in.
    var bea = try record(by: "Bea", email: "bea@example.org")
    _ = bea.record(.notAClaim(reason: "rhetorical"), at: try time("2026-11-24T14:00:00Z"))
    #expect(ClaimDecision(records: [merged, bea]).notAClaim?.reason == "rhetorical")
    #expect(ClaimDecision(records: [bea, merged]) == ClaimDecision(records: [merged, bea]))
  }

  @Test func malformedRecordsAreRefused() throws {
    let cases = [
      #"{"format_version": 1, "claim": "bba13a9eec", "source": "storm", "editor": "Ed <ed@example.org>", "events": []}"#,
      #"{"format_version": 9, "claim": "bba13a9eec", "source": "storm", "editor": "Ed <ed@example.org>", "events": []}"#,
      #"{"format_version": 1, "claim": "bba13a9eec", "source": "storm", "editor": "Ed <ed@example.org>", "events": [{"id": "0123456789abcdef", "at": "2026-11-24T12:00:00Z", "seq": 1, "type": "vote"}]}"#,
      #"{"format_version": 1, "claim": "../x", "source": "storm", "editor": "Ed <ed@example.org>", "events": []}"#,
    ]
    for text in cases {
      #expect(throws: RecordError.self) { try DecisionRecord(decoding: Array(text.utf8)) }
    }
  }
}

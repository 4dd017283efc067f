import ClaimModel
import Foundation
import Testing

/// A review is its reviewer's events; what it says is computed from them, and two copies merge by
/// the union of their events.
@Suite struct ReviewEventTests {
  let claim = ClaimID("0123456789")
  let earlier = ClaimID("abcdefabcd")
  let source = SourceID("storm")
  let ada = Identity(parsing: "Ada <ada@example.org>")

  func time(_ text: String) throws -> Timestamp { try #require(Timestamp("2026-11-24T\(text)Z")) }

  func empty() throws -> Review {
    Review(claim: try #require(claim), source: try #require(source), reviewer: try #require(ada), events: [])
  }

  @Test func eachFieldIsTheLatestEventThatSetIt() throws {
    var review = try empty()
    review.record(.verdict("supported", note: "first look"), at: try time("10:00:00"))
    review.record(.cite(Citation(url: "https://example.org/a")), at: try time("10:01:00"))
    review.record(.note("second look"), at: try time("10:02:00"))
    review.record(.verdict("refuted", note: nil), at: try time("10:03:00"))
    #expect(review.verdict == "refuted")
    #expect(review.note == "second look")
    #expect(review.citations.map(\.url) == ["https://example.org/a"])
    #expect(review.updated == (try time("10:03:00")))
    #expect(review.stale == nil)
    #expect(try Review(decoding: review.encoded()) == review)
  }

  @Test func anEventIsNeverDatedBeforeOneItFollows() throws {
    var review = try empty()
    review.record(.verdict("supported", note: nil), at: try time("10:05:00"))
    // A machine whose clock is five minutes behind changes the verdict: it still comes after.
    let later = review.record(.verdict("refuted", note: nil), at: try time("10:00:00"))
    #expect(later.at == (try time("10:05:00")))
    #expect(later.sequence == 2)
    #expect(review.verdict == "refuted")
  }

  @Test func theUnionOfTwoCopiesKeepsBothSidesWorkInEitherOrder() throws {
    var base = try empty()
    base.record(.cite(Citation(url: "https://example.org/base")), at: try time("09:00:00"))
    var laptop = base
    laptop.record(.verdict("supported", note: nil), at: try time("10:00:00"))
    laptop.record(.cite(Citation(url: "https://example.org/laptop")), at: try time("10:01:00"))
    var desktop = base
    desktop.record(.cite(Citation(url: "https://example.org/desktop")), at: try time("10:02:00"))
    desktop.record(.note("from the desktop"), at: try time("10:03:00"))
    let merged = laptop.merging(desktop)
    #expect(merged == desktop.merging(laptop))
    #expect(merged.verdict == "supported")
    #expect(merged.note == "from the desktop")
    #expect(
      Set(merged.citations.map(\.url)) == [
        "https://example.org/base", "https://example.org/laptop", "https://example.org/desktop",
      ])
    #expect(merged.merging(laptop) == merged)
  }

  @Test func aCitationAddedWhileAnotherSideRemovedOthersSurvives() throws {
    var base = try empty()
    base.record(.cite(Citation(url: "https://example.org/old")), at: try time("09:00:00"))
    var remover = base
    remover.record(.withdrawReview(removing: remover.citationEventIDs), at: try time("10:05:00"))
    var adder = base
    adder.record(.cite(Citation(url: "https://example.org/new")), at: try time("10:00:00"))
    let merged = remover.merging(adder)
    #expect(merged.citations.map(\.url) == ["https://example.org/new"])
    #expect(merged.verdict == nil)
  }

  @Test func sameSecondConcurrentVerdictsAreDecidedTheSameWayEverywhere() throws {
    var laptop = try empty()
    laptop.record(.verdict("supported", note: nil), at: try time("10:00:00"))
    var desktop = try empty()
    desktop.record(.verdict("refuted", note: nil), at: try time("10:00:00"))
    #expect(laptop.merging(desktop).verdict == desktop.merging(laptop).verdict)
  }

  @Test func aVerdictGivenToAReplacedClaimIsStaleUntilGivenAgain() throws {
    let previous = try #require(earlier)
    var old = Review(claim: previous, source: try #require(source), reviewer: try #require(ada), events: [])
    old.record(.verdict("misleading", note: nil), at: try time("10:00:00"))
    var carried = try empty()
    carried.add(old.events)
    carried.record(.carry(from: previous, text: "The old sentence."), at: try time("11:00:00"))
    #expect(carried.verdict == "misleading")
    #expect(
      carried.stale
        == Review.Staleness(previousClaim: previous, previousText: "The old sentence.", since: try time("11:00:00")))
    carried.record(.note("looked again"), at: try time("11:05:00"))
    #expect(carried.stale != nil)
    carried.record(.verdict("misleading", note: nil), at: try time("11:10:00"))
    #expect(carried.stale == nil)
  }

  @Test func aVersionOneReviewReadsAsItsEvents() throws {
    let text = """
      {
        "citations": [{"url": "https://example.org/a"}],
        "claim": "0123456789",
        "format_version": 1,
        "note": "Records show 12 homes.",
        "reviewer": "Ada <ada@example.org>",
        "source": "storm",
        "stale": {"previous_claim": "abcdefabcd", "previous_text": "Old.", "since": "2026-11-24T12:00:00Z"},
        "updated": "2026-11-24T12:00:00Z",
        "verdict": "refuted"
      }
      """
    let review = try Review(decoding: Array(text.utf8))
    #expect(review.verdict == "refuted")
    #expect(review.note == "Records show 12 homes.")
    #expect(review.citations.map(\.url) == ["https://example.org/a"])
    #expect(review.stale?.previousClaim == earlier)
    #expect(review.stale?.previousText == "Old.")
    // The same old file always gives the same events, so two clones' upgrades agree.
    #expect(try Review(decoding: Array(text.utf8)).events == review.events)
    let rewritten = String(decoding: review.encoded(), as: UTF8.self)
    #expect(rewritten.contains("\"format_version\": 2,"))
    #expect(try Review(decoding: review.encoded()) == review)
  }

  @Test func malformedEventsAreRefusedWithTheirField() throws {
    var review = try empty()
    review.record(.verdict("supported", note: nil), at: try time("10:00:00"))
    let good = String(decoding: review.encoded(), as: UTF8.self)
    for (from, to, fragment) in [
      ("\"type\": \"verdict\"", "\"type\": \"vote\"", "'type'"),
      ("\"seq\": 1", "\"seq\": -1", "'seq'"),
      ("\"at\": \"2026", "\"at\": \"x2026", "'at'"),
    ] {
      let bad = good.replacingOccurrences(of: from, with: to)
      #expect(bad != good)
      #expect {
        try Review(decoding: Array(bad.utf8))
      } throws: { error in
        (error as? RecordError)?.problem.contains(fragment) == true
      }
    }
  }
}

import ClaimModel
import ClaimReport
import Testing

/// A claim the desk dismissed has the status `dismissed` and no other in the report, as
/// `claims list --status` and `claims list --json` give it (``ClaimStatusName``): its verdicts
/// stay in `verdicts`, but it is not reviewed, disputed, flagged or stale, and no list holds it.
@Suite struct DismissedClaimStatusTests {
  /// Claim 1 reviewed; claim 2 disputed, flagged, cited and stale, then dismissed by the desk.
  static let claims = [Fixture.claim("a", 1), Fixture.claim("a", 2)]

  static func report() throws -> VerificationReport {
    let stale = Review.Staleness(previousClaim: Fixture.claimID("a", 9), previousText: "Old.", since: Fixture.time)
    let reviews = [
      Fixture.review(claims[0], by: "Alice", "supported"),
      Fixture.review(claims[1], by: "Alice", "refuted", citations: 1, stale: stale),
      Fixture.review(claims[1], by: "Bob", "supported"),
    ]
    let editor = Fixture.person("Ed")
    var record = DecisionRecord(claim: claims[1].id, source: claims[1].source, editor: editor, events: [])
    _ = record.record(.notAClaim(reason: "a quip"), at: Fixture.time)
    var input = Fixture.input(claims: claims, reviews: reviews)
    input.decisions = [claims[1].id: ClaimDecision(records: [record])]
    return ReportBuilder.build(input)
  }

  @Test func theJSONStatusOfADismissedClaimIsDismissedAlone() throws {
    let text = ReportRenderer.render(try Self.report(), as: .json, options: RenderOptions())
    guard case .object(let members) = try JSONParser.parse(text), case .array(let claims) = members["claims"] else {
      Issue.record("no claims")
      return
    }
    var statuses: [JSONValue] = []
    for case .object(let claim) in claims {
      guard case .object(let status) = claim["status"] else { continue }
      statuses.append(.object(status))
      guard claim["id"] == .string(Self.claims[1].id.rawValue) else { continue }
      #expect(status["statuses"] == .array(["dismissed"]))
      for flag in ["reviewed", "disputed", "flagged", "stale", "verified", "checkable"] {
        #expect(status[flag] == .bool(false), "\(flag)")
      }
      #expect(status["not_a_claim"] == true)
      #expect(status["verdicts"] == .array(["supported", "refuted"]))
      #expect(status["verdict_count"] == .integer(2))
    }
    #expect(statuses.count == 2)
    if case .object(let first) = statuses.first {
      #expect(first["statuses"] == .array(["reviewed", "uncited"]))
      #expect(first["reviewed"] == true)
    }
    #expect(members["disputed"] == .array([]))
    #expect(members["flagged"] == .array([]))
    #expect(members["stale_reviews"] == .array([]))
  }

  @Test func noListOrFlagOfAnyFormatHoldsADismissedClaim() throws {
    let report = try Self.report()
    #expect(report.disputed.count == 0 && report.flagged.count == 0 && report.staleReviews.count == 0)
    // Coverage: a dismissed claim is not checkable, so it is not counted reviewed either.
    #expect(report.overall.checkable == 1 && report.overall.reviewed == 1 && report.overall.notAClaim == 1)
    let csv = ReportRenderer.render(report, as: .csv, options: RenderOptions())
    let row = csv.split(separator: "\r\n").first { $0.hasPrefix(Self.claims[1].id.rawValue) }
    // state, checkable, reviewed, cited, verified, disputed, flagged, stale
    #expect(row?.split(separator: ",").dropFirst(4).prefix(8).joined(separator: ",") == "not-checkable,0,0,1,0,0,0,0")
    let html = ReportRenderer.render(report, as: .html, options: RenderOptions())
    #expect(!html.contains("data-flagged=\"1\""))
    #expect(!html.contains("badge-flagged\">flagged") && !html.contains("badge-stale\">stale"))
    for format in [ReportFormat.text, .markdown] {
      let text = ReportRenderer.render(report, as: format, options: RenderOptions())
      #expect(
        !text.contains("Disputed claims") && !text.contains("Flagged claims") && !text.contains("Stale reviews"),
        "\(format)")
    }
  }
}

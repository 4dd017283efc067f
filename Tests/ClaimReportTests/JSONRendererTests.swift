import ClaimModel
import ClaimReport
import Testing

@Suite("JSON report")
struct JSONRendererTests {
  private func json(_ report: VerificationReport) throws -> [String: JSONValue] {
    let text = ReportRenderer.render(report, as: .json, options: RenderOptions())
    guard case .object(let members) = try JSONParser.parse(text) else {
      Issue.record("not an object")
      return [:]
    }
    // Canonical layout: what JSONWriter writes, byte for byte.
    #expect(text == JSONWriter.canonicalText(of: .object(members)))
    return members
  }

  @Test func topLevelFields() throws {
    let members = try json(TinyLedger.report)
    #expect(members["schema_version"] == .integer(1))
    #expect(members["generated_at"] == "2026-03-01T12:00:00Z")
    #expect(members["revision"] == "0123456789abcdef")
    #expect(members["source_filter"] == .array([]))
    #expect(members["required_reviews"] == .integer(1))
    #expect(members["unmatched_reviews"] == .integer(0))
    #expect(
      Set(members.keys) == [
        "schema_version", "generated_at", "revision", "source_filter", "required_reviews", "scale", "overall",
        "sources", "claims", "disputed", "flagged", "stale_reviews", "backlog", "distribution", "reviewers",
        "agreement", "retired", "unmatched_reviews", "citation_health",
      ])
  }

  @Test func coverage() throws {
    let members = try json(TinyLedger.report)
    let expected: JSONValue = .object([
      "claims": 2, "by_kind": .object(["headline": 0, "sentence": 2, "caption": 0, "byline": 0, "boilerplate": 0]),
      "opinion_only": 0, "not_a_claim": 0, "checkable": 2, "reviewed": 1, "cited": 1, "verified": 1, "unreviewed": 1,
      "reviewed_share": .double(0.5), "cited_share": .double(0.5), "verified_share": .double(0.5),
    ])
    #expect(members["overall"] == expected)
    guard case .array(let sources) = members["sources"], case .object(let source) = sources.first else {
      Issue.record("no sources")
      return
    }
    #expect(source["id"] == "a")
    #expect(source["title"] == "Science")
    #expect(source["url"] == "https://a.example/story")
    #expect(source["published"] == "2026-02-01")
    #expect(source["imported_at"] == .null)
    #expect(source["coverage"] == expected)
  }

  @Test func claimsWithStatusAndReviews() throws {
    let members = try json(TinyLedger.report)
    guard case .array(let claims) = members["claims"], case .object(let first) = claims.first,
      case .object(let status) = first["status"], case .array(let reviews) = first["reviews"],
      case .object(let review) = reviews.first
    else {
      Issue.record("claims missing")
      return
    }
    #expect(claims.count == 2)
    #expect(first["id"] == "5dec5fb36f")
    #expect(first["text"] == "Water boils at 100 °C.")
    #expect(first["assignee"] == .null)
    #expect(status["state"] == "verified")
    #expect(status["verified"] == true)
    #expect(status["consensus"] == "supported")
    #expect(status["verdicts"] == .array(["supported"]))
    #expect(review["reviewer"] == "Alice <alice@example.org>")
    #expect(review["verdict_label"] == "Supported")
    #expect(review["stale"] == .null)
    #expect(
      review["citations"]
        == .array([
          .object([
            "url": "https://example.org/evidence/0", "title": "Evidence 0", "publisher": .null, "published": .null,
            "accessed": .null, "quote": .null, "stance": .null, "archive": .null, "health": .null,
          ])
        ]))
  }

  @Test func listsReferenceClaims() throws {
    let members = try json(SampleLedger.report)
    let budget2 = SampleLedger.budget[1].id.rawValue
    let interview1 = SampleLedger.interview[0].id.rawValue
    #expect(members["disputed"] == .array([.object(["claim": .string(budget2), "source": "budget"])]))
    #expect(
      members["flagged"]
        == .array([
          .object([
            "claim": .string(budget2), "source": "budget",
            "flagging_verdicts": .array([.object(["reviewer": "Bob <bob@example.org>", "verdict": "refuted"])]),
          ]),
          .object([
            "claim": .string(interview1), "source": "interview",
            "flagging_verdicts": .array([.object(["reviewer": "Carol <carol@example.org>", "verdict": "misleading"])]),
          ]),
        ]))
    #expect(
      members["stale_reviews"]
        == .array([
          .object([
            "claim": .string(interview1), "source": "interview", "reviewer": "Carol <carol@example.org>",
            "verdict": "misleading", "previous_claim": .string(Fixture.claimID("interview", 9).rawValue),
            "previous_text": "Crime is way down.", "since": "2026-03-01T08:00:00Z",
          ])
        ]))
    #expect(
      members["backlog"]
        == .array([
          .object([
            "claim": .string(SampleLedger.budget[5].id.rawValue), "source": "budget", "ordinal": 6,
            "assignee": "Carol <carol@example.org>", "waiting_since": "2026-02-28T08:00:00Z",
          ])
        ]))
    guard case .array(let retired) = members["retired"] else { return }
    #expect(retired.count == 1)
  }

  @Test func distributionActivityAndAgreement() throws {
    let members = try json(SampleLedger.report)
    guard case .object(let distribution) = members["distribution"],
      case .array(let verdicts) = distribution["verdicts"], case .array(let reviewers) = members["reviewers"],
      case .object(let alice) = reviewers.first, case .object(let agreement) = members["agreement"]
    else {
      Issue.record("sections missing")
      return
    }
    #expect(
      verdicts.first
        == .object(["verdict": "supported", "label": "Supported", "on_scale": true, "reviews": 3, "claims": 1]))
    #expect(distribution["disputed_claims"] == .integer(1))
    #expect(alice["reviewer"] == "Alice <alice@example.org>")
    #expect(alice["actions"] == .object(["verdict": 1, "cite": 1]))
    #expect(alice["citations_per_verdict"] == .double(0.5))
    #expect(alice["last_active"] == "2026-03-02T09:01:00Z")
    #expect(agreement["fleiss_kappa"] == .object(["value": .double(0.4545), "units": 3]))
    #expect(agreement["raters_min"] == .integer(2))
    guard case .array(let pairs) = agreement["pairs"] else { return }
    #expect(
      pairs == [
        .object([
          "first": "Alice <alice@example.org>", "second": "Bob <bob@example.org>", "units": 3,
          "observed_agreement": .double(0.6667), "kappa": .double(0.5),
        ])
      ])
  }

  @Test func undefinedFiguresAreNull() throws {
    let members = try json(Fixture.report(claims: [Fixture.claim("a", 1, kind: .caption)]))
    guard case .object(let overall) = members["overall"], case .object(let agreement) = members["agreement"] else {
      Issue.record("sections missing")
      return
    }
    #expect(overall["verified_share"] == .null)
    #expect(agreement["fleiss_kappa"] == .object(["value": .null, "units": 0]))
    #expect(agreement["krippendorff_alpha_ordinal"] == .object(["value": .null, "units": 0]))
    #expect(agreement["unanimous_share"] == .null)
    #expect(agreement["raters_min"] == .null)
  }

  @Test func ledgerTextRoundTrips() throws {
    let members = try json(HostileLedger.report)
    guard case .array(let claims) = members["claims"], case .object(let first) = claims.first else {
      Issue.record("claims missing")
      return
    }
    #expect(first["text"] == .string(HostileLedger.text))
  }
}

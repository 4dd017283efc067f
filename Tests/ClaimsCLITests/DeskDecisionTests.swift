import ClaimModel
import Foundation
import TestSupport
import Testing

/// The desk's decisions (issue 17, point 10): `claims dismiss`/`undismiss` and `claims claimant`.
@Suite struct DeskDecisionTests {
  func listed(_ fixture: CLIFixture, _ arguments: String...) -> [String] {
    CLIHarness.run(["list"] + arguments, in: fixture.path, environment: fixture.environment).stdout
      .split(separator: "\n").map { String($0.prefix(10)) }
  }

  func coverage(_ fixture: CLIFixture) throws -> [String: Any] {
    let report = fixture.run("report", "--format", "json")
    #expect(report.status == 0, "\(report.stderr)")
    let json = try #require(try JSONSerialization.jsonObject(with: Data(report.stdout.utf8)) as? [String: Any])
    return try #require(json["overall"] as? [String: Any])
  }

  @Test func aDismissedClaimLeavesTheBacklogAndCoverageUntilUndismissed() throws {
    let fixture = try CLIFixture()
    let ids = (1...4).map { fixture.id($0) }
    #expect(try coverage(fixture)["checkable"] as? Int == 4)
    let dismissed = fixture.run(
      "dismiss", "storm:3", "--reason", "a quote of an opinion", "--author", "Ed <ed@example.org>")
    #expect(dismissed.status == 0, "\(dismissed.stderr)")
    #expect(dismissed.stdout.hasPrefix("Marked claim \(ids[2]) not a claim in commit "))
    #expect(
      fixture.git("log", "-1", "--format=%s|%(trailers:key=Action,valueonly)")
        == "dismiss: \(ids[2]) (not a claim)|dismiss\n\n")
    #expect(fixture.status == "")
    #expect(listed(fixture, "--status", "unreviewed") == [ids[0], ids[1], ids[3]])
    #expect(fixture.run("list").stdout.contains("not a claim"))
    #expect(
      fixture.run("show", "storm:3").stdout.contains("not a claim (a quote of an opinion) — by Ed <ed@example.org>"))
    let figures = try coverage(fixture)
    #expect(figures["checkable"] as? Int == 3)
    #expect(figures["not_a_claim"] as? Int == 1)
    #expect(fixture.run("report").stdout.contains("1 claim not checkable: marked not a claim by the desk"))
    // The review session does not offer it.
    let session = fixture.run("review", input: "\n\n\n\n")
    #expect(session.stdout.contains("1/3"), "\(session.stdout)")
    #expect(!session.stdout.contains("claim \(ids[2])"))
    let again = fixture.run("dismiss", "storm:3", "--reason", "a quote of an opinion").stdout
    #expect(again.hasPrefix("Nothing to do: claim storm:3 is already marked not a claim."), "\(again)")
    #expect(fixture.run("log").stdout.contains("dismiss"))

    fixture.run("snapshot", "dismissed")
    let undone = fixture.run("undismiss", ids[2])
    #expect(undone.stdout.hasPrefix("Marked claim \(ids[2]) checkable again in commit "))
    #expect(listed(fixture, "--status", "unreviewed") == ids)
    #expect(try coverage(fixture)["checkable"] as? Int == 4)
    #expect(fixture.run("undismiss", ids[2]).stdout.hasPrefix("Nothing to do"))
    let diff = fixture.run("diff", "dismissed").stdout
    #expect(diff.contains("1 desk decision"), "\(diff)")
    #expect(diff.contains("\(ids[2]) checkable again"))
    fixture.run("claimant", "storm:1", "The Coast Guard")
    #expect(fixture.run("diff", "dismissed").stdout.contains("\(ids[0]) claimant: The Coast Guard"))
    #expect(fixture.run("check").status == 0)
  }

  @Test func aDismissedClaimHasTheStatusDismissedAndNoOther() throws {
    let fixture = try CLIFixture()
    let ids = (1...4).map { fixture.id($0) }
    // Claim 2 is reviewed (flagged, disputed, cited, stale-free); then the desk dismisses it.
    fixture.run("verdict", "storm:2", "refuted", "--reviewer", "Ada <ada@example.org>")
    fixture.run("verdict", "storm:2", "supported")
    fixture.run("cite", "storm:2", "https://county.example.gov/damage.pdf")
    fixture.run("verdict", "storm:1", "supported")
    let statuses = ["reviewed", "disputed", "flagged", "unreviewed", "uncited", "verified", "stale", "matched"]
    // Read once before the decision, so that the status index of the source is cached.
    #expect(listed(fixture, "--status", "reviewed") == [ids[0], ids[1]])
    #expect(fixture.run("dismiss", "storm:2", "--author", "Ed <ed@example.org>").status == 0)
    #expect(listed(fixture, "--status", "reviewed") == [ids[0]])
    for status in statuses {
      #expect(!listed(fixture, "--status", status).contains(ids[1]), "--status \(status)")
    }
    #expect(listed(fixture, "--status", "dismissed") == [ids[1]])
    #expect(listed(fixture, "--status", "dismissed,reviewed") == [ids[0], ids[1]])
    #expect(listed(fixture) == ids)
    let session = fixture.run("review", "--status", "reviewed", input: "\n")
    #expect(session.stdout.contains("1/1  claim \(ids[0])"), "\(session.stdout)")
    #expect(fixture.run("review", "--status", "dismissed", input: "\n").stdout.contains("1/1  claim \(ids[1])"))
    #expect(fixture.run("list", "--help").stdout.contains("dismissed (the desk marked it not a"))
    // Undismissed: back under its other statuses; the status takes back what it selected in bulk.
    let undone = fixture.run("undismiss", "--status", "dismissed")
    #expect(undone.stdout.hasPrefix("Marked claim \(ids[1]) checkable again"), "\(undone.stdout)\(undone.stderr)")
    #expect(listed(fixture, "--status", "disputed") == [ids[1]])
    #expect(listed(fixture, "--status", "dismissed") == [])
  }

  /// The claims of `claims list --json` (with `arguments`) as id → `status` object.
  func statusesInJSON(_ fixture: CLIFixture, _ arguments: String...) throws -> [String: [String: Any]] {
    let result = CLIHarness.run(["list", "--json"] + arguments, in: fixture.path, environment: fixture.environment)
    #expect(result.status == 0, "\(result.stderr)")
    let claims = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
    var statuses: [String: [String: Any]] = [:]
    for claim in claims {
      statuses[try #require(claim["id"] as? String)] = try #require(claim["status"] as? [String: Any])
    }
    return statuses
  }

  /// Claim 2 reviewed by two reviewers (disputed, flagged) and cited, then dismissed by the desk;
  /// claim 1 reviewed.
  private func reviewClaimOneAndDismissClaimTwo(_ fixture: CLIFixture) {
    fixture.run("verdict", "storm:2", "refuted", "--reviewer", "Ada <ada@example.org>")
    fixture.run("verdict", "storm:2", "supported")
    fixture.run("cite", "storm:2", "https://county.example.gov/damage.pdf")
    fixture.run("verdict", "storm:1", "supported")
    #expect(fixture.run("dismiss", "storm:2", "--author", "Ed <ed@example.org>").status == 0)
  }

  @Test func listJSONDescribesEachClaimByTheStatusesTheFiltersGiveIt() throws {
    let fixture = try CLIFixture()
    let ids = (1...4).map { fixture.id($0) }
    reviewClaimOneAndDismissClaimTwo(fixture)
    // Claim 4 reviewed, then retired by a re-import.
    fixture.run("verdict", "storm:4", "refuted")
    let revised = CLIFixture.article.replacingOccurrences(of: "\n\nSchools will reopen on Thursday.", with: "")
    let file = try fixture.writeBeside(revised, name: "storm-v2.txt")
    #expect(fixture.run("import", file, "--id", "storm", "--replace").status == 0)

    let dismissed = try #require(try statusesInJSON(fixture)[ids[1]])
    #expect(dismissed["statuses"] as? [String] == ["dismissed"])
    for flag in ["reviewed", "disputed", "flagged", "verified", "stale", "checkable"] {
      #expect(dismissed[flag] as? Bool == false, "\(flag)")
    }
    #expect(dismissed["not_a_claim"] as? Bool == true)
    #expect(dismissed["verdicts"] as? [String] == ["supported", "refuted"])
    let retired = try #require(try statusesInJSON(fixture, "--status", "retired")[ids[3]])
    #expect(retired["statuses"] as? [String] == ["retired"])
    #expect(retired["reviewed"] as? Bool == false)
    #expect(try statusesInJSON(fixture)[ids[0]]?["statuses"] as? [String] == ["reviewed", "uncited"])

    // For every status, the JSON of every claim filtered by it is what --status lists.
    let every = try statusesInJSON(fixture, "--status", "retired,unreviewed,reviewed,dismissed")
    #expect(Set(every.keys).count == 4)
    for status in ["unreviewed", "reviewed", "uncited", "disputed", "flagged", "verified", "stale", "dismissed"] {
      let listed = Set(try statusesInJSON(fixture, "--status", status).keys)
      let byStatuses = Set(every.filter { ($0.value["statuses"] as? [String])?.contains(status) == true }.keys)
      #expect(byStatuses == listed, "--status \(status)")
      if let flagged = every.first?.value[status], flagged is Bool {
        let byFlag = Set(every.filter { $0.value[status] as? Bool == true }.keys)
        #expect(byFlag == listed, "\"\(status)\": true")
      }
    }
  }

  @Test func theReportGivesEveryClaimTheStatusesListJSONGivesIt() throws {
    let fixture = try CLIFixture()
    let ids = (1...4).map { fixture.id($0) }
    reviewClaimOneAndDismissClaimTwo(fixture)
    // Claim 3 flagged.
    fixture.run("verdict", "storm:3", "misleading")
    let report = fixture.run("report", "--format", "json")
    #expect(report.status == 0, "\(report.stderr)")
    let json = try #require(try JSONSerialization.jsonObject(with: Data(report.stdout.utf8)) as? [String: Any])
    let claims = try #require(json["claims"] as? [[String: Any]])
    let listed = try statusesInJSON(fixture)
    #expect(claims.count == 4 && listed.count == 4)
    for claim in claims {
      let id = try #require(claim["id"] as? String)
      let status = try #require(claim["status"] as? [String: Any])
      let expected = try #require(listed[id])
      for key in ["statuses", "reviewed", "disputed", "flagged", "verified", "stale", "checkable", "not_a_claim"] {
        #expect("\(status[key] ?? "none")" == "\(expected[key] ?? "none")", "\(id) \(key)")
      }
    }
    #expect((json["disputed"] as? [Any])?.isEmpty == true)
    #expect((json["flagged"] as? [[String: Any]])?.map { $0["claim"] as? String } == [ids[2]])
    let overall = try #require(json["overall"] as? [String: Any])
    #expect(overall["reviewed"] as? Int == 2 && overall["checkable"] as? Int == 3)
  }

  @Test func listColoursTheVerdictsOfADismissedOrRetiredClaimDim() throws {
    let fixture = try CLIFixture()
    let ids = (1...4).map { fixture.id($0) }
    fixture.run("verdict", "storm:1", "supported")
    fixture.run("verdict", "storm:2", "refuted")
    fixture.run("verdict", "storm:3", "supported")
    fixture.run("verdict", "storm:4", "refuted")
    #expect(fixture.run("dismiss", "storm:2", "--author", "Ed <ed@example.org>").status == 0)
    #expect(fixture.run("dismiss", "storm:3", "--author", "Ed <ed@example.org>").status == 0)
    let revised = CLIFixture.article.replacingOccurrences(of: "\n\nSchools will reopen on Thursday.", with: "")
    let file = try fixture.writeBeside(revised, name: "storm-v2.txt")
    #expect(fixture.run("import", file, "--id", "storm", "--replace").status == 0)
    let output = fixture.run("list", "--status", "reviewed,dismissed,retired", terminal: true).stdout
    func line(_ id: String) -> String { output.split(separator: "\n").first { $0.contains(id) }.map(String.init) ?? "" }
    let (red, green, dim) = ("\u{1B}[31m", "\u{1B}[32m", "\u{1B}[2m")
    #expect(line(ids[0]).contains(green + "supported"), "\(output)")
    for id in [ids[1], ids[2], ids[3]] {
      #expect(!line(id).contains(red) && !line(id).contains(green), "\(id): \(line(id))")
      #expect(line(id).contains(dim + (id == ids[2] ? "supported" : "refuted")), "\(id): \(line(id))")
    }
    fixture.environment["NO_COLOR"] = "1"
    #expect(!fixture.run("list", "--status", "dismissed", terminal: true).stdout.contains("\u{1B}["))
  }

  @Test func dismissSelectsInBulkAndRefusesRetiredClaims() throws {
    let fixture = try CLIFixture()
    fixture.run("verdict", "storm:1", "supported")
    let bulk = fixture.run("dismiss", "--source", "storm", "--status", "unreviewed")
    #expect(bulk.stdout.hasPrefix("Marked 3 claims not a claim in commit "), "\(bulk.stdout)\(bulk.stderr)")
    expectRefusal(fixture.run("dismiss"), status: 64, containing: "Name the claims")
  }

  @Test func claimReviewCarriesTheClaimantAndLeavesOutOpinionOnlyClaims() throws {
    let fixture = try CLIFixture()
    let ids = (1...4).map { fixture.id($0) }
    fixture.run("verdict", "storm:2", "refuted")
    fixture.run("cite", "storm:2", "https://example.org/records")
    fixture.run("verdict", "storm:3", "opinion")
    fixture.run("cite", "storm:3", "https://example.org/mayor")
    let named = fixture.run("claimant", "storm:2", "County Officials", "--organization")
    #expect(named.stdout.hasPrefix("Recorded County Officials as the claimant of claim \(ids[1]) in commit "))
    #expect(fixture.git("log", "-1", "--format=%(trailers:key=Claimant,valueonly)").hasPrefix("County Officials"))
    #expect(fixture.run("show", "storm:2").stdout.contains("claimant: County Officials (organization)"))
    #expect(fixture.run("show", "storm:2", "--json").stdout.contains("\"type\": \"organization\""))
    #expect(fixture.run("log").stdout.contains("claimant \(ids[1]) County Officials"))
    let published = fixture.run("report", "--format", "claimreview").stdout
    let reviews = try #require(try JSONSerialization.jsonObject(with: Data(published.utf8)) as? [[String: Any]])
    #expect(reviews.count == 1)
    #expect(reviews.first?["claimReviewed"] as? String == "Officials said 40 homes were damaged.")
    let item = try #require(reviews.first?["itemReviewed"] as? [String: Any])
    let author = try #require(item["author"] as? [String: Any])
    #expect(author["@type"] as? String == "Organization")
    #expect(author["name"] as? String == "County Officials")
    #expect(!published.contains(ids[2]))
    #expect(fixture.run("list", "--json").stdout.contains("\"claimant\": \"County Officials\""))

    #expect(fixture.run("claimant", "storm:2", "--remove").stdout.hasPrefix("Took back the claimant"))
    #expect(!fixture.run("report", "--format", "claimreview").stdout.contains("County Officials"))
    expectRefusal(fixture.run("claimant", "storm:2"), status: 64, containing: "Name the claimant")
    #expect(fixture.run("claimant", "--help").stdout.contains("the ClaimReview format publishes it"))
  }

  @Test func checkReportsDecisionsItCannotUse() throws {
    let fixture = try CLIFixture()
    fixture.run("dismiss", "storm:1")
    let path = try #require(
      fixture.git("ls-files", "Decisions").split(separator: "\n").first.map(String.init))
    #expect(fixture.run("check").status == 0)
    try fixture.scratch.write("{\"format_version\": 1}\n", to: path)
    fixture.git("commit", "-q", "-am", "hand edit")
    let broken = fixture.run("check")
    #expect(broken.status == 1)
    #expect(broken.stdout.contains(path) || broken.stderr.contains(path), "\(broken.stdout)\(broken.stderr)")
    // A decision about a claim that does not exist.
    try fixture.scratch.write("{}\n", to: path)
    let stray = "Decisions/storm/0000000000/ed@example.org.json"
    try fixture.scratch.write(try fixture.scratch.read(path), to: stray)
    fixture.git("add", "-A")
    fixture.git("commit", "-q", "-m", "stray")
    let checked = fixture.run("check")
    #expect((checked.stdout + checked.stderr).contains("Decisions/storm/0000000000"))
  }
}

/// Issue 11 A.1: a review of a claim retired with nothing to replace it stays visible.
@Suite struct RetiredReviewTests {
  @Test func reviewsOfARetiredClaimWithNoReplacementAreListedByTheReport() throws {
    let fixture = try CLIFixture()
    let gone = fixture.id(4)
    fixture.run("verdict", "storm:4", "refuted", "--note", "Schools stay shut.")
    let revised = CLIFixture.article.replacingOccurrences(of: "\n\nSchools will reopen on Thursday.", with: "")
    let file = try fixture.writeBeside(revised, name: "storm-v2.txt")
    let reimported = fixture.run("import", file, "--id", "storm", "--replace")
    #expect(reimported.status == 0, "\(reimported.stderr)")
    let text = fixture.run("report").stdout
    #expect(text.contains("Reviews of retired claims (1)"), "\(text)")
    #expect(text.contains("Test Reviewer: Refuted"))
    let markdown = fixture.run("report", "--format", "markdown").stdout
    #expect(markdown.contains("## Reviews of retired claims (1)"))
    let csv = fixture.run("report", "--format", "csv").stdout
    #expect(csv.contains("\(gone),storm,4,sentence,retired,"))
    let json = fixture.run("report", "--format", "json").stdout
    #expect(json.contains("\"replaced_by\": []"))
    #expect(fixture.run("list", "--status", "retired").stdout.hasPrefix(gone))
  }
}

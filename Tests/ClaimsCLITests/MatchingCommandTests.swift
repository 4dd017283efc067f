import Foundation
import TestSupport
import Testing

/// Fact-checks imported as reference, matched against claims, and linked: end to end through the
/// command line.
@Suite struct MatchingCommandTests {
  static let feed = """
    {"@context": "https://schema.org", "@graph": [
      {"@type": "Organization", "name": "Coast Checkers"},
      {"@type": "ClaimReview", "url": "https://checks.example/homes",
       "claimReviewed": "Officials said 40 homes were damaged by the storm on the coast.",
       "name": "Were 40 Homes Damaged by the Coast Storm?", "author": {"@type": "Organization", "name": "Coast Checkers"},
       "datePublished": "2026-10-01", "reviewRating": {"@type": "Rating", "ratingValue": 2, "bestRating": 5, "alternateName": "Mostly false"}},
      {"@type": "ClaimReview", "url": "https://checks.example/bridge",
       "claimReviewed": "The new bridge cost five billion dollars.", "author": {"@type": "Organization", "name": "Coast Checkers"},
       "reviewRating": {"@type": "Rating", "alternateName": "False"}},
      {"@type": "ClaimReview", "url": "https://checks.example/no-claim", "name": "A check without its claim"}
    ]}
    """

  /// A fixture with the feed imported.
  static func ledgerWithFeed() throws -> (CLIFixture, String) {
    let fixture = try CLIFixture()
    let feed = try fixture.writeBeside(Self.feed, name: "feed.json")
    let imported = fixture.run("factchecks", "import", feed)
    guard imported.status == 0 else { throw Fixtures.Invalid(description: "factchecks import: \(imported.stderr)") }
    return (fixture, feed)
  }

  @Test func importStoresEachFactCheckAsARecordInOneCommitAndReportsBadRecords() throws {
    let fixture = try CLIFixture()
    let feed = try fixture.writeBeside(Self.feed, name: "feed.json")
    let before = fixture.git("rev-list", "--count", "HEAD")
    let result = fixture.run("factchecks", "import", feed)
    #expect(result.status == 0)
    #expect(
      result.stdout.hasPrefix(
        "Imported 2 fact-checks from \(feed) (2 added, 0 updated, 0 unchanged, 1 skipped) in commit "))
    #expect(
      result.stderr
        == "warning: \(feed): @graph[3]: a ClaimReview without 'claimReviewed' (https://checks.example/no-claim); skipped\n"
    )
    #expect(
      Int(fixture.git("rev-list", "--count", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines))
        == (Int(before.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0) + 1)
    let files = fixture.git("ls-files", "FactChecks").split(separator: "\n")
    #expect(files.count == 2)
    #expect(files.allSatisfy { $0.hasPrefix("FactChecks/coast-checkers/") && $0.hasSuffix(".json") })
    #expect(fixture.status == "")
    let record = try String(contentsOfFile: fixture.scratch.path(String(files[0])), encoding: .utf8)
    #expect(record.contains("\"imported\": \"2026-11-24T12:00:00Z\""))

    // The same feed again changes nothing; a changed rating updates the record, keeping its first import.
    #expect(
      fixture.run("factchecks", "import", feed).stdout
        == "Nothing to import from \(feed): 0 added, 0 updated, 2 unchanged, 1 skipped.\n")
    let changed = try fixture.writeBeside(
      Self.feed.replacingOccurrences(of: "\"False\"", with: "\"Pants on fire\""), name: "feed2.json")
    fixture.environment["CLAIMS_DATE"] = "2026-11-25T12:00:00Z"
    #expect(
      fixture.run("factchecks", "import", changed).stdout.contains("(0 added, 1 updated, 1 unchanged, 1 skipped)"))
    let listed = fixture.run("factchecks", "list", "--json")
    #expect(listed.stdout.contains("\"alternate_name\": \"Pants on fire\""))
    #expect(!listed.stdout.contains("2026-11-25T12:00:00Z"))
    #expect(fixture.run("factchecks", "list").stdout.split(separator: "\n").count == 2)
  }

  @Test func badInputIsOneLineAndLeavesTheLedgerUnchanged() throws {
    let (fixture, _) = try Self.ledgerWithFeed()
    let head = fixture.head
    expectRefusal(
      fixture.run("match", ""), containing: "Error: the query is empty: give the text of a claim, a claim id, or '-'",
      ledger: fixture, head: head)
    expectRefusal(
      fixture.run("match", "https://t.co/0eJtwJyS1J"),
      containing:
        "Error: the query has no words to match (only links, handles or emoji): give the text of a claim",
      ledger: fixture, head: head)
    let lone = try fixture.writeBeside(
      #"{"@context": "https://schema.org", "@type": "ClaimReview", "url": "https://checks.example/x"}"#,
      name: "lone.json")
    expectRefusal(
      fixture.run("factchecks", "import", lone),
      containing: "Error: \(lone): a ClaimReview without 'claimReviewed' (https://checks.example/x)", ledger: fixture,
      head: head)
    let plain = try fixture.writeBeside(#"{"name": "not linked data"}"#, name: "plain.json")
    expectRefusal(
      fixture.run("factchecks", "import", plain), containing: "Error: \(plain): not JSON-LD: an object without '@type'",
      ledger: fixture, head: head)
    let text = try fixture.writeBeside("<html>a page</html>", name: "page.html")
    expectRefusal(
      fixture.run("factchecks", "import", text), containing: "Error: \(text): not JSON-LD: not valid JSON",
      ledger: fixture,
      head: head)
    expectRefusal(
      fixture.run("factchecks", "import", "ftp://checks.example/feed.json"),
      containing: "only http:// and https:// addresses are fetched", ledger: fixture, head: head)
    expectRefusal(
      fixture.run("link", "storm:2", "https://checks.example/unknown"),
      containing: "no fact-check with the address 'https://checks.example/unknown' in the ledger", ledger: fixture,
      head: head)
    expectRefusal(
      fixture.run("link", "storm:2", "storm:2"), containing: "a claim cannot be linked to itself", ledger: fixture,
      head: head)
    expectRefusal(
      fixture.run("unlink", "storm:2"), containing: "you have no links on claim", ledger: fixture, head: head)
  }

  @Test func matchRanksEarlierFactChecksAndReviewedClaimsWithVerdictWhoWhenAndScore() throws {
    let (fixture, _) = try Self.ledgerWithFeed()
    let text = fixture.run("match", "BREAKING: 40 homes damaged by the storm, officials say https://t.co/x #storm")
    #expect(text.status == 0)
    let lines = text.stdout.split(separator: "\n")
    #expect(lines.first?.contains("Mostly false · Coast Checkers · 2026-10-01") == true)
    #expect(lines.dropFirst(2).first == "   https://checks.example/homes")

    let json = try Self.object(
      fixture.run("match", "the bridge cost five billion dollars", "--json", "--limit", "1").stdout)
    let results = json["results"] as? [[String: Any]] ?? []
    #expect(results.count == 1)
    #expect(results.first?["url"] as? String == "https://checks.example/bridge")
    #expect(results.first?["verdict"] as? String == "False")
    #expect((results.first?["score"] as? Double ?? 0) > 0)

    // A reviewed claim is an earlier check too, found by its id, never matched against itself.
    #expect(fixture.run("verdict", "storm:2", "refuted").status == 0)
    let own = try Self.object(fixture.run("match", "storm:2", "--json").stdout)
    #expect(own["claim"] as? String == fixture.id(2))
    #expect(!((own["results"] as? [[String: Any]]) ?? []).contains { $0["id"] as? String == fixture.id(2) })
    let byText = try Self.object(fixture.run("match", "Officials said 40 homes were damaged.", "--json").stdout)
    let ids = ((byText["results"] as? [[String: Any]]) ?? []).compactMap { $0["id"] as? String }
    #expect(ids == [fixture.id(2)])

    // One JSON line per query line, errors included.
    let batch = fixture.run("match", "-", input: "the new bridge cost five billion\n\nhttps://t.co/abc\n")
    let answers = batch.stdout.split(separator: "\n").map(String.init)
    #expect(answers.count == 3)
    #expect(answers[0].hasPrefix(#"{"query":"the new bridge cost five billion","results":[{"#))
    #expect(answers[1] == #"{"error":"the query is empty: give the text of a claim","query":""}"#)
    #expect(answers[2].contains(#""error":"the query has no words to match"#))
  }

  @Test func importCountsResemblancesAndListStatusMatchedFindsThem() throws {
    let (fixture, _) = try Self.ledgerWithFeed()
    let follow = try fixture.writeBeside(
      "Officials said 40 homes were damaged by the storm.\n\nThe council meets on Friday.\n", name: "followup.txt")
    let imported = fixture.run("import", follow, "--id", "followup")
    #expect(imported.status == 0)
    #expect(
      imported.stdout.split(separator: "\n").last
        == "1 claim resembles earlier fact-checks ('claims list --status matched' lists them, 'claims show ID' shows the matches)"
    )
    let matched = fixture.run("list", "--status", "matched", "--source", "followup")
    #expect(matched.stdout.split(separator: "\n").count == 1)
    #expect(matched.stdout.contains("followup:1"))
    let shown = fixture.run("show", "followup:1")
    #expect(shown.stdout.contains("Resembles earlier checks (claims link"))
    #expect(shown.stdout.contains("Mostly false · Coast Checkers · 2026-10-01"))
  }

  @Test func linkAndUnlinkAreCommitsShownByLogShowAndTheReport() throws {
    let (fixture, _) = try Self.ledgerWithFeed()
    let id = fixture.id(4)
    let linked = fixture.run("link", "storm:4", "https://checks.example/bridge")
    #expect(linked.status == 0)
    #expect(linked.stdout.hasPrefix("Linked \(id) (storm:4) to https://checks.example/bridge in commit "))
    #expect(fixture.status == "")
    let files = fixture.git("ls-files", "Links")
    #expect(files == "Links/storm/\(id)/reviewer@example.org.json\n")
    expectRefusal(fixture.run("link", "storm:4", "https://checks.example/bridge"), containing: "you already linked")
    #expect(fixture.run("log", "-n", "1").stdout.contains("link     \(id) https://checks.example/bridge"))
    let shown = fixture.run("show", "storm:4").stdout
    #expect(
      shown.contains(
        "Linked to earlier checks:\n  https://checks.example/bridge  False · Coast Checkers  (by Test Reviewer, 2026-11-24)"
      ))
    let report = fixture.run("report").stdout
    // The linked claim, and two unreviewed ones that resemble the homes fact-check.
    #expect(report.contains("Answered by earlier checks (3) — 1 linked, 2 unreviewed resembling one"))
    let json = try Self.object(fixture.run("report", "--format", "json").stdout)
    let section = json["earlier_checks"] as? [String: Any]
    #expect(section?["summary"] as? String == "3 claims answered by earlier checks (1 linked, 2 resembling)")
    #expect(fixture.run("report", "--format", "markdown").stdout.contains("## Answered by earlier checks (3)"))
    #expect(fixture.run("report", "--format", "html").stdout.contains("<section id=\"earlier-checks\">"))

    let unlinked = fixture.run("unlink", "storm:4", "https://checks.example/bridge")
    #expect(unlinked.stdout.hasPrefix("Unlinked \(id) (storm:4) from https://checks.example/bridge in commit "))
    #expect(fixture.run("log", "-n", "1").stdout.contains("unlink   \(id) https://checks.example/bridge"))
    #expect(
      fixture.run("report").stdout.contains("Answered by earlier checks (2) — 0 linked, 2 unreviewed resembling one"))
    #expect(!fixture.run("list", "--status", "matched").stdout.contains("storm:4"))
  }

  @Test func aLinkFollowsTheClaimThatAReimportPutsInItsPlace() throws {
    let (fixture, _) = try Self.ledgerWithFeed()
    let old = fixture.id(2)
    #expect(fixture.run("link", "storm:2", "https://checks.example/homes").status == 0)
    let revised = try fixture.writeBeside(
      CLIFixture.article.replacingOccurrences(of: "40 homes", with: "41 homes"), name: "revised.txt")
    fixture.environment["CLAIMS_DATE"] = "2026-11-26T09:00:00Z"
    #expect(fixture.run("import", revised, "--id", "storm", "--replace").status == 0)
    let new = fixture.id(2)
    #expect(new != old && !new.isEmpty)
    #expect(
      fixture.run("show", "storm:2").stdout.contains("Linked to earlier checks:\n  https://checks.example/homes"))
    #expect(fixture.run("list", "--status", "matched").stdout.contains("storm:2"))
    #expect(fixture.run("report").stdout.contains("1 linked"))
    // The carried link is the reviewer's own on the new claim: linking again is refused, unlinking takes it back.
    expectRefusal(fixture.run("link", "storm:2", "https://checks.example/homes"), containing: "you already linked")
    #expect(fixture.run("unlink", "storm:2", "https://checks.example/homes").status == 0)
    #expect(!fixture.run("show", "storm:2").stdout.contains("Linked to earlier checks"))
    #expect(fixture.run("report").stdout.contains("0 linked"))
    #expect(fixture.run("check").status == 0)
  }

  @Test func checkReportsMalformedFactChecksAndLinksOneLineEach() throws {
    let (fixture, _) = try Self.ledgerWithFeed()
    #expect(fixture.run("link", "storm:2", "https://checks.example/homes").status == 0)
    #expect(fixture.run("check").status == 0)
    let factCheck = String(fixture.git("ls-files", "FactChecks").split(separator: "\n")[0])
    let link = fixture.git("ls-files", "Links").trimmingCharacters(in: .whitespacesAndNewlines)
    try fixture.scratch.write("{\"format_version\": 1, \"url\": 7}\n", to: factCheck)
    let id = fixture.id(2)
    let original = try fixture.scratch.read(link)
    try fixture.scratch.write("not json", to: link)
    try fixture.scratch.write("{}", to: "FactChecks/stray.json")
    try fixture.scratch.write("{}", to: "Links/no such source/x.json")
    // A well-formed link record of a claim the ledger does not hold.
    try fixture.scratch.write(
      original.replacingOccurrences(of: id, with: "0000000000"),
      to: "Links/storm/0000000000/reviewer@example.org.json")
    fixture.git("add", "-A")
    fixture.git("commit", "-q", "-m", "damage")
    let check = fixture.run("check")
    #expect(check.status == 1)
    for path in [factCheck, link, "FactChecks/stray.json", "Links/no such source", "Links/storm/0000000000"] {
      #expect(check.stdout.split(separator: "\n").filter { $0.contains("\(path)") }.count == 1, "\(path)")
    }
  }

  @Test func theIndexUpdatedInPlaceAnswersAsOneBuiltFromScratch() throws {
    let (fixture, _) = try Self.ledgerWithFeed()
    let base = fixture.scratch.path(".git/claims-cache/v2/matching/base.bin")
    let delta = fixture.scratch.path(".git/claims-cache/v2/matching/delta.bin")
    #expect(fixture.run("match", "storm homes").status == 0)
    #expect(FileManager.default.fileExists(atPath: base))
    #expect(FileManager.default.fileExists(atPath: delta))
    let firstBase = try Data(contentsOf: URL(fileURLWithPath: base))
    // Changes of every kind, each followed by a match that updates the index in place.
    let more = try fixture.writeBeside(
      #"[{"@type": "ClaimReview", "url": "https://checks.example/schools", "claimReviewed": "Schools reopen Thursday.", "author": {"name": "Other Desk"}}]"#,
      name: "more.json")
    for step in [
      ["factchecks", "import", more], ["verdict", "storm:2", "supported"], ["verdict", "storm:3", "opinion"],
      ["withdraw", "storm:3"],
      [
        "factchecks", "import",
        try fixture.writeBeside(
          Self.feed.replacingOccurrences(of: "five billion", with: "six billion"), name: "again.json"),
      ],
    ] {
      #expect(CLIHarness.run(step, in: fixture.path, environment: fixture.environment).status == 0, "\(step)")
      #expect(fixture.run("match", "storm homes").status == 0)
    }
    // Only the delta was written again: the base stays as it was built.
    #expect(try Data(contentsOf: URL(fileURLWithPath: base)) == firstBase)
    let queries = ["storm homes", "six billion bridge", "five billion bridge", "schools reopen thursday", "storm:2"]
    let updated = queries.map { fixture.run("match", $0, "--json", "--limit", "10").stdout }
    try FileManager.default.removeItem(atPath: fixture.scratch.path(".git/claims-cache"))
    let rebuilt = queries.map { fixture.run("match", $0, "--json", "--limit", "10").stdout }
    #expect(updated == rebuilt)
    #expect(rebuilt[0].contains(fixture.id(2)))
    #expect(rebuilt[1].contains("https://checks.example/bridge"))
    #expect(!rebuilt[2].contains("five billion dollars"))
  }

  @Test func aCacheOfTheFormerSingleFileIsReplaced() throws {
    let (fixture, _) = try Self.ledgerWithFeed()
    let former = fixture.scratch.path(".git/claims-cache/v2/matching.bin")
    try FileManager.default.createDirectory(
      atPath: fixture.scratch.path(".git/claims-cache/v2"), withIntermediateDirectories: true)
    try Data("CMLC old".utf8).write(to: URL(fileURLWithPath: former))
    #expect(fixture.run("match", "storm homes").status == 0)
    #expect(!FileManager.default.fileExists(atPath: former))
    #expect(FileManager.default.fileExists(atPath: fixture.scratch.path(".git/claims-cache/v2/matching/base.bin")))
  }

  @Test func aFeedIsFetchedFromTheAddressTheUserNames() throws {
    let fixture = try CLIFixture()
    let server = try LocalHTTPServer(routes: [
      "/feed.json": .page(headers: [("Content-Type", "application/ld+json")], body: Array(Self.feed.utf8)),
      "/missing.json": .page(status: 404),
    ])
    defer { server.stop() }
    let result = fixture.run("factchecks", "import", server.url("/feed.json"))
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("(2 added, 0 updated, 0 unchanged, 1 skipped)"))
    let head = fixture.head
    expectRefusal(
      fixture.run("factchecks", "import", server.url("/missing.json")), containing: "cannot fetch", ledger: fixture,
      head: head)
  }

  static func object(_ text: String) throws -> [String: Any] {
    guard let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else {
      throw Fixtures.Invalid(description: "not a JSON object: \(text)")
    }
    return object
  }
}

/// Links made on two clones merge by the union of their events, as reviews do.
@Suite struct LinkSyncTests {
  @Test func linksMadeAndUnlinkedOnTwoClonesMergeWithoutLossAndConverge() throws {
    let desk = try SharedDesk()
    let feed = try desk.origin.writeBeside(MatchingCommandTests.feed, name: "feed.json")
    #expect(desk.origin.run("factchecks", "import", feed).status == 0)
    #expect(desk.origin.run("sync", desk.scratch.path("remote.git")).status == 0)
    #expect(desk.run("clone", "remote.git", "a").status == 0)
    #expect(desk.run("clone", "remote.git", "b").status == 0)
    let a = desk.scratch.path("a")
    let b = desk.scratch.path("b")
    #expect(desk.run("link", "storm:4", "https://checks.example/bridge", in: a).status == 0)
    #expect(desk.run("sync", in: a).status == 0)
    #expect(desk.run("sync", in: b).status == 0)
    // The same person, on two machines, without syncing between: b takes the link back, a adds another.
    #expect(desk.run("unlink", "storm:4", "https://checks.example/bridge", in: b).status == 0)
    #expect(desk.run("link", "storm:4", "https://checks.example/homes", in: a).status == 0)
    #expect(desk.run("link", "storm:2", "storm:4", in: b).status == 0)
    #expect(desk.run("sync", in: a).status == 0)
    let merged = desk.run("sync", in: b)
    #expect(merged.status == 0, "\(merged.stderr)")
    #expect(desk.run("sync", in: a).status == 0)
    #expect(desk.git("a", "rev-parse", "HEAD") == desk.git("b", "rev-parse", "HEAD"))
    let shown = desk.run("show", "storm:4", in: a).stdout
    #expect(shown.contains("https://checks.example/homes"))
    #expect(!shown.contains("  https://checks.example/bridge"))
    #expect(desk.run("show", "storm:2", in: b).stdout.contains("Linked to earlier checks:"))
    #expect(desk.run("check", in: a).status == 0)
  }
}

import Foundation
import TestSupport
import Testing

@Suite struct ReportCommandTests {
  func reviewed() throws -> CLIFixture {
    let fixture = try CLIFixture()
    fixture.run("verdict", "storm:2", "refuted", "--reviewer", "Ada <ada@example.org>")
    fixture.run("cite", "storm:2", "https://example.org/count", "--reviewer", "Ada <ada@example.org>")
    fixture.run("verdict", "storm:2", "supported", "--reviewer", "Bob <bob@example.org>")
    fixture.run("verdict", "storm:1", "supported", "--reviewer", "Bob <bob@example.org>")
    fixture.run("cite", "storm:1", "https://example.org/coast", "--reviewer", "Bob <bob@example.org>")
    return fixture
  }

  @Test func textReportLeadsWithCoverage() throws {
    let fixture = try reviewed()
    let result = fixture.run("report")
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("4 checkable claims: 1 verified (25.0%), 2 reviewed (50.0%)"))
    #expect(result.stdout.contains("Disputed claims (1)"))
    #expect(result.stdout.split(separator: "\n").allSatisfy { $0.count <= 100 })
  }

  @Test func theNarrowestWidthAcceptedIsOneTheTextReportFits() throws {
    let fixture = try reviewed()
    let narrow = fixture.run("report", "--width", "80")
    #expect(narrow.status == 0, "\(narrow.stderr)")
    #expect(narrow.stdout.split(separator: "\n").allSatisfy { $0.count <= 80 }, "\(narrow.stdout)")
    expectRefusal(fixture.run("report", "--width", "79"), status: 64, containing: "give a whole number from 80 to 400")
  }

  @Test func jsonReportCarriesItsSchemaVersionAndEveryClaim() throws {
    let fixture = try reviewed()
    let result = fixture.run("report", "--format", "json")
    let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    #expect(object["schema_version"] as? Int == 1)
    #expect((object["claims"] as? [Any])?.count == 4)
    #expect((object["disputed"] as? [Any])?.count == 1)
    #expect(object["revision"] as? String == fixture.head.trimmingCharacters(in: .whitespacesAndNewlines))
  }

  @Test func reportCanBeReadAtARevisionForASourceIntoAFile() throws {
    let fixture = try reviewed()
    let past = fixture.run("report", "--at", "HEAD~5", "--format", "csv")
    #expect(past.stdout.split(separator: "\r\n").count == 5)
    #expect(!past.stdout.contains("refuted"))
    let output = fixture.scratch.path("../report.html")
    defer { try? FileManager.default.removeItem(atPath: output) }
    let written = fixture.run("report", "--format", "html", "-o", "../report.html")
    #expect(written.status == 0)
    #expect(written.stdout == "")
    let html = try String(contentsOfFile: output, encoding: .utf8)
    #expect(html.hasPrefix("<!DOCTYPE html>"))
    #expect(fixture.status == "")
    expectRefusal(fixture.run("report", "--source", "nope"), containing: "no source 'nope'")
    expectRefusal(fixture.run("report", "--format", "pdf"), status: 64, containing: "'--format <format>'")
  }

  @Test func claimReviewMarkupListsAgreedVerdicts() throws {
    let fixture = try reviewed()
    let result = fixture.run("report", "--format", "claimreview")
    let items = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
    #expect(items.count == 1)
    #expect(items.first?["@type"] as? String == "ClaimReview")
    #expect((items.first?["reviewRating"] as? [String: Any])?["alternateName"] as? String == "Supported")
    #expect(items.first?["url"] == nil)
    #expect(result.stderr.contains("source 'storm' has no http(s) URL and no publication date"))
    // The same text re-imported with the missing details updates the source alone.
    try fixture.scratch.write(CLIFixture.article, to: ".git/storm.txt")
    let updated = fixture.run(
      "import", fixture.scratch.path(".git/storm.txt"), "--id", "storm", "--replace", "--url",
      "https://news.example.org/storm", "--published", "2026-11-20")
    #expect(updated.status == 0, "\(updated.stderr)")
    #expect(fixture.git("diff", "--name-only", "HEAD~1") == "seeds/storm.json\n")
    let published = fixture.run("report", "--format", "claimreview")
    #expect(published.stderr == "")
    let item = try #require(
      (try JSONSerialization.jsonObject(with: Data(published.stdout.utf8)) as? [[String: Any]])?.first)
    #expect((item["url"] as? String)?.hasPrefix("https://news.example.org/storm#claim-") == true)
    let claim = try #require(item["itemReviewed"] as? [String: Any])
    #expect(claim["datePublished"] as? String == "2026-11-20")
    #expect((claim["appearance"] as? [String: Any])?["url"] as? String == "https://news.example.org/storm")
  }
}

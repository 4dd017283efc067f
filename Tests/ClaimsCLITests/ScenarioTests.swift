import ClaimModel
import Foundation
import TestSupport
import Testing

/// The whole life of one article, checked step by step against the git CLI: import, two
/// reviewers, a changed verdict, a snapshot at publication, a corrected article re-imported, and a
/// diff across all of it.
@Suite struct ScenarioTests {
  @Test func importReviewCorrectAndCompare() throws {
    let fixture = try CLIFixture(importing: ReimportTests.original)
    func git(_ arguments: String..., sourceLocation: SourceLocation = #_sourceLocation) -> String {
      gitOutput(arguments, in: fixture.path, sourceLocation: sourceLocation)
    }
    let imported = git("rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)
    #expect(git("log", "-1", "--format=%(trailers:key=Action,valueonly)").hasPrefix("import"))
    #expect(git("ls-tree", "-r", "--name-only", "HEAD", "Claims/storm").split(separator: "\n").count == 6)
    let ids = (1...6).map { fixture.id($0) }

    // Two reviewers; one changes her mind.
    fixture.environment["CLAIMS_DATE"] = "2026-11-25T10:00:00Z"
    fixture.run("verdict", "storm:2", "supported", "--reviewer", "Ada <ada@example.org>")
    fixture.run("cite", "storm:2", "https://county.example.gov/report", "--reviewer", "Ada <ada@example.org>")
    fixture.run("verdict", "storm:2", "refuted", "--reviewer", "Bob <bob@example.org>", "--note", "County says 12.")
    fixture.run("verdict", "storm:6", "supported", "--reviewer", "Bob <bob@example.org>")
    fixture.environment["CLAIMS_DATE"] = "2026-11-25T11:00:00Z"
    fixture.run("verdict", "storm:2", "refuted", "--reviewer", "Ada <ada@example.org>")
    #expect(git("rev-list", "--count", "\(imported)..HEAD") == "5\n")
    #expect(git("log", "--format=%an", "\(imported)..HEAD") == "Ada\nBob\nBob\nAda\nAda\n")
    // Each reviewer's file holds their current review; git agrees with claims.
    let adaFile = "Reviews/storm/\(ids[1])/ada@example.org.json"
    let ada = try Review(decoding: Array(git("show", "HEAD:\(adaFile)").utf8))
    #expect(ada.verdict == "refuted")
    #expect(ada.citations.map(\.url) == ["https://county.example.gov/report"])
    #expect(
      git("log", "--format=%s", "--", adaFile)
        == "verdict: \(ids[1]) supported -> refuted\ncite: \(ids[1]) https://county.example.gov/report\nverdict: \(ids[1]) supported\n"
    )

    fixture.environment["CLAIMS_DATE"] = "2026-11-25T12:00:00Z"
    #expect(fixture.run("snapshot", "published").status == 0)

    // The article is corrected and re-imported.
    let revisedFile = try fixture.writeBeside(ReimportTests.revised, name: "revised.txt")
    fixture.environment["CLAIMS_DATE"] = "2026-11-26T09:00:00Z"
    #expect(fixture.run("import", revisedFile, "--id", "storm", "--replace").status == 0)
    #expect(git("rev-list", "--count", "published..HEAD") == "1\n")
    #expect(git("log", "-1", "--format=%(trailers:key=Action,valueonly)").hasPrefix("reimport"))
    #expect(git("status", "--porcelain") == "")

    // diff across it all, since the import and since publication.
    let all = fixture.run("diff", imported, "--json")
    let object = try #require(try JSONSerialization.jsonObject(with: Data(all.stdout.utf8)) as? [String: Any])
    let claimChanges = try #require(object["claims"] as? [[String: Any]])
    #expect(claimChanges.contains { $0["change"] as? String == "reworded" && ($0["from"] as? [String]) == [ids[1]] })
    #expect(
      claimChanges.contains {
        $0["change"] as? String == "retired" && (($0["claim"] as? [String: Any])?["id"] as? String) == ids[5]
      })
    let disputes = try #require(object["disputes"] as? [[String: Any]])
    #expect(disputes.isEmpty)  // Ada and Bob agree (refuted) by the end
    let sincePublication = fixture.run("diff", "published").stdout
    #expect(sincePublication.contains("reworded (was \(ids[1]))"))
    #expect(sincePublication.contains("review carried over from \(ids[1])"))
    // Oracle: the files claims says changed are the files git says changed.
    let gitChanged = Set(
      git("diff", "--name-only", "published", "HEAD", "--", "Claims", "Reviews").split(separator: "\n").map(String.init)
    )
    let reviewPaths = ((object["reviews"] as? [[String: Any]]) ?? []).compactMap { review -> String? in
      guard let claim = review["claim"] as? String, let reviewer = review["reviewer"] as? String,
        let identity = Identity(parsing: reviewer)
      else { return nil }
      return "Reviews/storm/\(claim)/\(identity.fileSlug).json"
    }
    #expect(
      Set(reviewPaths.filter { path in git("diff", "--name-only", "published", "HEAD", "--", path) != "" }).isSubset(
        of: gitChanged))

    // The story of the edited claim, in order, and who set what.
    let story = fixture.run("log", ids[1]).stdout.split(separator: "\n")
    #expect(story.count == 6)
    #expect(story.first?.contains("reimport") == true)
    #expect(story.last?.contains("import") == true)
    #expect(fixture.run("blame", ids[1]).stdout.contains("replacing supported"))
  }
}

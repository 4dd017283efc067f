import Foundation
import TestSupport
import Testing

/// `claims import URL|FILE.html`: pages fetched from a server on 127.0.0.1 (or read) become
/// sources with their page and metadata beside the text.
@Suite struct WebImportTests {
  static let html = [("Content-Type", "text/html; charset=utf-8")]
  static let source = "council-extends-night-buses-to-the-suburbs"

  func record(_ fixture: CLIFixture, _ source: String = source) throws -> [String: Any] {
    let data = try Data(contentsOf: URL(fileURLWithPath: fixture.scratch.path("seeds/\(source).json")))
    return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
  }

  func seed(_ fixture: CLIFixture, _ name: String) throws -> [UInt8] {
    Array(try Data(contentsOf: URL(fileURLWithPath: fixture.scratch.path("seeds/\(name)"))))
  }

  @Test func importsTheArticleKeepsThePageAndRecordsItsMetadata() throws {
    let fixture = try CLIFixture(importing: nil)
    let page = Array(NewsPages.page().utf8)
    let gzipped = try gzip(page)
    let server = try LocalHTTPServer(routes: [
      "/n/123": .redirect(status: 301, location: "/news/night-buses"),
      "/news/night-buses": .page(headers: Self.html + [("Content-Encoding", "gzip")], body: gzipped),
    ])
    let url = server.url("/n/123")
    let result = fixture.run("import", url)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stderr == "")
    #expect(result.stdout.hasPrefix("Imported \(Self.source): 5 claims (1 headline, 4 sentences) in commit "))
    // The text is the article's body; the page is kept as received (content coding undone).
    #expect(String(decoding: try seed(fixture, "\(Self.source).txt"), as: UTF8.self) == NewsPages.text + "\n")
    #expect(try seed(fixture, "\(Self.source).html") == page)
    let record = try record(fixture)
    #expect(record["title"] as? String == NewsPages.headline)
    #expect(record["url"] as? String == url)
    #expect(record["published"] as? String == "2025-03-04")
    #expect(record["modified"] as? String == "2025-03-05")
    #expect(record["authors"] as? [String] == ["Jane Whitaker", "Tom Reyes"])
    #expect(record["publisher"] as? String == "The Northern Courier")
    #expect(record["language"] as? String == "en-GB")
    #expect(record["canonical_url"] as? String == "https://courier.example/news/night-buses")
    #expect(record["fetched_url"] as? String == server.url("/news/night-buses"))
    #expect(record["fetched"] as? String == "2026-11-24T12:00:00Z")
    #expect(record["page_content_type"] as? String == "text/html; charset=utf-8")
    #expect(record["page_sha256"] as? String == sha256(page))
    #expect(fixture.status == "")
    #expect(fixture.run("check").status == 0)
    // Offsets refer to the text: the first claim is the text's first sentence.
    let listed = fixture.run("list", "--json").stdout
    let claims = try #require(try JSONSerialization.jsonObject(with: Data(listed.utf8)) as? [[String: Any]])
    #expect(claims.first?["text"] as? String == NewsPages.paragraphs[0])
    #expect(claims.first?["start"] as? Int == 0)
    #expect(fixture.git("log", "-1", "--format=%B").contains("URL: \(url)"))
  }

  @Test func aSavedPageIsImportedLikeAFetchedOne() throws {
    let fixture = try CLIFixture(importing: nil)
    let path = try fixture.writeBeside(NewsPages.page(), name: "saved.html")
    let result = fixture.run("import", path)
    #expect(result.status == 0, "\(result.stderr)")
    let record = try record(fixture)
    #expect(record["url"] == nil)
    #expect(record["fetched"] == nil)
    #expect(record["page_content_type"] == nil)
    #expect(record["authors"] as? [String] == ["Jane Whitaker", "Tom Reyes"])
    #expect(String(decoding: try seed(fixture, "\(Self.source).html"), as: UTF8.self) == NewsPages.page())
    // From standard input too.
    let piped = fixture.run("import", "-", "--id", "piped", input: NewsPages.page())
    #expect(piped.status == 0, "\(piped.stderr)")
    #expect(String(decoding: try seed(fixture, "piped.txt"), as: UTF8.self) == NewsPages.text + "\n")
  }

  @Test func aPageServedAsPlainTextIsItsOwnText() throws {
    let fixture = try CLIFixture(importing: nil)
    let text = "Storm hits coast\n\nBy Jane Whitaker, Staff Reporter\n\nThe storm reached the coast on Monday.\n"
    let server = try LocalHTTPServer(routes: [
      "/storm.txt": .page(headers: [("Content-Type", "text/plain; charset=utf-8")], body: Array(text.utf8))
    ])
    let result = fixture.run("import", server.url("/storm.txt"))
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.hasPrefix("Imported storm: 3 claims (1 headline, 1 sentence, 1 byline) in commit "))
    #expect(String(decoding: try seed(fixture, "storm.txt"), as: UTF8.self) == text)
    #expect(!FileManager.default.fileExists(atPath: fixture.scratch.path("seeds/storm.html")))
    #expect(try record(fixture, "storm")["url"] as? String == server.url("/storm.txt"))
  }

  @Test func optionsOverrideWhatThePageSays() throws {
    let fixture = try CLIFixture(importing: nil)
    let server = try LocalHTTPServer(routes: ["/a": .page(headers: Self.html, body: Array(NewsPages.page().utf8))])
    let result = fixture.run(
      "import", server.url("/a"), "--id", "buses", "--title", "Night buses", "--url", "https://courier.example/b",
      "--published", "2025-03-01")
    #expect(result.status == 0, "\(result.stderr)")
    let record = try record(fixture, "buses")
    #expect(record["title"] as? String == "Night buses")
    #expect(record["url"] as? String == "https://courier.example/b")
    #expect(record["published"] as? String == "2025-03-01")
    #expect(record["fetched_url"] as? String == server.url("/a"))
  }

  @Test func theSourceIDFallsBackToTheAddresssLastSegment() throws {
    let fixture = try CLIFixture(importing: nil)
    let untitled = """
      <html><body><div class="post"><p>\(NewsPages.paragraphs.joined(separator: "</p><p>"))</p></div></body></html>
      """
    let server = try LocalHTTPServer(routes: [
      "/2025/03/Night_Buses.html": .page(headers: Self.html, body: Array(untitled.utf8))
    ])
    let result = fixture.run("import", server.url("/2025/03/Night_Buses.html?ref=home"))
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.hasPrefix("Imported night_buses: 4 claims"))
  }

  @Test func aPageInWindows1252IsImportedRightAndInvalidBytesAreCounted() throws {
    let fixture = try CLIFixture(importing: nil)
    let quoted = NewsPages.paragraphs.map {
      $0.replacingOccurrences(of: "residents had requested", with: "residents \u{2018}had requested\u{2019}")
    }
    let latin = NewsPages.windows1252(NewsPages.page(paragraphs: quoted, charset: "iso-8859-1"))
    var broken = Array(NewsPages.page().utf8)
    let at = try #require(broken.firstRange(of: Array("Tuesday".utf8)))
    broken.replaceSubrange(at, with: [0xFF] + Array("Tuesday".utf8))
    let server = try LocalHTTPServer(routes: [
      "/latin": .page(headers: [("Content-Type", "text/html; charset=ISO-8859-1")], body: latin),
      "/broken": .page(headers: Self.html, body: broken),
    ])
    let imported = fixture.run("import", server.url("/latin"), "--id", "latin")
    #expect(imported.status == 0, "\(imported.stderr)")
    #expect(imported.stderr == "")
    let text = String(decoding: try seed(fixture, "latin.txt"), as: UTF8.self)
    #expect(text.contains("residents \u{2018}had requested\u{2019}"))
    #expect(try seed(fixture, "latin.html") == latin)
    let warned = fixture.run("import", server.url("/broken"), "--id", "broken")
    #expect(warned.status == 0)
    #expect(warned.stderr == "warning: 1 invalid byte for UTF-8 replaced with U+FFFD in \(server.url("/broken"))\n")
    #expect(String(decoding: try seed(fixture, "broken.txt"), as: UTF8.self).contains("voted on \u{FFFD}Tuesday"))
  }

  @Test func textOnlyImportsThePagesVisibleText() throws {
    let fixture = try CLIFixture(importing: nil)
    let server = try LocalHTTPServer(routes: ["/s": .page(headers: Self.html, body: Array(NewsPages.noArticle.utf8))])
    let result = fixture.run("import", "--text-only", server.url("/s"))
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.hasPrefix("Imported courier-sections: 3 claims"))
    #expect(
      String(decoding: try seed(fixture, "courier-sections.txt"), as: UTF8.self)
        == "Tram line to close\n\nParking fees rise\n\nSign in\n")
  }

  @Test func replaceWithTheSameAddressFetchesAgainAndReimports() throws {
    let fixture = try CLIFixture(importing: nil)
    let server = try LocalHTTPServer(routes: ["/a": .page(headers: Self.html, body: Array(NewsPages.page().utf8))])
    let url = server.url("/a")
    #expect(fixture.run("import", url).status == 0)
    let claimID = fixture.run("list", "--json").stdout
    let claims = try #require(try JSONSerialization.jsonObject(with: Data(claimID.utf8)) as? [[String: Any]])
    let second = try #require(claims.first { ($0["ordinal"] as? Int) == 2 }?["id"] as? String)
    #expect(fixture.run("verdict", second, "supported").status == 0)
    // Without --replace the same address is refused, and the ledger is left alone.
    let head = fixture.head
    expectExactRefusal(
      fixture.run("import", url),
      "\(url) is already imported as source '\(Self.source)'; re-import it with --replace, or give another --id")
    #expect(fixture.head == head)
    // The page is revised, with a new headline: --replace finds the source by its address.
    var revised = NewsPages.paragraphs
    revised[1] = revised[1].replacingOccurrences(of: "four routes", with: "five routes")
    let revisedPage = NewsPages.page(paragraphs: revised).replacingOccurrences(
      of: NewsPages.headline, with: "Night buses reach the suburbs")
    server.setRoute("/a", .page(headers: Self.html, body: Array(revisedPage.utf8)))
    let result = fixture.run("import", "--replace", url)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(
      result.stdout.hasPrefix(
        "Re-imported \(Self.source): 4 kept, 0 added, 1 reworded, 0 retired; 1 review marked stale"))
    #expect(server.hitCount("/a") == 2)
    #expect(String(decoding: try seed(fixture, "\(Self.source).html"), as: UTF8.self) == revisedPage)
    let record = try record(fixture)
    #expect(record["title"] as? String == "Night buses reach the suburbs")
    #expect(record["page_sha256"] as? String == sha256(Array(revisedPage.utf8)))
    #expect(fixture.status == "")
    #expect(fixture.run("check").status == 0)
    // Fetching the same page again changes nothing.
    let again = fixture.run("import", "--replace", url)
    #expect(again.stdout.hasPrefix("No claim of \(Self.source) changes"))
    #expect(fixture.git("log", "-1", "--format=%s").hasPrefix("reimport: \(Self.source) (4 kept"))
  }

  @Test func aTextReimportDropsThePageItNoLongerComesFrom() throws {
    let fixture = try CLIFixture(importing: nil)
    let path = try fixture.writeBeside(NewsPages.page(), name: "saved.html")
    #expect(fixture.run("import", path, "--id", "buses").status == 0)
    let text = try fixture.writeBeside(NewsPages.text + "\n\nA correction was added.\n", name: "fixed.txt")
    let result = fixture.run("import", "--replace", text, "--id", "buses")
    #expect(result.status == 0, "\(result.stderr)")
    #expect(!FileManager.default.fileExists(atPath: fixture.scratch.path("seeds/buses.html")))
    let record = try record(fixture, "buses")
    #expect(record["page_sha256"] == nil)
    #expect(record["title"] as? String == NewsPages.headline)
    #expect(fixture.run("check").status == 0)
  }

  @Test func checkNoticesAPageEditedByHand() throws {
    let fixture = try CLIFixture(importing: nil)
    let path = try fixture.writeBeside(NewsPages.page(), name: "saved.html")
    #expect(fixture.run("import", path, "--id", "buses").status == 0)
    try fixture.scratch.write("<p>edited</p>", to: "seeds/buses.html")
    _ = fixture.git("commit", "-qam", "edit the page")
    let check = fixture.run("check")
    #expect(check.status == 1)
    #expect(
      check.stdout.contains(
        "seeds/buses.html: no longer matches the SHA-256 in seeds/buses.json; it was edited after import; restore it from history, or re-import the page with 'claims import --replace', then commit"
      ))
  }

  @Test func claimReviewNamesTheArticlesAuthorsAndAddress() throws {
    let fixture = try CLIFixture(importing: nil)
    let server = try LocalHTTPServer(routes: ["/a": .page(headers: Self.html, body: Array(NewsPages.page().utf8))])
    #expect(fixture.run("import", server.url("/a"), "--id", "buses").status == 0)
    #expect(fixture.run("verdict", "buses:1", "supported").status == 0)
    let report = fixture.run("report", "--format", "claimreview")
    #expect(report.status == 0, "\(report.stderr)")
    let reviews = try #require(try JSONSerialization.jsonObject(with: Data(report.stdout.utf8)) as? [[String: Any]])
    let item = try #require(reviews.first?["itemReviewed"] as? [String: Any])
    let authors = try #require(item["author"] as? [[String: Any]])
    #expect(authors.compactMap { $0["name"] as? String } == ["Jane Whitaker", "Tom Reyes"])
    #expect(item["datePublished"] as? String == "2025-03-04")
    let appearance = try #require(item["appearance"] as? [String: Any])
    #expect(appearance["url"] as? String == "https://courier.example/news/night-buses")
    #expect(appearance["headline"] as? String == NewsPages.headline)
    #expect((appearance["publisher"] as? [String: Any])?["name"] as? String == "The Northern Courier")
  }

  @Test func bylinesAndFurnitureInPlainTextAreNotClaims() throws {
    let text = """
      Storm hits coast

      By Jane Whitaker, Staff Reporter

      The storm reached the coast on Monday. Officials said 40 homes were damaged.

      Jane Whitaker can be reached at jane@courier.example.

      Copyright 2025 The Courier. All rights reserved.

      """
    let fixture = try CLIFixture(importing: text)
    let all = try #require(
      try JSONSerialization.jsonObject(with: Data(fixture.run("split", "--json", "-", input: text).stdout.utf8))
        as? [[String: Any]])
    #expect(
      all.compactMap { $0["kind"] as? String } == [
        "headline", "byline", "sentence", "sentence", "byline", "boilerplate", "boilerplate",
      ])
    let show = fixture.run("report", "--format", "json")
    let report = try #require(try JSONSerialization.jsonObject(with: Data(show.stdout.utf8)) as? [String: Any])
    let overall = try #require(report["overall"] as? [String: Any])
    #expect(overall["checkable"] as? Int == 3)
    #expect(
      (overall["by_kind"] as? [String: Int])
        == ["headline": 1, "sentence": 2, "caption": 0, "byline": 2, "boilerplate": 2])
  }
}

/// `bytes` compressed with gzip(1).
func gzip(_ bytes: [UInt8]) throws -> [UInt8] {
  let scratch = ScratchDirectory()
  try scratch.write(bytes, to: "body")
  let result = try ProcessRunner.run("/bin/gzip", ["-kn", "body"], in: scratch.path)
  guard result.status == 0 else { throw Fixtures.Invalid(description: "gzip failed: \(result.stderr)") }
  return Array(try Data(contentsOf: URL(fileURLWithPath: scratch.path("body.gz"))))
}

/// The SHA-256 of `bytes` in hex, computed by sha256sum(1) as an oracle.
func sha256(_ bytes: [UInt8]) -> String {
  let scratch = ScratchDirectory()
  do {
    try scratch.write(bytes, to: "data")
    let result = try ProcessRunner.run("/usr/bin/sha256sum", ["data"], in: scratch.path)
    guard result.status == 0 else { return "<sha256sum failed: \(result.stderr)>" }
    return String(result.stdout.prefix(64))
  } catch {
    return "<\(error)>"
  }
}

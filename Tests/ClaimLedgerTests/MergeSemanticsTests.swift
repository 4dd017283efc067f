import ClaimLedger
import ClaimModel
import Foundation
import TestSupport
import Testing

/// Reviewers' work meeting in `claims sync` (issue 11, part A): nothing either side recorded is
/// lost, and every clone ends with the same ledger whatever order they sync in.
@Suite struct MergeSemanticsTests {
  static let revised = DeskFixture.article.replacingOccurrences(
    of: "Officials said 40 homes were damaged.", with: "Officials said 45 homes were damaged.")

  func reimport(
    _ ledger: Ledger, _ text: String, as source: String = "storm", at time: String,
    by who: String = "Desk Editor <editor@example.org>"
  )
    throws
  {
    _ = try ledger.reimportSource(
      ImportRequest(bytes: Array(text.utf8), fileName: "\(source).txt", source: try Fixtures.source(source)),
      dryRun: false, as: try Fixtures.identity(who), at: try Fixtures.timestamp(time))
  }

  func reviews(_ ledger: Ledger, of claim: ClaimID) throws -> [Review] {
    try ledger.snapshot().reviews(of: try Fixtures.source("storm"))[claim] ?? []
  }

  /// The live claim that replaced `old` after the re-import.
  func replacement(of old: ClaimID, in ledger: Ledger) throws -> Claim {
    try #require(try ledger.snapshot().claims(of: try Fixtures.source("storm")).first { $0.supersedes.contains(old) })
  }

  @Test(arguments: [true, false])
  func aReviewGivenWhileAnotherMachineReimportsFollowsTheReplacement(reviewFirst: Bool) throws {
    let desk = try DeskFixture()
    let laptop = try desk.clone("laptop")
    let desktop = try desk.clone("desktop")
    let old = try Fixtures.claimID(try desk.claimIDs(in: laptop)[1])
    let bea = "Bea <bea@example.org>"
    if reviewFirst {
      // The desktop reviews and syncs; the laptop re-imports without syncing first.
      try desk.verdict(desktop, old.rawValue, "misleading", by: bea, at: "2026-11-24T12:05:00Z")
      try desk.sync(desktop)
      try reimport(laptop, Self.revised, at: "2026-11-24T12:10:00Z")
      try desk.sync(laptop)
      try desk.sync(desktop)
    } else {
      try reimport(laptop, Self.revised, at: "2026-11-24T12:05:00Z")
      try desk.verdict(desktop, old.rawValue, "misleading", by: bea, at: "2026-11-24T12:10:00Z")
      try desk.sync(laptop)
      try desk.sync(desktop)
      try desk.sync(laptop)
    }
    #expect(try desk.git("laptop", "rev-parse", "HEAD") == desk.git("desktop", "rev-parse", "HEAD"))
    for ledger in [laptop, desktop] {
      let new = try replacement(of: old, in: ledger)
      let carried = try #require(try reviews(ledger, of: new.id).first { $0.reviewer.name == "Bea" })
      #expect(carried.verdict == "misleading")
      #expect(carried.stale?.previousClaim == old)
      #expect(carried.stale?.previousText == "Officials said 40 homes were damaged.")
      // What the desk sees: listed as stale, and the claim's story holds the verdict.
      let story = ledger.story(of: new, in: try ledger.history(), at: try ledger.snapshot())
      #expect(story.contains { $0.entry.action == .verdict && $0.claim == old && $0.entry.verdict == "misleading" })
      let blame = try ledger.blame(new.id.rawValue)
      let beas = try #require(blame.reviewers.first { $0.reviewer.name == "Bea" })
      #expect(beas.verdictOrigin?.subject.hasPrefix("verdict: \(old) misleading") == true)
      #expect(beas.carriedFrom == old)
    }
    #expect(try desk.git("laptop", "status", "--porcelain") == "")
    #expect(try desk.git("remote.git", "fsck", "--no-progress").isEmpty)
  }

  @Test func theSameReviewerOnTwoMachinesKeepsEveryFieldEitherSideSet() throws {
    let desk = try DeskFixture()
    let laptop = try desk.clone("laptop")
    let desktop = try desk.clone("desktop")
    let id = try desk.claimIDs(in: laptop)[3]
    let ana = try Fixtures.identity("Ana <ana@example.org>")
    _ = try laptop.record(
      .cite(Citation(url: "https://example.org/laptop")), on: id, by: ana,
      at: try Fixtures.timestamp("2026-11-24T12:01:00Z"))
    _ = try laptop.record(
      .verdict("supported", note: nil), on: id, by: ana, at: try Fixtures.timestamp("2026-11-24T12:02:00Z"))
    _ = try desktop.record(
      .cite(Citation(url: "https://example.org/desktop")), on: id, by: ana,
      at: try Fixtures.timestamp("2026-11-24T12:03:00Z"))
    _ = try desktop.record(
      .note("from the desktop"), on: id, by: ana, at: try Fixtures.timestamp("2026-11-24T12:04:00Z"))
    try desk.sync(laptop)
    let merged = try desk.sync(desktop)
    #expect(merged.resolutions.isEmpty)
    try desk.sync(laptop)
    for ledger in [laptop, desktop] {
      let review = try #require(try reviews(ledger, of: try Fixtures.claimID(id)).first)
      #expect(review.verdict == "supported")
      #expect(review.note == "from the desktop")
      #expect(Set(review.citations.map(\.url)) == ["https://example.org/laptop", "https://example.org/desktop"])
    }
  }

  @Test func theSameFieldChangedOnBothMachinesIsSettledByTheLaterActionAndNamed() throws {
    let desk = try DeskFixture()
    let laptop = try desk.clone("laptop")
    let desktop = try desk.clone("desktop")
    let id = try desk.claimIDs(in: laptop)[3]
    try desk.verdict(laptop, id, "supported", by: "Ana <ana@example.org>", at: "2026-11-24T12:02:00Z")
    try desk.verdict(desktop, id, "refuted", by: "Ana <ana@example.org>", at: "2026-11-24T12:03:00Z")
    try desk.sync(desktop)
    let merged = try desk.sync(laptop)
    let resolution = try #require(merged.resolutions.first)
    #expect(merged.resolutions.count == 1)
    #expect(resolution.kind == .field)
    #expect(resolution.kept == .theirs)
    #expect(resolution.detail?.hasPrefix("Ana's verdict on storm:4 from ") == true)
    #expect(resolution.detail?.hasSuffix("(supported, 2026-11-24T12:02:00Z) replaced by refuted, made later") == true)
    #expect(try reviews(laptop, of: try Fixtures.claimID(id)).first?.verdict == "refuted")
    // The merge commit says so too.
    #expect(try desk.git("laptop", "log", "-1", "--format=%B").contains("Resolved: \(resolution.summary)"))
    // And the claim's log never shows the replaced verdict as the one that stands.
    let snapshot = try laptop.snapshot()
    let claim = try snapshot.resolveClaim(id)
    let history = try laptop.history()
    let story = laptop.story(of: claim, in: history, at: snapshot)
    let replaced = laptop.replacedValues(in: story, of: claim, entries: history, at: snapshot)
    let supported = try #require(story.first { $0.entry.verdict == "supported" }?.entry.commit)
    #expect(replaced[supported]?.standing == "refuted")
    #expect(replaced.count == 1)
  }

  @Test func twoImportsOfDifferentTextsUnderOneSourceIDNeverMix() throws {
    var tips: [String] = []
    for laptopFirst in [true, false] {
      let desk = try DeskFixture()
      let laptop = try desk.clone("laptop")
      let desktop = try desk.clone("desktop")
      let editor = try Fixtures.identity("Desk Editor <editor@example.org>")
      _ = try laptop.importSource(
        ImportRequest(
          bytes: Array("The mayor spoke on Monday. Taxes will rise.\n".utf8), fileName: "a.txt",
          source: try Fixtures.source("mayor")),
        as: editor, at: try Fixtures.timestamp("2026-11-24T12:01:00Z"))
      _ = try desktop.importSource(
        ImportRequest(
          bytes: Array("The mayor spoke on Tuesday. Taxes will rise.\n".utf8), fileName: "b.txt",
          source: try Fixtures.source("mayor")),
        as: editor, at: try Fixtures.timestamp("2026-11-24T12:02:00Z"))
      let (first, second) = laptopFirst ? (laptop, desktop) : (desktop, laptop)
      try desk.sync(first)
      let result = try desk.sync(second)
      try desk.sync(first)
      #expect(result.resolutions.contains { $0.kind == .source })
      let snapshot = try first.snapshot()
      let mayor = try Fixtures.source("mayor")
      let live = snapshot.claims(of: mayor).filter { !$0.isRetired }
      // The later text (the desktop's) is the source's text; its claims are the live ones, each ordinal once.
      #expect(snapshot.seedText(mayor) == "The mayor spoke on Tuesday. Taxes will rise.\n")
      #expect(live.map(\.ordinal) == [1, 2])
      #expect(live.map(\.text) == ["The mayor spoke on Tuesday.", "Taxes will rise."])
      #expect(live[0].supersedes.count == 1)
      #expect(try first.check().problems.isEmpty)
      tips.append(try desk.git("remote.git", "rev-parse", "main^{tree}"))
    }
    #expect(tips[0] == tips[1])
  }

  @Test func sourceMetadataMergesFieldByField() throws {
    let desk = try DeskFixture()
    let laptop = try desk.clone("laptop")
    let desktop = try desk.clone("desktop")
    let editor = try Fixtures.identity("Desk Editor <editor@example.org>")
    let text = Array("The mayor spoke on Monday.\n".utf8)
    var request = ImportRequest(bytes: text, fileName: "a.txt", source: try Fixtures.source("mayor"))
    request.title = "Mayor speaks"
    _ = try laptop.importSource(request, as: editor, at: try Fixtures.timestamp("2026-11-24T12:01:00Z"))
    request.title = nil
    request.url = "https://example.org/mayor"
    _ = try desktop.importSource(request, as: editor, at: try Fixtures.timestamp("2026-11-24T12:02:00Z"))
    try desk.sync(laptop)
    try desk.sync(desktop)
    let record = try #require(try desktop.snapshot().sourceRecord(try Fixtures.source("mayor")))
    #expect(record.title == "Mayor speaks")
    #expect(record.url == "https://example.org/mayor")
  }

  @Test func pageMetadataMergesFieldByField() throws {
    let desk = try DeskFixture()
    let laptop = try desk.clone("laptop")
    let desktop = try desk.clone("desktop")
    let editor = try Fixtures.identity("Desk Editor <editor@example.org>")
    let mayor = try Fixtures.source("mayor")
    let text = Array("The mayor spoke on Monday.\n".utf8)
    let page = Array("<p>The mayor spoke on Monday.</p>".utf8)
    // The laptop imports from the page; the desktop imports the same text with other metadata.
    var fromPage = ImportRequest(bytes: text, fileName: "https://example.org/mayor", source: mayor)
    fromPage.authors = ["Jane Whitaker"]
    fromPage.publisher = "The Courier"
    fromPage.modified = CalendarDate("2026-11-20")
    fromPage.page = ImportedPage(
      bytes: page, contentType: "text/html", fetchedURL: "https://www.example.org/mayor",
      fetched: try Fixtures.timestamp("2026-11-24T12:01:00Z"))
    _ = try laptop.importSource(fromPage, as: editor, at: try Fixtures.timestamp("2026-11-24T12:01:00Z"))
    var byHand = ImportRequest(bytes: text, fileName: "mayor.txt", source: mayor)
    byHand.publisher = "Courier Media"
    byHand.language = "en"
    byHand.canonicalURL = "https://example.org/news/mayor"
    _ = try desktop.importSource(byHand, as: editor, at: try Fixtures.timestamp("2026-11-24T12:02:00Z"))
    try desk.sync(laptop)
    let result = try desk.sync(desktop)
    try desk.sync(laptop)
    for ledger in [laptop, desktop] {
      let record = try #require(try ledger.snapshot().sourceRecord(mayor))
      #expect(record.authors == ["Jane Whitaker"])
      #expect(record.modified == CalendarDate("2026-11-20"))
      #expect(record.language == "en")
      #expect(record.canonicalURL == "https://example.org/news/mayor")
      #expect(record.fetchedURL == "https://www.example.org/mayor")
      #expect(record.pageContentType == "text/html")
      #expect(record.pageSHA256 == SHA256.hexDigest(of: page))
      // Given differently on both sides: the later import's publisher, and the other named.
      #expect(record.publisher == "Courier Media")
      #expect(try ledger.snapshot().seedPage(mayor) == page)
      #expect(try ledger.check().problems.isEmpty)
    }
    #expect(
      result.resolutions.contains {
        $0.detail == "the publisher of source mayor 'The Courier' replaced by 'Courier Media', made later"
      })
  }
}

import ClaimModel
import Foundation
import TestSupport
import Testing

/// `claims cite --archive`, `claims archive` and `claims evidence`, against pages a
/// `LocalHTTPServer` on 127.0.0.1 serves.
@Suite struct EvidenceCommandTests {
  static let quote = EvidencePages.quote

  /// The review file of the test reviewer on claim `ordinal`.
  private func review(_ fixture: CLIFixture, _ ordinal: Int) throws -> Review {
    try Review(
      decoding: Array(try fixture.scratch.read("Reviews/storm/\(fixture.id(ordinal))/reviewer@example.org.json").utf8))
  }

  private func sha256(_ path: String) throws -> String {
    let result = try ProcessRunner.run("/usr/bin/env", ["sha256sum", path], in: "/")
    #expect(result.status == 0)
    return String(result.stdout.prefix(64))
  }

  @Test func citeArchiveStoresThePageInTheCitesCommitUnderItsDigest() throws {
    let server = try LocalHTTPServer(routes: [
      "/story": .page(headers: EvidencePages.html, body: EvidencePages.original)
    ])
    let fixture = try CLIFixture()
    let result = fixture.run(
      "cite", "storm:2", server.url("/story"), "--archive", "--quote",
      "\"We counted 12 homes\n with structural damage,\"",
      "--stance", "refutes")
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("  archived "))
    #expect(fixture.status == "")
    let citation = try #require(try review(fixture, 2).citations.first)
    let archive = try #require(citation.archive)
    #expect(archive.status == 200)
    #expect(archive.finalURL == server.url("/story"))
    #expect(archive.contentType == "text/html")
    #expect(archive.retrieved.text.count == 20)
    #expect(archive.quote?.selector.exact == "“We counted 12 homes with structural damage,”")
    // The capture and the text, named by their SHA-256, in the same commit as the citation.
    let textPath = try #require(archive.textPath)
    let changed = Set(fixture.git("show", "--name-only", "--format=", "HEAD").split(separator: "\n").map(String.init))
    #expect(
      changed == [
        archive.capturePath, textPath, "Reviews/storm/\(fixture.id(2))/reviewer@example.org.json",
      ])
    #expect(try sha256(fixture.scratch.path(archive.capturePath)) == archive.captureSHA256)
    #expect(try sha256(fixture.scratch.path(textPath)) == archive.textSHA256)
    #expect(
      fixture.git("log", "-1", "--format=%(trailers:key=Archive,valueonly)").hasPrefix(archive.captureSHA256 + "\n"))
    #expect(fixture.run("check").status == 0)
  }

  @Test func aQuoteThatIsNotOnThePageIsRefusedWithTheNearestPassage() throws {
    let server = try LocalHTTPServer(routes: [
      "/story": .page(headers: EvidencePages.html, body: EvidencePages.original)
    ])
    let fixture = try CLIFixture()
    let head = fixture.head
    let result = fixture.run(
      "cite", "storm:2", server.url("/story"), "--archive", "--quote", "We counted 14 homes with structural damage")
    expectRefusal(
      result,
      containing: "the nearest passage (6 of 7 words) reads: “We counted 12 homes with structural damage",
      ledger: fixture, head: head)
  }

  @Test func checkReportsArchivedEvidenceEditedInTheWorkTreeOrIndex() throws {
    let server = try LocalHTTPServer(routes: [
      "/story": .page(headers: EvidencePages.html, body: EvidencePages.original)
    ])
    let fixture = try CLIFixture()
    #expect(fixture.run("cite", "storm:2", server.url("/story"), "--archive").status == 0)
    let archive = try #require(try review(fixture, 2).citations.first?.archive)
    let (capture, text) = (archive.capturePath, try #require(archive.textPath))
    #expect(fixture.run("check").status == 0)
    // An edit of the capture that keeps its size, and the text deleted: neither is committed.
    let page = try fixture.scratch.read(capture)
    try fixture.scratch.write(page.replacingOccurrences(of: "twelve homes", with: "twelve HOMES"), to: capture)
    try FileManager.default.removeItem(atPath: fixture.scratch.path(text))
    let result = fixture.run("check")
    #expect(result.status == 1)
    let lines = result.stdout.split(separator: "\n").map(String.init)
    #expect(
      Set(lines.dropLast()) == [
        "\(capture): has uncommitted changes in the work tree: its bytes no longer match the SHA-256 its citation records (archived evidence is kept as fetched); run 'git restore \(capture)' to take back the edit",
        "\(text): is deleted in the work tree (not committed); committing that would lose archived evidence; run 'git restore \(text)'",
      ], "\(result.stdout)")
    #expect(lines.last == "Checked 10 files: 2 problems.")
    // Staged: named too, with the command that takes it back from the index and the work tree.
    _ = fixture.git("add", capture)
    let staged = fixture.run("check", "--json").stdout
    #expect(staged.contains("has staged changes that are not committed"), "\(staged)")
    #expect(staged.contains("run 'git restore --staged --worktree \(capture)' to take them back"))
    // Removed from the index (git rm): the same command puts it back.
    _ = fixture.git("rm", "-q", "--cached", text)
    let removed = fixture.run("check").stdout
    #expect(
      removed.contains(
        "\(text): is removed from the git index (not committed); archived evidence must stay as it was fetched; run 'git restore --staged --worktree \(text)' to put it back"
      ), "\(removed)")
    _ = fixture.git("restore", "--staged", "--worktree", capture, text)
    #expect(fixture.run("check").status == 0)
  }

  @Test func checkNamesFilesUnderEvidenceThatNoCommitHolds() throws {
    let server = try LocalHTTPServer(routes: [
      "/story": .page(headers: EvidencePages.html, body: EvidencePages.original)
    ])
    let fixture = try CLIFixture()
    #expect(fixture.run("cite", "storm:2", server.url("/story"), "--archive").status == 0)
    let archive = try #require(try review(fixture, 2).citations.first?.archive)
    let shard = (archive.capturePath as NSString).deletingLastPathComponent
    #expect(fixture.run("check").status == 0)
    // Beside committed evidence, in a new directory, a link (to a directory: not followed), a
    // huge file (sparse: never read), and a file staged but not committed.
    try fixture.scratch.write("dropped by hand", to: "\(shard)/extra.warc")
    try fixture.scratch.write("copied from a colleague", to: "Evidence/zz/page.txt")
    try FileManager.default.createSymbolicLink(
      atPath: fixture.scratch.path("Evidence/link"), withDestinationPath: "/etc")
    try fixture.scratch.write("", to: "Evidence/zz/huge.warc")
    let huge = try FileHandle(forWritingTo: URL(fileURLWithPath: fixture.scratch.path("Evidence/zz/huge.warc")))
    try huge.truncate(atOffset: 16 << 30)
    try huge.close()
    try fixture.scratch.write("staged", to: "Evidence/zz/staged.txt")
    _ = fixture.git("add", "Evidence/zz/staged.txt")
    let result = fixture.run("check")
    #expect(result.status == 1)
    let lines = result.stdout.split(separator: "\n").map(String.init)
    let untracked =
      "is not in the ledger (untracked); no citation records it (claims archives pages with 'cite --archive' and 'archive')"
    #expect(
      lines == [
        "\(shard)/extra.warc: \(untracked); commit it with git ('git add \(shard)/extra.warc', then 'git commit') if it belongs in the ledger, or remove it",
        "Evidence/link: is not a plain file and not in the ledger (not followed); Evidence/ holds only archived pages; remove it",
        "Evidence/zz/huge.warc: \(untracked); commit it with git ('git add Evidence/zz/huge.warc', then 'git commit') if it belongs in the ledger, or remove it",
        "Evidence/zz/page.txt: \(untracked); commit it with git ('git add Evidence/zz/page.txt', then 'git commit') if it belongs in the ledger, or remove it",
        "Evidence/zz/staged.txt: is staged in the git index but not committed; no citation records it (claims archives pages with 'cite --archive' and 'archive'); commit it with git ('git commit') if it belongs in the ledger, or run 'git rm --cached Evidence/zz/staged.txt' and remove it",
        "Checked 10 files: 5 problems.",
      ], "\(result.stdout)")
    // Removed (and taken out of the index): nothing left to report.
    _ = fixture.git("rm", "-q", "--cached", "Evidence/zz/staged.txt")
    for path in ["\(shard)/extra.warc", "Evidence/zz", "Evidence/link"] {
      try FileManager.default.removeItem(atPath: fixture.scratch.path(path))
    }
    #expect(fixture.run("check").status == 0)
  }

  @Test func onlyWebPagesAreArchivedAndRedirectsToLocalSchemesAreRefused() throws {
    let server = try LocalHTTPServer(routes: ["/trap": .redirect(location: "file:///etc/passwd")])
    let fixture = try CLIFixture()
    let head = fixture.head
    expectRefusal(
      fixture.run("cite", "storm:2", "doi:10.1000/182", "--archive"), containing: "is not a web address",
      ledger: fixture, head: head)
    expectRefusal(
      fixture.run("cite", "storm:2", server.url("/trap"), "--archive"),
      containing: "redirects to 'file:///etc/passwd', which is refused",
      ledger: fixture, head: head)
  }

  @Test func theArchiveLimitRefusesAPageThatWouldPassIt() throws {
    let server = try LocalHTTPServer(routes: [
      "/story": .page(headers: EvidencePages.html, body: EvidencePages.original)
    ])
    let fixture = try CLIFixture()
    var config = try LedgerConfig(decoding: Array(try fixture.scratch.read("ledger.json").utf8))
    config.archiveLimitMB = 0
    try fixture.scratch.write(String(decoding: config.encoded(), as: UTF8.self), to: "ledger.json")
    _ = fixture.git("commit", "-q", "-am", "no archive")
    let head = fixture.head
    expectRefusal(
      fixture.run("cite", "storm:2", server.url("/story"), "--archive"), containing: "past its limit of 0.0 MB",
      ledger: fixture, head: head)
  }

  @Test func archiveFetchesEachPageOnceAndStoresOneCopyForEveryCitation() throws {
    let server = try LocalHTTPServer(routes: [
      "/story": .page(headers: EvidencePages.html, body: EvidencePages.original)
    ])
    let fixture = try CLIFixture()
    #expect(fixture.run("cite", "storm:2", server.url("/story")).status == 0)
    #expect(fixture.run("cite", "storm:3", server.url("/story"), "--quote", "twelve homes were damaged").status == 0)
    let head = fixture.head.trimmingCharacters(in: .whitespacesAndNewlines)
    let result = fixture.run("archive", "--all")
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("Recorded 2 archives in commit "))
    #expect(server.hitCount("/story") == 1)
    #expect(fixture.git("rev-list", "--count", "\(head)..HEAD") == "1\n")
    #expect(fixture.git("log", "-1", "--format=%s") == "archive: 2 citations on 2 claims\n")
    let first = try #require(try review(fixture, 2).citations.first?.archive)
    let second = try #require(try review(fixture, 3).citations.first?.archive)
    #expect(first.captureSHA256 == second.captureSHA256)
    #expect(first.quote == nil)
    #expect(second.quote?.selector.exact == "twelve homes were damaged")
    let captures = fixture.git("ls-files", "Evidence").split(separator: "\n").filter { $0.hasSuffix(".warc") }
    #expect(captures == [Substring(first.capturePath)])
    // The citation keeps its number and its event.
    #expect(try review(fixture, 2).citations.count == 1)
    #expect(fixture.run("archive", "--all").stdout.hasPrefix("Nothing to archive"))
    #expect(fixture.status == "")
  }

  @Test func archiveNamesTheCitationsItCouldNotArchiveAndFails() throws {
    let server = try LocalHTTPServer(routes: [
      "/story": .page(headers: EvidencePages.html, body: EvidencePages.original)
    ])
    let fixture = try CLIFixture()
    #expect(fixture.run("cite", "storm:2", server.url("/story")).status == 0)
    #expect(fixture.run("cite", "storm:2", server.url("/missing")).status == 0)
    let result = fixture.run("archive", "storm:2")
    #expect(result.status == 1)
    #expect(result.stdout.contains("Recorded 1 archive in commit "))
    #expect(result.stderr.contains("Error: not archived: \(server.url("/missing")) on \(fixture.id(2)) (storm:2)"))
    #expect(result.stderr.contains("HTTP 404"))
  }

  /// Six archived citations whose pages then keep, change or lose the quote, move, vanish or fail.
  private func checkedLedger() throws -> (CLIFixture, LocalHTTPServer) {
    let original = LocalHTTPServer.Route.page(headers: EvidencePages.html, body: EvidencePages.original)
    let server = try LocalHTTPServer(routes: [
      "/same": original,
      "/kept": .sequence([original, .page(headers: EvidencePages.html, body: EvidencePages.extended)]),
      "/drift": .sequence([original, .page(headers: EvidencePages.html, body: EvidencePages.corrected)]),
      "/moved": .sequence([original, .redirect(status: 301, location: "/new")]),
      "/new": original,
      "/gone": .sequence([original, .page(status: 404)]),
      "/down": .sequence([original, .page(status: 503)]),
    ])
    let fixture = try CLIFixture()
    for (ordinal, path) in [(1, "/same"), (2, "/kept"), (2, "/drift"), (3, "/moved"), (4, "/gone"), (4, "/down")] {
      let cited = fixture.run("cite", "storm:\(ordinal)", server.url(path), "--archive", "--quote", Self.quote)
      #expect(cited.status == 0, "\(path): \(cited.stderr)")
    }
    return (fixture, server)
  }

  @Test func evidenceCheckSortsEveryCitationAndFailsOnDriftOrLoss() throws {
    let (fixture, server) = try checkedLedger()
    let result = fixture.run("evidence", "check", "--json")
    #expect(result.status == 1, "\(result.stderr)")
    let json = try JSONParser.parse(result.stdout)
    guard case .object(let top) = json, case .array(let citations)? = top["citations"] else {
      Issue.record("no citations in \(result.stdout)")
      return
    }
    var states: [String: String] = [:]
    for case .object(let citation) in citations {
      if case .string(let url)? = citation["url"], case .string(let state)? = citation["state"] {
        states[String(url.dropFirst(server.url("").count))] = state
      }
    }
    #expect(
      states == [
        "/same": "unchanged", "/kept": "changed", "/drift": "quote-gone", "/moved": "moved", "/gone": "gone",
        "/down": "unreachable",
      ])
    #expect(top["ok"] == false)
    let drifted = citations.first { value in
      guard case .object(let citation) = value else { return false }
      return citation["state"] == "quote-gone"
    }
    guard case .object(let drift)? = drifted else { return }
    #expect(drift["now"] == "We counted 14 homes with structural damage")
    #expect(drift["quote"] == .string(Self.quote))

    // The text output, and what the report shows of the check.
    let text = fixture.run("evidence", "check")
    #expect(text.status == 1)
    #expect(text.stdout.contains("quote gone       storm:2"))
    #expect(text.stdout.contains("    now:   “We counted 14 homes with structural damage”"))
    #expect(
      text.stdout.hasSuffix(
        "Checked 6 archived citations (6 pages): 1 unchanged, 1 changed (quote kept), 1 moved, 1 unreachable now, 1 quote gone, 1 gone.\n"
      ))
    let report = try JSONParser.parse(fixture.run("report", "--format", "json").stdout)
    guard case .object(let members) = report, case .object(let health)? = members["citation_health"],
      case .array(let alerts)? = health["alerts"]
    else {
      Issue.record("no citation health in the report")
      return
    }
    #expect(health["archived"] == .integer(6))
    #expect(alerts.count == 2)
    let markdown = fixture.run("report", "--format", "markdown").stdout
    #expect(markdown.contains("6 citations: 6 archived, 0 not archived; last check: 1 unchanged"))
    #expect(markdown.contains("quote gone (2026-11-24): the quote is no longer on the page"))
    let csv = fixture.run("report", "--format", "csv").stdout
    #expect(csv.contains("changed 1, quote-gone 1"))
  }

  @Test func evidenceCheckPassesWhenNothingIsGoneOrDrifted() throws {
    let server = try LocalHTTPServer(routes: [
      "/story": .sequence([
        .page(headers: EvidencePages.html, body: EvidencePages.original), .page(status: 503),
      ])
    ])
    let fixture = try CLIFixture()
    #expect(fixture.run("cite", "storm:2", server.url("/story"), "--archive", "--quote", Self.quote).status == 0)
    let result = fixture.run("evidence", "check")
    #expect(result.status == 0)
    #expect(result.stdout.contains("unreachable now"))
    #expect(fixture.run("evidence", "check", "--source", "nothing").status == 1)
  }

  @Test func offlineCheckFindsADamagedArchiveWithoutFetching() throws {
    let server = try LocalHTTPServer(routes: [
      "/story": .page(headers: EvidencePages.html, body: EvidencePages.original)
    ])
    let fixture = try CLIFixture()
    #expect(fixture.run("cite", "storm:2", server.url("/story"), "--archive", "--quote", Self.quote).status == 0)
    let intact = fixture.run("evidence", "check", "--offline")
    #expect(intact.status == 0)
    #expect(intact.stdout == "Checked 1 archived citation (1 archive): 1 intact.\n")
    #expect(server.hitCount("/story") == 1)
    // The report shows the check, and caches the source's figures with it.
    #expect(fixture.run("report").stdout.contains("last check: 1 intact"))
    let archive = try #require(try review(fixture, 2).citations.first?.archive)
    var bytes = Array(try fixture.scratch.read(archive.capturePath).utf8)
    bytes[bytes.count - 20] ^= 1
    try Data(bytes).write(to: URL(fileURLWithPath: fixture.scratch.path(archive.capturePath)))
    _ = fixture.git("commit", "-q", "-am", "tamper")
    let damaged = fixture.run("evidence", "check", "--offline")
    #expect(damaged.status == 1)
    #expect(damaged.stdout.contains("does not match its SHA-256"))
    // Nothing of the source changed, only the check: the report's cached figures are not reused.
    let report = fixture.run("report").stdout
    #expect(report.contains("last check: 1 damaged"))
  }

  @Test func showPrintsTheArchivedTextWithTheQuoteMarked() throws {
    let server = try LocalHTTPServer(routes: [
      "/story": .page(headers: EvidencePages.html, body: EvidencePages.original),
      "/x<script>": .page(headers: EvidencePages.html, body: EvidencePages.article(["Plain \u{1B}[2J text here."])),
    ])
    let fixture = try CLIFixture()
    #expect(fixture.run("cite", "storm:2", server.url("/story"), "--archive", "--quote", Self.quote).status == 0)
    let shown = fixture.run("evidence", "show", "storm:2")
    #expect(shown.status == 0, "\(shown.stderr)")
    #expect(shown.stdout.hasPrefix("Evidence for \(fixture.id(2)) (storm:2), archived citation 1 of 1\n"))
    #expect(shown.stdout.contains("  quote:       “\(Self.quote)” at "))
    #expect(shown.stdout.contains("concerned. “⟦\(Self.quote)⟧,” the chief inspector said."))
    expectRefusal(
      fixture.run("evidence", "show", "storm:2", "--citation", "2"),
      containing: "has 1 archived citation; give --citation 1\n")
    expectRefusal(fixture.run("evidence", "show", "storm:3"), containing: "has no archived citation")
  }

  @Test func shownTextNeverReachesTheTerminalUnescaped() throws {
    let hostile = EvidencePages.article([
      "A paragraph long enough to be an article body, with an escape \u{1B}]0;owned\u{07} in the middle of it.",
      "Another paragraph of the same page, so that the extractor finds the article and keeps its text whole.",
    ])
    let server = try LocalHTTPServer(routes: ["/story": .page(headers: EvidencePages.html, body: hostile)])
    let fixture = try CLIFixture()
    #expect(fixture.run("cite", "storm:2", server.url("/story"), "--archive").status == 0)
    let shown = fixture.run("evidence", "show", "storm:2")
    #expect(shown.status == 0)
    #expect(!shown.stdout.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
  }

  @Test func exportWritesOneWARCFileThatWarcioChecksAndIndexes() throws {
    let (fixture, server) = try checkedLedger()
    let result = fixture.run("evidence", "export", "../evidence-export.warc.gz")
    let file = fixture.scratch.path("../evidence-export.warc.gz")
    defer { try? FileManager.default.removeItem(atPath: file) }
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout == "Wrote 6 captures to ../evidence-export.warc.gz\n")
    guard
      (try? ProcessRunner.run("/usr/bin/env", ["python3", "-c", "import warcio"], in: "/"))?.status == 0
    else {
      // As WebArchiveTests do: .ci/run installs warcio; elsewhere the export is checked by the rest.
      print("skipped: warcio is not installed (python3 -m pip install warcio); the export is not checked by it")
      return
    }
    let check = try ProcessRunner.run("/usr/bin/env", ["python3", "-m", "warcio.cli", "check", "-v", file], in: "/")
    #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
    #expect(check.stdout.components(separatedBy: "digest pass").count - 1 == 13)
    let index = try ProcessRunner.run(
      "/usr/bin/env", ["python3", "-m", "warcio.cli", "index", "-f", "warc-type,warc-target-uri,http:status", file],
      in: "/")
    #expect(index.status == 0)
    let lines = index.stdout.split(separator: "\n")
    #expect(lines.first == #"{"warc-type": "warcinfo"}"#)
    #expect(
      lines.contains(
        Substring(
          #"{"warc-type": "response", "warc-target-uri": ""# + server.url("/drift") + #"", "http:status": "200"}"#)))
    #expect(lines.count == 13)
  }

  @Test func theReviewSessionArchivesWhatItCites() throws {
    let server = try LocalHTTPServer(routes: [
      "/story": .page(headers: EvidencePages.html, body: EvidencePages.original)
    ])
    let fixture = try CLIFixture()
    let session = fixture.run(
      "review", "--archive", input: "c\n\(server.url("/story"))\nrefutes\n\n\(Self.quote)\nq\n")
    #expect(session.status == 0, "\(session.stderr)")
    #expect(session.stdout.contains("  archived "))
    let citation = try #require(try review(fixture, 1).citations.first)
    #expect(citation.quote == Self.quote)
    #expect(citation.archive?.quote?.selector.exact == Self.quote)
  }

  @Test func theReviewSessionAsksAgainForAQuoteThePageDoesNotHoldAndKeepsWhatWasTyped() throws {
    let server = try LocalHTTPServer(routes: [
      "/story": .page(headers: EvidencePages.html, body: EvidencePages.original)
    ])
    let fixture = try CLIFixture()
    let url = server.url("/story")
    let wrong = "We counted 14 homes with structural damage"
    // A wrong quote, then the right one: one citation with the stance and title typed first.
    let retyped = fixture.run(
      "review", "--archive", input: "c\n\(url)\nrefutes\nDamage report\n\(wrong)\n\(Self.quote)\nq\n")
    #expect(retyped.status == 0, "\(retyped.stderr)")
    #expect(
      retyped.stdout.contains(
        "The quote is not in the text of \(url); the nearest passage (6 of 7 words) reads: “We counted 12 homes"),
      "\(retyped.stdout)")
    #expect(retyped.stdout.contains("Quote again, as the page reads it (Enter to save the citation without a quote"))
    #expect(!retyped.stdout.contains("--quote") && !retyped.stderr.contains("--quote"))
    #expect(retyped.stdout.contains("  archived "))
    #expect(server.hitCount("/story") == 1)
    let citation = try #require(try review(fixture, 1).citations.first)
    #expect(citation.quote == Self.quote)
    #expect(citation.stance == .refutes)
    #expect(citation.title == "Damage report")
    #expect(citation.archive?.quote?.selector.exact == Self.quote)
    // Enter: saved without a quote, archived all the same.
    let unquoted = fixture.run("review", "--archive", input: "\nc\n\(url)\n\n\n\(wrong)\n\nq\n")
    #expect(unquoted.status == 0, "\(unquoted.stderr)")
    let second = try #require(try review(fixture, 2).citations.first)
    #expect(second.quote == nil)
    #expect(second.archive != nil && second.archive?.quote == nil)
    // No answer (the input ends): nothing recorded.
    let head = fixture.head
    let dropped = fixture.run("review", "--archive", input: "\n\nc\n\(url)\n\n\n\(wrong)\n")
    #expect(dropped.stdout.contains("Citation not recorded."), "\(dropped.stdout)")
    #expect(fixture.head == head)
  }

  @Test func theReviewSessionKeepsACitationWhosePageCannotBeFetched() throws {
    let server = try LocalHTTPServer(routes: [
      "/story": .page(headers: EvidencePages.html, body: EvidencePages.original),
      "/gone": .page(status: 404),
      "/busy": .sequence([.page(status: 503), .page(headers: EvidencePages.html, body: EvidencePages.original)]),
    ])
    let fixture = try CLIFixture()
    let (story, gone, busy) = (server.url("/story"), server.url("/gone"), server.url("/busy"))
    let choices =
      "Enter keeps the citation without an archive, r fetches the page again, or type another address (Ctrl-C drops it): "
    // Another address: fetched instead, with the stance, title and quote typed for the first.
    let replaced = fixture.run(
      "review", "--archive", input: "c\n\(gone)\nrefutes\nDamage report\n\(Self.quote)\n\(story)\nq\n")
    #expect(replaced.status == 0, "\(replaced.stderr)")
    #expect(replaced.stderr.contains("Error: cannot archive \(gone): HTTP 404 Not Found"), "\(replaced.stderr)")
    #expect(replaced.stdout.contains(choices), "\(replaced.stdout)")
    #expect(replaced.stdout.contains("  archived "))
    let first = try #require(try review(fixture, 1).citations.first)
    #expect(first.url == story)
    #expect(first.stance == .refutes && first.title == "Damage report" && first.quote == Self.quote)
    #expect(first.archive?.quote?.selector.exact == Self.quote)
    // r: fetched again, archived the second time.
    let retried = fixture.run("review", "--archive", input: "\nc\n\(busy)\n\n\n\(Self.quote)\nr\nq\n")
    #expect(retried.status == 0, "\(retried.stderr)")
    #expect(
      retried.stderr.contains("HTTP 503 Service Unavailable (server error; try again later)"), "\(retried.stderr)")
    #expect(server.hitCount("/busy") == 2)
    #expect(try review(fixture, 2).citations.first?.archive?.finalURL == busy)
    // Enter: recorded as 'claims cite' without --archive records it, after an address that
    // cannot be archived at all (asked again).
    let kept = fixture.run(
      "review", "--archive", input: "\n\nc\n\(gone)\nsupports\n\n\(Self.quote)\ndoi:10.1000/182\n\nq\n")
    #expect(kept.status == 0, "\(kept.stderr)")
    #expect(kept.stderr.contains("'doi:10.1000/182' is not a web address"), "\(kept.stderr)")
    #expect(kept.stdout.contains("Recording the citation without an archive ('claims archive' can archive it later)."))
    let third = try #require(try review(fixture, 3).citations.first)
    #expect(third.url == "doi:10.1000/182")
    #expect(third.stance == .supports && third.quote == Self.quote && third.archive == nil)
    // No answer (the input ends): nothing recorded, and the session says so.
    let head = fixture.head
    let dropped = fixture.run("review", "--archive", input: "\n\n\nc\n\(gone)\n\n\n\n")
    #expect(dropped.stdout.contains("Citation not recorded."), "\(dropped.stdout)")
    #expect(fixture.head == head)
    #expect(fixture.status == "")
  }
}

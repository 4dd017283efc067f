import ClaimLedger
import ClaimModel
import ClaimReport
import Evidence
import WebArchive

/// `claims evidence check|show|export`: the archived pages of the ledger's citations.
struct EvidenceCommand: ParsableCommand {
  /// What to do with the evidence.
  enum Action: String, EnumeratedArgument {
    case check, show, export

    static var valueName: String { "action" }
  }

  static let configuration = CommandConfiguration(
    name: "evidence", abstract: "Check, read or export the archived pages of citations.",
    discussion: """
      check [--offline] [--source ID] [--json]: fetches every archived citation's page again (several at once, one \
      per host at a time) and sorts it: unchanged; changed (the quote is still there); moved (redirects elsewhere); \
      unreachable (timeout, 5xx: try again later); quote gone (the passage the verdict rests on is no longer on the \
      page: what is there now is shown); gone (404, 410, the host no longer exists). --offline checks the archive \
      alone: digests match and quotes stand where they were recorded (intact or damaged). Exits with status 1 when \
      any citation is gone, has lost its quote or has a damaged archive, so a desk can run it nightly. The result is \
      kept for reports (<git-dir>/claims-cache/v2/evidence-health.json). \
      show ID [--citation N]: prints the archived text of the claim's cited pages with the quote marked (N counts the \
      claim's archived citations as 'show' lists them). \
      export FILE [--source ID]: writes every archive (or those of the sources given) as one .warc.gz file that other \
      WARC tools read.
      """
  )

  @Argument(help: "check, show or export.")
  var action: Action

  @Argument(name: "target", help: "show: a claim (id prefix or SOURCE-ID:ORDINAL); export: the .warc.gz file to write.")
  var target: String?

  @Flag(help: "check: check the archive alone, without fetching anything.")
  var offline = false

  @Option(help: "check, export: only citations of claims of this source (repeatable).")
  var source: [SourceID] = []

  @Option(help: "show: only the claim's archived citation number <n>.")
  var citation: PositiveInteger?

  @Option(valueName: "seconds", help: "check: give up on a page after this long (default: 30).")
  var timeout: PositiveInteger?

  @Flag(help: "check: print what was found as JSON.")
  var json = false

  func validate() throws(UsageError) {
    switch action {
    case .check:
      if let target { throw UsageError("Unexpected argument '\(target)' ('claims evidence check' takes options only)") }
      if citation != nil { throw UsageError("--citation goes with 'claims evidence show'") }
    case .show:
      guard target != nil else { throw UsageError("Missing expected argument '<target>' (the claim to show)") }
      if offline || json || !source.isEmpty {
        throw UsageError("'claims evidence show' takes a claim and --citation only")
      }
    case .export:
      guard target != nil else { throw UsageError("Missing expected argument '<target>' (the .warc.gz file to write)") }
      if offline || json || citation != nil {
        throw UsageError("'claims evidence export' takes a file and --source only")
      }
    }
  }

  func run(_ context: CommandContext) throws -> Int32 {
    let ledger = try context.openLedger()
    switch action {
    case .check: return try check(ledger, context: context)
    case .show: return try show(ledger, context: context)
    case .export: return try export(ledger, context: context)
    }
  }

  // MARK: check

  private func check(_ ledger: Ledger, context: CommandContext) throws -> Int32 {
    let snapshot = try ledger.snapshot()
    let sources = try ListCommand.selectedSources(source, in: snapshot)
    let archived = snapshot.citedPages(of: sources).compactMap { page in page.citation.archive.map { (page, $0) } }
    context.report(snapshot.problems)
    Trace.mark("\(archived.count) archived citations listed")
    let time = try context.now()
    let checker = EvidenceChecker(snapshot: snapshot, time: time)
    let findings: [EvidenceChecker.Finding]
    if offline {
      findings = checker.offline(archived)
    } else {
      let progress = FetchProgress(label: "Checking pages", context: context)
      findings = checker.live(
        archived, options: CitationArchiving.fetchOptions(timeout: .seconds(timeout?.value ?? 30)), concurrency: 16,
        progress: progress)
    }
    Trace.mark("citations checked")
    var health = ledger.evidenceHealth()
    for finding in findings {
      health.record(
        finding.health, for: finding.page.eventID, source: finding.page.claim.source,
        capture: finding.archive.captureSHA256)
    }
    do {
      try ledger.saveEvidenceHealth(health)
    } catch {
      context.warn("the result could not be kept for reports: \(error.message)")
    }
    Trace.mark("result kept")
    let failed = findings.contains { $0.health.state.isFailure }
    if json {
      context.output.write(JSONWriter.canonicalText(of: EvidenceOutput.json(findings, offline: offline, at: time)))
    } else {
      EvidenceOutput.print(findings, offline: offline, context: context)
    }
    return failed ? ExitStatus.failure : ExitStatus.success
  }

  // MARK: show

  private func show(_ ledger: Ledger, context: CommandContext) throws -> Int32 {
    let snapshot = try ledger.snapshot()
    let claim = try snapshot.resolveClaim(target ?? "")
    let archived = snapshot.citedPages(of: [claim.source]).filter { $0.claim.id == claim.id }
      .compactMap { page in page.citation.archive.map { (page, $0) } }
    context.report(snapshot.problems)
    guard !archived.isEmpty else {
      throw CommandFailure(
        .notFound,
        "claim \(claim.id) has no archived citation; 'claims archive \(claim.id)' archives your citations of web pages")
    }
    var chosen = Array(archived.enumerated())
    if let number = citation?.value {
      guard number <= archived.count else {
        throw CommandFailure(
          .notFound,
          "claim \(claim.id) has \(String.count(archived.count, "archived citation")); give --citation "
            + (archived.count == 1 ? "1" : "1–\(archived.count)")
        )
      }
      chosen = [chosen[number - 1]]
    }
    let health = ledger.evidenceHealth()
    for (offset, (page, archive)) in chosen {
      if offset != chosen.first?.offset { context.print() }
      let text = archive.textPath.flatMap { snapshot.evidenceFile($0) }
      EvidenceOutput.printPage(
        page, archive: archive, number: offset + 1, of: archived.count, text: text,
        health: health.shown(for: page.eventID, capture: archive.captureSHA256), context: context)
    }
    return ExitStatus.success
  }

  // MARK: export

  private func export(_ ledger: Ledger, context: CommandContext) throws -> Int32 {
    let path = target ?? ""
    let snapshot = try ledger.snapshot()
    let sources = try ListCommand.selectedSources(source, in: snapshot)
    var digests: [String] = []
    var seen: Set<String> = []
    for page in snapshot.citedPages(of: sources) {
      guard let archive = page.citation.archive, seen.insert(archive.captureSHA256).inserted else { continue }
      digests.append(archive.captureSHA256)
    }
    context.report(snapshot.problems)
    guard !digests.isEmpty else {
      throw CommandFailure(
        .nothingToDo, "there is no archived citation to export\(source.isEmpty ? "" : " in those sources")")
    }
    let time = try context.now()
    let name = path.split(separator: "/").last.map(String.init) ?? path
    var records = [
      WARCFile.warcinfo(
        filename: name, date: WARCDate(secondsSince1970: time.secondsSince1970),
        software: "claims/\(ClaimsCommand.version)",
        fields: [("description", "archived pages of the citations of a claims ledger at \(snapshot.revision ?? "-")")])
    ]
    var problems: [String] = []
    var count = 0
    try OutputDestination.write(
      { output in
        for digest in digests {
          let path = CitationArchive.capturePath(digest)
          guard let bytes = snapshot.evidenceFile(path) else {
            problems.append("\(path) is missing from the ledger; left out")
            continue
          }
          do throws(WARCError) {
            let capture = try WARCCapture.read(bytes)
            guard capture.digest == digest else {
              problems.append("\(path) does not match its SHA-256; left out")
              continue
            }
            records += capture.records
            output.write(try WARCFile.gzipped(records))
            records = []
            count += 1
          } catch {
            problems.append("\(path) is not valid WARC (\(error.message)); left out")
          }
        }
        if !records.isEmpty, let bytes = try? WARCFile.gzipped(records) { output.write(bytes) }
        output.finish()
      }, to: context.absolutePath(path), shown: path)
    problems.forEach(context.warn)
    context.print("Wrote \(String.count(count, "capture")) to \(TerminalText.sanitize(path))")
    return problems.isEmpty ? ExitStatus.success : ExitStatus.failure
  }
}

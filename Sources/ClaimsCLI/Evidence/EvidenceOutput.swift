import ClaimLedger
import ClaimModel
import ClaimReport
import Evidence

/// How `claims evidence` prints what it found. Everything taken from a page (its text, the
/// passage now on it, its address) goes through the terminal sanitiser: archived bytes are data.
enum EvidenceOutput {
  /// The states in the order the summary lists them.
  static let order: [CitationHealth.State] = [
    .unchanged, .changed, .moved, .unreachable, .drifted, .gone, .intact, .damaged,
  ]

  // MARK: check

  /// One block per citation that is not unchanged (or intact), then a summary line.
  static func print(_ findings: [EvidenceChecker.Finding], offline: Bool, context: CommandContext) {
    let style = context.style
    for finding in findings where finding.health.state != .unchanged && finding.health.state != .intact {
      let health = finding.health
      let page = finding.page
      let label = health.state.phrase.padded(to: 16)
      let colored = health.state.isFailure ? style.red(label) : style.yellow(label)
      context.print(
        "\(colored) \(page.claim.reference) \(style.dim(page.claim.id.rawValue))  [\(page.number)] \(TerminalText.oneLine(page.reviewer.name, width: 24))  \(TerminalText.sanitize(page.citation.url))"
      )
      if let detail = health.detail { context.print("    " + TerminalText.sanitize(detail)) }
      if health.state == .drifted, let quote = finding.archive.quote {
        context.print("    quote: “" + TerminalText.oneLine(quote.selector.exact, width: 200) + "”")
        context.print(
          "    now:   " + (health.now.map { "“" + TerminalText.oneLine($0, width: 200) + "”" } ?? "nothing like it"))
      }
    }
    var pages: Set<String> = []
    for finding in findings { pages.insert(finding.page.citation.url) }
    guard !findings.isEmpty else {
      context.print("No archived citations to check; 'claims cite --archive' and 'claims archive' make them.")
      return
    }
    let counts = order.compactMap { state -> String? in
      let count = findings.filter { $0.health.state == state }.count
      return count > 0 ? "\(count) \(state.phrase)" : nil
    }
    let what = offline ? "archive" : "page"
    context.print(
      "Checked \(String.count(findings.count, "archived citation")) (\(String.count(pages.count, what))): \(counts.joined(separator: ", "))."
    )
  }

  /// The JSON `claims evidence check --json` prints.
  static func json(_ findings: [EvidenceChecker.Finding], offline: Bool, at time: Timestamp) -> JSONValue {
    var counts: [String: JSONValue] = [:]
    for state in order where offline == (state == .intact || state == .damaged) {
      counts[state.rawValue] = .integer(findings.filter { $0.health.state == state }.count)
    }
    let citations: [JSONValue] = findings.map { finding in
      var members: [String: JSONValue] = [
        "claim": .string(finding.page.claim.id.rawValue),
        "source": .string(finding.page.claim.source.rawValue),
        "reviewer": .string(finding.page.reviewer.description),
        "citation": .integer(finding.page.number),
        "event": .string(finding.page.eventID),
        "url": .string(finding.page.citation.url),
        "final_url": .string(finding.archive.finalURL),
        "warc_sha256": .string(finding.archive.captureSHA256),
      ]
      if case .object(let health) = finding.health.json { members.merge(health) { current, _ in current } }
      if let quote = finding.archive.quote { members["quote"] = .string(quote.selector.exact) }
      return .object(members)
    }
    return .object([
      "checked": .string(time.text), "mode": .string(offline ? "offline" : "live"),
      "ok": .bool(!findings.contains { $0.health.state.isFailure }), "counts": .object(counts),
      "citations": .array(citations),
    ])
  }

  // MARK: show

  /// The markers put around the quote in a shown page.
  static let quoteMarks = ("⟦", "⟧")

  /// One archived page: what the ledger knows of it, then its text with the quote marked.
  static func printPage(
    _ page: CitedPage, archive: CitationArchive, number: Int, of count: Int, text: [UInt8]?,
    health: CitationHealth?, context: CommandContext
  ) {
    let style = context.style
    context.print(
      style.bold("Evidence for \(page.claim.id) (\(page.claim.reference))")
        + ", archived citation \(number) of \(count)")
    context.print(
      "  cited by:    \(TerminalText.oneLine(page.reviewer.description, width: 60)) (their citation \(page.number))")
    context.print("  address:     \(TerminalText.sanitize(page.citation.url))")
    context.print(
      "  fetched:     \(TerminalText.sanitize(archive.finalURL)), HTTP \(archive.status)"
        + (archive.contentType.map { ", " + TerminalText.sanitize($0) } ?? "") + ", \(archive.retrieved.text)")
    context.print(
      "  archive:     \(archive.capturePath) (\(CitationArchiving.size(archive.captureBytes)), SHA-256 as named)")
    if let textPath = archive.textPath { context.print("  text:        \(textPath)") }
    if let quote = archive.quote {
      context.print(
        "  quote:       “\(TerminalText.oneLine(quote.selector.exact, width: 200))” at \(quote.start)–\(quote.end)")
    } else if let quote = page.citation.quote {
      context.print("  quote:       “\(TerminalText.oneLine(quote, width: 200))” (not looked up in the page)")
    }
    if let health {
      context.print(
        "  last check:  \(health.state.phrase), \(health.checked.text)"
          + (health.detail.map { ": " + TerminalText.sanitize($0) } ?? ""))
    }
    context.print()
    guard let text else {
      context.print(
        archive.textPath == nil
          ? "The page's text is not extracted (\(archive.contentType.map { TerminalText.sanitize($0) } ?? "not HTML or text")); 'claims evidence export' writes the archive for WARC tools."
          : "The page's text is missing from the ledger; 'claims evidence check --offline' says more.")
      return
    }
    let scalars = Array(String(decoding: text, as: UTF8.self).unicodeScalars)
    func piece(_ range: Range<Int>) -> String {
      var string = ""
      string.unicodeScalars.append(contentsOf: scalars[range])
      return TerminalText.sanitize(string, keepingLineBreaks: true)
    }
    guard let quote = archive.quote, QuoteLocator.holds(quote, in: scalars) else {
      context.print(piece(0..<scalars.count))
      return
    }
    let marked =
      quoteMarks.0 + piece(quote.start..<quote.end) + quoteMarks.1
    context.print(
      piece(0..<quote.start) + (context.style.isEnabled ? style.bold(style.yellow(marked)) : marked)
        + piece(quote.end..<scalars.count))
  }
}

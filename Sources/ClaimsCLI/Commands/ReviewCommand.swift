import ClaimLedger
import ClaimModel
import ClaimReport
import Evidence

/// `claims review`: walks through claims one at a time, recording each answer as a commit.
struct ReviewCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    name: "review", abstract: "Review claims one at a time, interactively.",
    discussion: """
      Shows each matching claim in context with what other reviewers said, and takes a single key: a verdict's key \
      (s supported, m mostly-supported, l misleading, r refuted, u unverifiable, o opinion on the default scale), \
      c to cite a source, n to write a note, Enter to go to the next claim, q to quit. Every answer is committed at \
      once, so quitting loses nothing. Without --status, it goes through the checkable claims you have not given a \
      verdict yet. Answers may also be piped on standard input, one per line (a citation's URL and a note's text on \
      the line after c or n). With --archive, every cited web page is fetched and kept in the ledger, and c also \
      asks for the passage quoted, which must be in the page.
      """
  )

  @Option(help: "Only claims of this source (repeatable).")
  var source: [SourceID] = []

  @Option(help: "Only claims with this status (see 'claims list --help').")
  var status: StatusFilter?

  @Flag(help: "Archive every web page you cite (as 'claims cite --archive' does), asking for a quote.")
  var archive = false

  @OptionGroup var reviewer: ActingReviewer

  func run(_ context: CommandContext) throws -> Int32 {
    let ledger = try context.openLedger()
    let reviewer = try reviewer.resolve(context, ledger: ledger)
    let snapshot = try ledger.snapshot()
    let sources = try ListCommand.selectedSources(source, in: snapshot)
    var filter = ClaimFilter(status: status)
    if filter.status == nil { filter.withoutVerdictBy = reviewer }
    let claims = try filter.apply(to: sources, in: snapshot)
    context.report(snapshot.problems)
    guard !claims.isEmpty else {
      context.print("No claims to review: nothing matches.")
      return ExitStatus.success
    }
    var session = Session(context: context, ledger: ledger, reviewer: reviewer, total: claims.count)
    if archive { session.archiver = try CitationArchiving.makeArchiver() }
    for (index, claim) in claims.enumerated() {
      guard try session.review(claim, number: index + 1) else { break }
    }
    session.printSummary()
    return ExitStatus.success
  }

  /// The state of one review session.
  struct Session {
    let context: CommandContext
    let ledger: Ledger
    let reviewer: Identity
    let total: Int
    /// Set with `--archive`: fetches each cited web page.
    var archiver: PageArchiver?
    var verdicts = 0
    var citations = 0
    var notes = 0
    var seen = 0

    init(context: CommandContext, ledger: Ledger, reviewer: Identity, total: Int) {
      self.context = context
      self.ledger = ledger
      self.reviewer = reviewer
      self.total = total
    }

    /// Shows one claim and takes answers until the reviewer moves on; false when they quit.
    mutating func review(_ claim: Claim, number: Int) throws -> Bool {
      seen = number
      let snapshot = try ledger.snapshot()
      guard let current = snapshot.claim(claim.id, in: claim.source) else { return true }
      let printer = ClaimPrinter(context: context, snapshot: snapshot)
      let scale = snapshot.config().scale
      context.print()
      printer.printHeader(current, progress: "\(number)/\(total)")
      printer.printInContext(current)
      printer.printReviews(current, highlighting: reviewer)
      MatchPrinter(context: context).printEarlierChecks(of: current, snapshot: snapshot)
      var hasVerdict = false
      while true {
        let keys = scale.verdicts.map { "\($0.key) \($0.id)" }.joined(separator: ", ")
        context.output.write(
          hasVerdict
            ? "c cite, n note, Enter next, q quit: " : "Verdict (\(keys)), c cite, n note, Enter skip, q quit, ? help: "
        )
        guard let answer = context.input.readKey()?.trimmingWhitespace() else {
          context.print()
          return false
        }
        context.print(TerminalText.sanitize(answer))
        switch answer.lowercased() {
        case "", "k", "next", "skip":
          return true
        case "q", "quit":
          context.print()
          return false
        case "?", "h", "help":
          printHelp(scale)
        case "c", "cite":
          guard let url = prompt("Source URL (http(s), doi: or seeds/…): "), !url.isEmpty else { continue }
          let stanceText = prompt("Stance (supports, refutes, context; Enter for none): ") ?? ""
          let stance = Citation.Stance(rawValue: stanceText.lowercased())
          if !stanceText.isEmpty, stance == nil { context.warn("unknown stance '\(stanceText)'; recorded without one") }
          var citation = Citation(url: url, accessed: CalendarDate(day: try context.now()), stance: stance)
          var evidence: [LedgerChange.File] = []
          if let archiver {
            let quote = prompt("Quote (the passage you rely on; Enter for none): ") ?? ""
            if !quote.isEmpty { citation.quote = quote }
            do {
              (citation, evidence) = try CitationArchiving.archive(citation, using: archiver, context: context)
            } catch {
              context.printError("\(context.errorStyle.red("Error:")) \(TerminalText.sanitize(error.message))")
              continue
            }
          }
          if try perform(.cite(citation), on: current, attaching: evidence) {
            citations += 1
            if let archive = citation.archive { context.print("  " + CitationArchiving.describe(archive)) }
          }
        case "n", "note":
          guard let text = prompt("Note: "), !text.isEmpty else { continue }
          if try perform(.note(text), on: current) { notes += 1 }
        default:
          let verdict =
            answer.count == 1 ? scale.verdict(forKey: answer.lowercased()) : scale.verdict(answer.lowercased())
          guard let verdict else {
            context.print("Unknown answer '\(TerminalText.sanitize(answer))'; press ? for help.")
            continue
          }
          if try perform(.verdict(verdict.id, note: nil), on: current) {
            verdicts += 1
            hasVerdict = true
          }
        }
      }
    }

    private func prompt(_ text: String) -> String? {
      context.output.write(text)
      let line = context.input.readLine()?.trimmingWhitespace()
      // A terminal echoes what was typed; piped answers are echoed so the transcript reads well.
      if !context.isInputTerminal, let line { context.print(TerminalText.sanitize(line)) }
      return line
    }

    /// Records one action; a refusal (bad URL, say) is shown and the session goes on.
    private func perform(
      _ action: ReviewAction, on claim: Claim, attaching evidence: [LedgerChange.File] = []
    ) throws -> Bool {
      do {
        let result = try ledger.record(
          action, on: claim.id.rawValue, by: reviewer, at: try context.now(), attaching: evidence)
        result.commit?.warnings.forEach(context.warn)
        guard let commit = result.commit else {
          context.print("  (nothing new to record)")
          return false
        }
        context.print("  ✓ recorded in commit \(commit.commit.prefix(7))")
        return true
      } catch let error as LedgerError {
        context.printError("\(context.errorStyle.red("Error:")) \(TerminalText.sanitize(error.message))")
        return false
      }
    }

    private func printHelp(_ scale: VerdictScale) {
      for verdict in scale.verdicts {
        context.print("  \(verdict.key)  \(verdict.id.padded(to: 18)) \(verdict.meaning)")
      }
      context.print("  c  cite a source          n  write a note")
      context.print("  Enter  next claim         q  quit (everything answered is already recorded)")
    }

    func printSummary() {
      context.print(
        "Went through \(seen) of \(String.count(total, "claim")): \(String.count(verdicts, "verdict")), \(String.count(citations, "citation")), \(String.count(notes, "note")) recorded."
      )
    }
  }
}

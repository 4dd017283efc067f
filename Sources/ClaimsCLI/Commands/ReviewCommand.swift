import ClaimLedger
import ClaimModel
import ClaimReport
import Evidence

/// `claims review`: walks through claims one at a time, recording each answer as a commit.
struct ReviewCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    name: "review", abstract: "Review claims one at a time, interactively.",
    discussion: """
      Shows each matching claim in context, its assignee and what other reviewers said, and takes a single key: a \
      verdict's key (s supported, m mostly-supported, l misleading, r refuted, u unverifiable, o opinion on the \
      default scale), c to cite a source (asking its address, which is checked at once, then stance, title and \
      quote), n to write a note, z (or u, when no verdict has that key) to undo your last answer, Enter to go to the \
      next claim, q to quit. Every answer is committed at once, so quitting loses nothing; undoing is a commit too. \
      Typed answers can be edited: Left/Right, Home/End (Ctrl-A/Ctrl-E), Backspace/Delete, Ctrl-U (to the start), \
      Ctrl-K (to the end), Ctrl-W (the word before); Ctrl-C takes back what was typed, and at the verdict prompt \
      ends the session. Prompts fit the terminal's width. It takes the filters of \
      'claims list' (--source, --status, --verdict, --assigned-to, --grep); without --status, it goes through the \
      checkable claims you have not given a verdict yet. Answers may also be piped on standard input, one per line \
      (after c: the URL, stance, title and quote, each line empty for none; after n: the note). With --archive, \
      every cited web page is fetched and kept in the ledger, and the quote must be in the page: when it is not, the \
      session shows the nearest passage and asks for the quote again, as the page reads it (Enter saves the citation \
      without a quote; Ctrl-C, or the end of piped input, drops it). A page that cannot be fetched or archived loses \
      nothing either: the session says why and asks again (Enter records the citation without an archive, as \
      'claims cite' without --archive does, for 'claims archive' to archive later; r fetches the page again; another \
      address is fetched instead; Ctrl-C, or the end of piped input, drops it).
      """
  )

  @OptionGroup var filters: ClaimFilterOptions

  @Flag(help: "Archive every web page you cite (as 'claims cite --archive' does), asking for a quote.")
  var archive = false

  @OptionGroup var reviewer: ActingReviewer

  func run(_ context: CommandContext) throws -> Int32 {
    let ledger = try context.openLedger()
    let reviewer = try reviewer.resolve(context, ledger: ledger)
    let snapshot = try ledger.snapshot()
    let sources = try ListCommand.selectedSources(filters.source, in: snapshot)
    var filter = try filters.filter(context, ledger: ledger)
    if filter.statuses.isEmpty { filter.withoutVerdictBy = reviewer }
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
    /// Verdicts that replaced one the reviewer had already given.
    var changedVerdicts = 0
    var citations = 0
    var notes = 0
    var seen = 0
    /// The last answer recorded, which `undo` takes back (once).
    var lastAnswer: Answer?

    /// One recorded answer, with what undoing it needs.
    struct Answer {
      var claim: Claim
      var action: ReviewAction
      var previous: Review?
      var review: Review
      var wasChange: Bool
    }

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
      if let assignee = snapshot.assignments(of: current.source)[current.id]?.assignee {
        context.print(
          "assigned to: " + TerminalText.oneLine(assignee.description, width: (context.outputWidth ?? 100) - 13))
      }
      printer.printInContext(current)
      printer.printReviews(current, highlighting: reviewer)
      MatchPrinter(context: context).printEarlierChecks(of: current, snapshot: snapshot)
      var hasVerdict = false
      let undoKey = Self.undoKey(on: scale)
      while true {
        let keys = scale.verdicts.map { "\($0.key) \($0.id)" }.joined(separator: ", ")
        let undo = lastAnswer == nil ? "" : ", \(undoKey) undo"
        writePrompt(
          hasVerdict
            ? "c cite, n note\(undo), Enter next, q quit: "
            : "Verdict (\(keys)), c cite, n note\(undo), Enter skip, q quit, ? help: ")
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
          printHelp(scale, undoKey: undoKey)
        case undoKey, "undo":
          // Asked before undoing, which forgets the last answer: a verdict undone on this claim
          // brings the verdict keys back.
          let undoesThisClaim = lastAnswerWasOn(current)
          guard try undoLastAnswer() else { continue }
          if undoesThisClaim { hasVerdict = try currentVerdict(of: current) != nil }
        case "c", "cite":
          guard let url = prompt("Source URL (http(s), doi: or seeds/…): "), !url.isEmpty else { continue }
          // Refused before anything else is asked: a typo should not cost the stance, title and quote.
          if case .invalid(let reason) = CitationLocation(url) {
            context.printError("\(context.errorStyle.red("Error:")) \(TerminalText.sanitize(reason))")
            continue
          }
          let stanceText = prompt("Stance (supports, refutes, context; Enter for none): ") ?? ""
          let stance = Citation.Stance(rawValue: stanceText.lowercased())
          if !stanceText.isEmpty, stance == nil { context.warn("unknown stance '\(stanceText)'; recorded without one") }
          var citation = Citation(url: url, accessed: CalendarDate(day: try context.now()), stance: stance)
          let title = prompt("Title (Enter for none): ") ?? ""
          if !title.isEmpty { citation.title = title }
          let quote =
            prompt(
              archiver == nil
                ? "Quote (the passage you rely on; Enter for none): "
                : "Quote (the passage you rely on, which must be in the page; Enter for none): ") ?? ""
          if !quote.isEmpty { citation.quote = quote }
          var evidence: [LedgerChange.File] = []
          if let archiver {
            // A quote the page does not hold is asked again, a page that cannot be fetched offered
            // to be kept without an archive, fetched again or replaced; what was typed is kept.
            guard let archived = archive(citation, using: archiver) else { continue }
            (citation, evidence) = archived
          }
          if try perform(.cite(citation), on: current, attaching: evidence) {
            if let archive = citation.archive { context.print("  " + CitationArchiving.describe(archive)) }
          }
        case "n", "note":
          guard let text = prompt("Note: "), !text.isEmpty else { continue }
          _ = try perform(.note(text), on: current)
        default:
          let verdict =
            answer.count == 1 ? scale.verdict(forKey: answer.lowercased()) : scale.verdict(answer.lowercased())
          guard let verdict else {
            context.print("Unknown answer '\(TerminalText.sanitize(answer))'; press ? for help.")
            continue
          }
          if try perform(.verdict(verdict.id, note: nil), on: current) {
            hasVerdict = true
          }
        }
      }
    }

    /// `u` undoes unless the scale gives `u` to a verdict (the default scale's `unverifiable`); `z`
    /// (and the word `undo`) always does.
    static func undoKey(on scale: VerdictScale) -> String {
      scale.verdict(forKey: "u") == nil ? "u" : "z"
    }

    /// Writes a prompt; on a terminal narrower than it, the choices go on lines of their own, so that
    /// no word is broken across lines ("unverifiabl|e").
    private func writePrompt(_ text: String) {
      guard let width = context.outputWidth, text.count > width else {
        context.output.write(text)
        return
      }
      // Cut between choices ("r refuted", "u unverifiable"), never inside one; room is left for ": " and a key.
      var line = ""
      var lines: [String] = []
      for choice in text.dropLast(2).split(separator: ", ").map(String.init) {
        if !line.isEmpty, line.count + 2 + choice.count > width - 4 {
          lines.append(line + ",")
          line = choice
        } else {
          line += line.isEmpty ? choice : ", " + choice
        }
      }
      lines.append(line)
      for earlier in lines.dropLast() { context.print(earlier) }
      context.output.write((lines.last ?? "") + ": ")
    }

    private func lastAnswerWasOn(_ claim: Claim) -> Bool { lastAnswer?.claim.id == claim.id }

    private func currentVerdict(of claim: Claim) throws -> String? {
      try ledger.snapshot().reviews(of: claim).first { $0.reviewer.key == reviewer.key && $0.stale == nil }?.verdict
    }

    /// Takes back the last answer recorded: a verdict goes back to the one before it (or none), a
    /// citation is removed, a note goes back to the one before; false when there is nothing to undo.
    private mutating func undoLastAnswer() throws -> Bool {
      guard let answer = lastAnswer else {
        context.print("Nothing to undo.")
        return false
      }
      let undo: ReviewAction
      switch answer.action {
      case .verdict:
        undo = answer.previous?.verdict.map { .verdict($0, note: nil) } ?? .withdrawVerdict
      case .cite(let citation):
        guard let index = answer.review.citations.lastIndex(where: { $0.url == citation.url }) else { return false }
        undo = .uncite(index + 1)
      case .note:
        undo = .note(answer.previous?.note ?? "")
      default:
        return false
      }
      let result: ReviewActionResult
      do {
        result = try ledger.record(undo, on: answer.claim.id.rawValue, by: reviewer, at: try context.now())
      } catch let error as LedgerError {
        context.printError("\(context.errorStyle.red("Error:")) \(TerminalText.sanitize(error.message))")
        return false
      }
      result.commit?.warnings.forEach(context.warn)
      switch answer.action {
      case .verdict:
        if answer.wasChange { changedVerdicts -= 1 } else { verdicts -= 1 }
      case .cite: citations -= 1
      case .note: notes -= 1
      default: break
      }
      lastAnswer = nil
      let commit = result.commit.map { " in commit \($0.commit.prefix(7))" } ?? ""
      context.print("  ↶ undid the \(answer.action.answerName) on \(answer.claim.id)\(commit)")
      return true
    }

    func prompt(_ text: String) -> String? {
      writePrompt(text)
      let line = context.input.readLine()?.trimmingWhitespace()
      // A terminal echoes what was typed; piped answers are echoed so the transcript reads well.
      if !context.isInputTerminal, let line { context.print(TerminalText.sanitize(line)) }
      return line
    }

    /// Records one action and counts it; a refusal (bad URL, say) is shown and the session goes on.
    private mutating func perform(
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
        var wasChange = false
        switch action {
        case .verdict:
          wasChange = result.previous?.verdict != nil && result.previous?.stale == nil
          if wasChange { changedVerdicts += 1 } else { verdicts += 1 }
        case .cite: citations += 1
        case .note: notes += 1
        default: break
        }
        lastAnswer = Answer(
          claim: claim, action: action, previous: result.previous, review: result.review, wasChange: wasChange)
        return true
      } catch let error as LedgerError {
        context.printError("\(context.errorStyle.red("Error:")) \(TerminalText.sanitize(error.message))")
        return false
      }
    }

    private func printHelp(_ scale: VerdictScale, undoKey: String) {
      for verdict in scale.verdicts {
        let label = "  \(verdict.key)  \(verdict.id.padded(to: 18)) "
        // A meaning longer than the terminal's line goes on under itself, broken between words.
        let room = max(20, (context.outputWidth ?? .max) - label.count)
        var lines: [String] = []
        for word in verdict.meaning.split(separator: " ") {
          if let last = lines.last, last.count + 1 + word.count <= room {
            lines[lines.count - 1] = last + " " + word
          } else {
            lines.append(String(word))
          }
        }
        let indent = String(repeating: " ", count: label.count)
        context.print(label + lines.joined(separator: "\n" + indent))
      }
      context.print("  c  cite a source          n  write a note           \(undoKey)  undo your last answer")
      context.print("  Enter  next claim         q  quit (everything answered is already recorded)")
    }

    func printSummary() {
      let changed = changedVerdicts > 0 ? ", \(String.count(changedVerdicts, "verdict")) changed" : ""
      context.print(
        "Went through \(seen) of \(String.count(total, "claim")): \(String.count(verdicts, "verdict"))\(changed), \(String.count(citations, "citation")), \(String.count(notes, "note")) recorded."
      )
    }
  }
}

extension ReviewAction {
  /// What the review session calls the answer, for "undid the verdict on …".
  fileprivate var answerName: String {
    switch self {
    case .verdict: "verdict"
    case .cite: "citation"
    case .uncite: "removal of a citation"
    case .note: "note"
    case .withdrawVerdict, .withdrawReview: "withdrawal"
    }
  }
}

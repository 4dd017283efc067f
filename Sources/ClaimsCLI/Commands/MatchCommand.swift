import ClaimLedger
import ClaimMatching
import ClaimModel
import ClaimReport

/// `claims match TEXT|ID|-`: the earlier fact-checks and reviewed claims of the ledger most like a
/// claim, best first.
struct MatchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    name: "match", abstract: "Find earlier fact-checks and reviewed claims that check the same claim.",
    discussion: """
      Searches the fact-checks imported with 'claims factchecks import' and the claims of this ledger that have a \
      verdict, and lists the most alike first, each with its verdict or rating, who checked it, when, and a score \
      (a score of \(Resemblance.threshold.formatted) or more is what 'claims import' counts as resembling). \
      The query is a text (tweets and posts welcome: links, handles and hashtags are dealt with), a claim of the \
      ledger (id prefix or SOURCE-ID:ORDINAL; it is not matched against itself), or '-': one query per line on \
      standard input, one JSON line per query on standard output ({"query", "results"} or {"query", "error"}).
      """
  )

  @Argument(name: "query", help: "A claim's text, a claim (id prefix or SOURCE-ID:ORDINAL), or '-' for one per line.")
  var query: String

  @Option(help: "Show at most <n> matches (default: 5).")
  var limit: PositiveInteger?

  @Flag(help: "Print the matches as JSON (fact-checks by 'url', claims by 'id').")
  var json = false

  func run(_ context: CommandContext) throws -> Int32 {
    let ledger = try context.openLedger()
    let snapshot = try ledger.snapshot()
    if query == "-" { return try answerLines(context, snapshot: snapshot) }
    let (text, claim) = try Self.resolve(query, in: snapshot)
    let matcher = snapshot.matcher()
    let matches: [LedgerMatch]
    do {
      matches = try matcher.matches(for: text, excluding: claim?.id.rawValue, limit: (limit?.value ?? 5))
    } catch {
      throw CommandFailure(.invalidInput, error.message)
    }
    context.report(snapshot.problems)
    if json {
      var members: [String: JSONValue] = ["query": .string(text), "results": .array(matches.map(Self.json))]
      if let claim { members["claim"] = .string(claim.id.rawValue) }
      context.output.write(JSONWriter.canonicalText(of: .object(members)))
      return ExitStatus.success
    }
    if matcher.isEmpty {
      context.print(
        "No earlier checks to match against: import fact-checks with 'claims factchecks import', or give verdicts.")
      return ExitStatus.success
    }
    if matches.isEmpty {
      context.print("No earlier check shares words with this claim.")
      return ExitStatus.success
    }
    MatchPrinter(context: context).printMatches(matches, indent: "")
    return ExitStatus.success
  }

  /// One query per line: one compact JSON line per query, errors included, for scripts.
  private func answerLines(_ context: CommandContext, snapshot: LedgerSnapshot) throws -> Int32 {
    var lines: [String] = []
    while let line = context.input.readLine() { lines.append(line) }
    let matcher = snapshot.matcher()
    context.report(snapshot.problems)
    let results = matcher.matches(for: lines.map { ($0, nil) }, limit: (limit?.value ?? 5))
    var output = ""
    for (line, result) in zip(lines, results) {
      var members: [String: JSONValue] = ["query": .string(line)]
      switch result {
      case .success(let matches): members["results"] = .array(matches.map(Self.json))
      case .failure(let error): members["error"] = .string(error.message)
      }
      output += JSONWriter.compactText(of: .object(members)) + "\n"
      if output.utf8.count > 1 << 20 {
        context.output.write(output)
        output = ""
      }
    }
    context.output.write(output)
    return ExitStatus.success
  }

  /// The text to match: a claim's when `query` names one, else `query` itself.
  static func resolve(_ query: String, in snapshot: LedgerSnapshot) throws(CommandFailure) -> (String, Claim?) {
    let trimmed = query.trimmingWhitespace()
    guard !trimmed.isEmpty else {
      throw CommandFailure(.invalidInput, "the query is empty: give the text of a claim, a claim id, or '-'")
    }
    // A single word of hex digits, or SOURCE-ID:ORDINAL, names a claim when the ledger has it.
    let isHex = trimmed.count >= 4 && trimmed.allSatisfy(\.isHexDigit)
    let isOrdinal =
      !trimmed.contains(" ") && trimmed.split(separator: ":").count == 2
      && trimmed.split(separator: ":").last?.allSatisfy(\.isNumber) == true && !trimmed.contains("//")
    if isHex || isOrdinal, let claim = try? snapshot.resolveClaim(trimmed) { return (claim.text, claim) }
    return (query, nil)
  }

  static func json(_ match: LedgerMatch) -> JSONValue {
    guard case .object(var members) = match.check.json else { return .null }
    members["score"] = .double(match.score)
    members["resembles"] = .bool(match.resembles)
    return .object(members)
  }
}

extension Double {
  /// `6` for 6.0, `6.5` otherwise.
  var formatted: String { self == rounded() ? String(Int(self)) : String(self) }
}

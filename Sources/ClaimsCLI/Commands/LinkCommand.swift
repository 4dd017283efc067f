import ClaimLedger
import ClaimModel
import ClaimReport

/// `claims link ID FACTCHECK|CLAIM`: records that a claim is the same as an earlier one.
struct LinkCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    name: "link", abstract: "Record that a claim is the same as an earlier fact-check or claim.",
    discussion: """
      The target is a fact-check of the ledger, by its address (see 'claims factchecks list' or 'claims match'), or \
      another claim (id prefix or SOURCE-ID:ORDINAL). The link is kept in your own file \
      Links/<source>/<claim>/<you>.json, one commit; 'claims show' lists it, the report counts the claim as answered \
      by an earlier check, and 'claims unlink' takes it back.
      """
  )

  @Argument(help: "A claim: a unique prefix of its id, or SOURCE-ID:ORDINAL.")
  var id: ClaimReference

  @Argument(name: "target", help: "The earlier check: a fact-check's address, or a claim.")
  var target: String

  @OptionGroup var reviewer: ActingReviewer

  @Flag(help: "Print the result as JSON.")
  var json = false

  func run(_ context: CommandContext) throws -> Int32 {
    let ledger = try context.openLedger()
    let linker = try reviewer.resolve(context, ledger: ledger)
    let result = try ledger.link(id.text, to: target, by: linker, at: try context.now())
    return LinkOutput.print(result, linked: true, json: json, context: context)
  }
}

/// What `link` and `unlink` print.
enum LinkOutput {
  static func print(_ result: LinkResult, linked: Bool, json: Bool, context: CommandContext) -> Int32 {
    result.commit?.warnings.forEach(context.warn)
    if json {
      let members: [String: JSONValue] = [
        "claim": .string(result.claim.id.rawValue),
        linked ? "linked" : "unlinked": .array(
          result.targets.map { .object(["kind": .string($0.kind.rawValue), "target": .string($0.key)]) }),
        "commit": result.commit.map { .string($0.commit) } ?? .null,
      ]
      context.output.write(JSONWriter.canonicalText(of: .object(members)))
      return ExitStatus.success
    }
    let claim = "\(context.style.yellow(result.claim.id.rawValue)) (\(result.claim.reference))"
    let targets = result.targets.map { TerminalText.sanitize($0.key) }.joined(separator: ", ")
    let commit = result.commit.map { " in commit \($0.commit.prefix(7))" } ?? ""
    context.print(linked ? "Linked \(claim) to \(targets)\(commit)" : "Unlinked \(claim) from \(targets)\(commit)")
    return ExitStatus.success
  }
}

import ClaimLedger
import ClaimModel

/// `claims dismiss`: the desk's decision that claims are not claims to check.
struct DismissCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    name: "dismiss", abstract: "Mark claims as not claims to check (an editor's decision).",
    discussion: """
      For a sentence the segmenter took for a claim that nobody should check (a quip, a rhetorical question, a \
      promise). A dismissed claim leaves the backlog, the review session and coverage, whatever verdicts it has, \
      without every reviewer having to call it opinion; 'claims list' shows it as 'not a claim'. The decision is a \
      commit, shown by 'claims log'; 'claims undismiss' takes it back. Name the claims by id, or select them in \
      bulk with --source and --status.
      """
  )

  @Argument(help: "Claims to dismiss (id prefixes or SOURCE-ID:ORDINAL).")
  var id: [ClaimReference] = []

  @Option(help: "Why it is not a claim (kept in the record and the commit).")
  var reason: String?

  @OptionGroup var selection: ClaimSelection

  func validate() throws(UsageError) {
    guard !id.isEmpty || selection.isBulk else {
      throw UsageError("Name the claims, or select them with --source or --status")
    }
  }

  func run(_ context: CommandContext) throws -> Int32 {
    let reason = reason?.trimmingWhitespace()
    return try selection.decide(.notAClaim(reason: reason?.isEmpty == false ? reason : nil), id, context: context)
  }
}

import ClaimLedger
import ClaimModel

/// `claims claimant`: records who made a claim, for reports and ClaimReview's `itemReviewed.author`.
struct ClaimantCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    name: "claimant", abstract: "Record who made a claim.",
    discussion: """
      The person (or, with --organization, the organisation) the article reports making the claim. The JSON and \
      CSV reports carry it, and the ClaimReview format publishes it as the claim's 'itemReviewed.author' instead of \
      the article's authors. A commit, shown by 'claims log'; a later 'claims claimant' replaces it, --remove takes \
      it back.
      """
  )

  @Argument(help: "The claim (an id prefix or SOURCE-ID:ORDINAL).")
  var id: ClaimReference

  @Argument(help: "Who made the claim, as the article names them.")
  var name: String?

  @Flag(help: "The claimant is an organisation, not a person.")
  var organization = false

  @Flag(help: "Take the claimant back.")
  var remove = false

  @Option(help: "The editor who records it, as 'Name <email>' (default: CLAIMS_AUTHOR, then git config).")
  var author: Identity?

  func validate() throws(UsageError) {
    let name = name?.trimmingWhitespace() ?? ""
    if remove {
      guard name.isEmpty, !organization else { throw UsageError("--remove takes no name and no --organization") }
    } else {
      guard !name.isEmpty else { throw UsageError("Name the claimant, or take it back with --remove") }
      guard !name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
        throw UsageError("The claimant's name must be one line without control characters")
      }
    }
  }

  func run(_ context: CommandContext) throws -> Int32 {
    let ledger = try context.openLedger()
    let editor = try context.author(author, ledger: ledger)
    let claimant =
      remove
      ? nil : Claimant(name: name?.trimmingWhitespace() ?? "", kind: organization ? .organization : .person)
    let (claims, commit) = try ledger.decide(.claimant(claimant), by: editor, at: try context.now()) {
      (snapshot) throws(LedgerError) in [try snapshot.resolveClaim(id.text)]
    }
    commit?.warnings.forEach(context.warn)
    guard let commit, let claim = claims.first else {
      context.print(
        claimant.map { "Nothing to do: \(TerminalText.sanitize($0.name)) is already the claimant." }
          ?? "Nothing to do: the claim has no claimant.")
      return ExitStatus.success
    }
    context.print(
      (claimant.map { "Recorded \(TerminalText.sanitize($0.name)) as the claimant of claim \(claim.id)" }
        ?? "Took back the claimant of claim \(claim.id)") + " in commit \(commit.commit.prefix(7))")
    return ExitStatus.success
  }
}

import ClaimLedger
import ClaimModel

/// Selects claims by status, verdict, reviewer, assignee and text: the filters of `claims list`,
/// `claims review` and `claims assign`.
struct ClaimFilter {
  /// The statuses `--status` accepts.
  static let statuses = ["unreviewed", "reviewed", "uncited", "disputed", "flagged", "verified", "stale"]

  var status: String?
  var verdict: String?
  var reviewer: Identity?
  var assignee: Identity?
  var text: String?
  /// Only claims this reviewer has given no verdict yet (the review session's default).
  var withoutVerdictBy: Identity?

  init() {}

  /// Reads the filters from the command line. `--reviewer` filters by reviewer only where it is
  /// not the acting reviewer's identity (`claims list`, `claims assign`).
  init(arguments: ParsedArguments, context: CommandContext, ledger: Ledger, reviewerIsFilter: Bool = false) throws {
    if let status = arguments.value("status") {
      guard Self.statuses.contains(status) else {
        let hint = Suggestions.closest(to: status, among: Self.statuses).map { " Did you mean '\($0)'?" } ?? ""
        throw UsageError(
          "The value '\(status.escapedForMessage)' is invalid for '--status <status>'; use one of \(Self.statuses.joined(separator: ", ")).\(hint)",
          command: arguments.commandName)
      }
      self.status = status
    }
    verdict = arguments.value("verdict")
    if reviewerIsFilter, let name = arguments.value("reviewer") {
      reviewer = Identity(parsing: name)
      if reviewer == nil {
        throw UsageError(
          "The value '\(name.escapedForMessage)' is invalid for '--reviewer'", command: arguments.commandName)
      }
    }
    if let name = arguments.value("assigned-to") {
      let me = {
        try IdentityResolver.resolve(
          explicit: reviewerIsFilter ? nil : arguments.value("reviewer"),
          environment: context.environment["CLAIMS_REVIEWER"],
          sources: ("--reviewer", "CLAIMS_REVIEWER"), ledger: ledger)
      }
      assignee = name == "me" ? try me() : Identity(parsing: name)
      if assignee == nil {
        throw UsageError(
          "The value '\(name.escapedForMessage)' is invalid for '--assigned-to'", command: arguments.commandName)
      }
    }
    text = arguments.value("grep")
  }

  /// Whether a reviewer identity matches what the user typed: the whole identity, name or e-mail.
  static func matches(_ identity: Identity, _ wanted: Identity) -> Bool {
    identity.key == wanted.key || identity.name.lowercased() == wanted.name.lowercased()
      || (!identity.email.isEmpty && identity.email.lowercased() == wanted.name.lowercased())
  }

  /// The non-retired claims of `sources` that pass every filter, in order.
  /// - Throws: ``LedgerError`` for a `--verdict` the ledger's scale does not have.
  func apply(to sources: [SourceID], in snapshot: LedgerSnapshot) throws(LedgerError) -> [Claim] {
    let config = snapshot.config()
    let verdict = try verdict.map { (name) throws(LedgerError) in try Ledger.resolveVerdict(name, in: config.scale).id }
    snapshot.loadRecords(of: sources)
    let needle = text?.lowercased()
    var result: [Claim] = []
    for source in sources {
      let reviewsByClaim = snapshot.reviews(of: source)
      let assignments = assignee == nil ? [:] : snapshot.assignments(of: source)
      for claim in snapshot.claims(of: source) where !claim.isRetired {
        let reviews = reviewsByClaim[claim.id] ?? []
        if let status, !Self.has(status, ClaimStatus(claim: claim, reviews: reviews, config: config)) { continue }
        if let verdict, !reviews.contains(where: { $0.verdict == verdict }) { continue }
        if let reviewer, !reviews.contains(where: { Self.matches($0.reviewer, reviewer) }) { continue }
        if let withoutVerdictBy {
          if !claim.kind.isCheckable { continue }
          if reviews.contains(where: { $0.reviewer.key == withoutVerdictBy.key && $0.verdict != nil && $0.stale == nil }
          ) {
            continue
          }
        }
        if let assignee {
          guard let current = assignments[claim.id]?.assignee, Self.matches(current, assignee) else { continue }
        }
        if let needle, !claim.text.lowercased().contains(needle) { continue }
        result.append(claim)
      }
    }
    return result
  }

  static func has(_ status: String, _ state: ClaimStatus) -> Bool {
    switch status {
    case "unreviewed": state.isCheckable && !state.isReviewed
    case "reviewed": state.isReviewed
    case "uncited": state.isCheckable && !state.isCited
    case "disputed": state.isDisputed
    case "flagged": state.isFlagged
    case "verified": state.isVerified
    case "stale": state.hasStaleReviews
    default: false
    }
  }
}

public import ClaimModel
import Git

/// One commit of the ledger's history, in the ledger's terms: who did what to which claims.
public struct HistoryEntry: Sendable, Equatable {
  /// The commit id, 40 hexadecimal digits.
  public var commit: String
  /// The commit's parents.
  public var parents: [String]
  /// Who made the commit (its author).
  public var author: Identity
  /// When (the author date, UTC).
  public var time: Timestamp
  /// The commit's subject line.
  public var subject: String
  /// The note or other body text, if any.
  public var body: String?
  /// What the commit did: its `Action:` trailer (an action this build does not know is kept as
  /// written), else ``CommitAction/merge`` for a merge commit or ``CommitAction/edit`` for a commit
  /// made outside claims.
  public var action: CommitAction
  /// The claims the commit acted on.
  public var claims: [ClaimID]
  /// The sources it acted on.
  public var sources: [SourceID]
  /// The verdict set, for `verdict`.
  public var verdict: String?
  /// The verdict replaced, for `verdict`.
  public var previousVerdict: String?
  /// The citation added or removed, for `cite` and `uncite`.
  public var citation: String?
  /// The assignee, for `assign`.
  public var assignee: String?
  /// The reviewer the commit names (the author, for claims' own commits).
  public var reviewer: String?
  /// The id of the review event the commit recorded (its `Event:` trailer), for review actions.
  public var event: String? = nil
  /// Whether the commit changed the records its trailers name. A commit that claims an action
  /// (`Action: verdict`) but changes no record is reported by `claims check` and not counted.
  public var recordsChanged = true
  /// Review files the commit changed whose reviewer is not its author: reported by `claims check`.
  public var foreignEdits: [String] = []

  /// Whether this commit concerns `claim` of `source`: it names the claim, or imported its source.
  public func concerns(_ claim: ClaimID, of source: SourceID) -> Bool {
    claims.contains(claim) || (action == .import && sources.contains(source))
  }

  /// A commit made outside claims that changes more claims than this is recorded by its sources
  /// alone: listing every claim of a bulk edit would bloat every later `claims log`.
  static let maximumListedClaims = 1000

  /// Reads the entry of a commit from its message, falling back on the files it changed when the
  /// message has no claims trailers (a commit made with git directly).
  static func make(from commit: Commit, changedFiles: () -> [String]) -> HistoryEntry {
    let message = CommitMessage(parsing: commit.message)
    var author = Identity(name: commit.author.name, email: commit.author.email) ?? .unknown
    // claims signs for identities without an e-mail address with a placeholder; show them as given.
    if let bare = Identity(name: author.name, email: ""), author.email == bare.signatureEmail { author = bare }
    var entry = HistoryEntry(
      commit: commit.id.hex, parents: commit.parentIDs.map(\.hex), author: author,
      time: Timestamp(secondsSince1970: commit.author.time), subject: message.subject, body: message.body,
      action: message.action ?? (commit.parentIDs.count > 1 ? .merge : .edit),
      claims: message.values(for: TrailerKey.claim).compactMap(ClaimID.init),
      sources: message.values(for: TrailerKey.source).compactMap(SourceID.init),
      verdict: message.value(for: TrailerKey.verdict), previousVerdict: message.value(for: TrailerKey.previousVerdict),
      citation: message.value(for: TrailerKey.citation), assignee: message.value(for: TrailerKey.assignee),
      reviewer: message.value(for: TrailerKey.reviewer), event: message.value(for: TrailerKey.event))
    if message.action == nil, commit.parentIDs.count <= 1 {
      var claims: [ClaimID] = []
      var sources: [SourceID] = []
      // Sets beside the lists: a bulk commit names thousands, and searching the lists was quadratic.
      var seenClaims: Set<ClaimID> = []
      var seenSources: Set<SourceID> = []
      for path in changedFiles() {
        let parts = path.split(separator: "/").map(String.init)
        guard parts.count >= 3, [LedgerPaths.claims, LedgerPaths.reviews, LedgerPaths.assignments].contains(parts[0]),
          let source = SourceID(parts[1])
        else { continue }
        if seenSources.insert(source).inserted { sources.append(source) }
        let claimPart = parts[0] == LedgerPaths.claims ? String(parts[2].prefix(ClaimID.length)) : parts[2]
        if let claim = ClaimID(claimPart), seenClaims.insert(claim).inserted { claims.append(claim) }
      }
      entry.claims = claims.count <= maximumListedClaims ? claims : []
      entry.sources = sources
    }
    return entry
  }
}

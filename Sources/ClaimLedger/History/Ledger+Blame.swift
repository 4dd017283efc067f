public import ClaimModel
import Git

/// Who set each part of a claim's current reviews, and what it replaced.
public struct ClaimBlame: Sendable {
  /// The commit that set a value.
  public struct Origin: Sendable, Equatable {
    public var commit: String
    public var author: Identity
    public var time: Timestamp
    public var subject: String
  }

  /// One reviewer's current verdict, note and citations, each with its origin.
  public struct ReviewerBlame: Sendable {
    public var reviewer: Identity
    public var verdict: String?
    public var verdictOrigin: Origin?
    /// The verdict this one replaced, if any.
    public var replacedVerdict: String?
    public var note: String?
    public var noteOrigin: Origin?
    public var citations: [(citation: Citation, origin: Origin?)]
    /// Set when the review was carried over from an earlier claim at a re-import.
    public var carriedFrom: ClaimID?
  }

  public var claim: Claim
  public var reviewers: [ReviewerBlame]
}

extension Ledger {
  /// For each reviewer's current verdict, note and citation on a claim: the commit, author and date
  /// that set it, and the verdict it replaced. Reads the claim's review directory at each commit of
  /// its history, so commits made with git directly count too.
  public func blame(_ reference: String) throws(LedgerError) -> ClaimBlame {
    let current = try snapshot()
    let claim = try current.resolveClaim(reference)
    let story = try history().filter { $0.claims.contains(claim.id) || $0.action == "merge" }.reversed()
    let directory = LedgerPaths.reviewDirectory(claim.id, in: claim.source)

    struct State {
      var verdict: String?
      var verdictOrigin: ClaimBlame.Origin?
      var replaced: String?
      var note: String?
      var noteOrigin: ClaimBlame.Origin?
      var citations: [String: ClaimBlame.Origin] = [:]
    }
    var states: [String: State] = [:]
    var lastTree: ObjectID?
    for entry in story {
      guard let commitID = ObjectID(hex: entry.commit), let commit = try? repository.commit(commitID) else { continue }
      let tree = (try? repository.treeEntry(at: directory, inTree: commit.treeID))?.id
      guard tree != lastTree else { continue }
      lastTree = tree
      let origin = ClaimBlame.Origin(
        commit: entry.commit, author: entry.author, time: entry.time, subject: entry.subject)
      let snapshotAt = try? LedgerSnapshot(repository: repository, commitID: commitID, gitDirectory: gitDirectory)
      for review in snapshotAt?.reviews(ofClaim: claim.id, in: claim.source) ?? [] {
        var state = states[review.reviewer.key] ?? State()
        if review.verdict != state.verdict {
          state.replaced = state.verdict
          state.verdict = review.verdict
          state.verdictOrigin = origin
        }
        if review.note != state.note {
          state.note = review.note
          state.noteOrigin = origin
        }
        var citations: [String: ClaimBlame.Origin] = [:]
        for citation in review.citations {
          let key = citation.url + "\u{0}" + (citation.quote ?? "")
          citations[key] = state.citations[key] ?? origin
        }
        state.citations = citations
        states[review.reviewer.key] = state
      }
    }
    var reviewers: [ClaimBlame.ReviewerBlame] = []
    for review in current.reviews(of: claim) {
      let state = states[review.reviewer.key]
      reviewers.append(
        ClaimBlame.ReviewerBlame(
          reviewer: review.reviewer, verdict: review.verdict,
          verdictOrigin: review.verdict == state?.verdict ? state?.verdictOrigin : nil,
          replacedVerdict: review.verdict == state?.verdict ? state?.replaced : nil, note: review.note,
          noteOrigin: review.note == state?.note ? state?.noteOrigin : nil,
          citations: review.citations.map { citation in
            (citation, state?.citations[citation.url + "\u{0}" + (citation.quote ?? "")])
          }, carriedFrom: review.stale?.previousClaim))
    }
    return ClaimBlame(claim: claim, reviewers: reviewers)
  }

  /// Tags the branch tip as `name` with an annotated tag, so that the review as it stands can be
  /// compared with later (`claims diff NAME`).
  /// - Returns: the tagged commit, 40 hexadecimal digits.
  public func tagSnapshot(named name: String, message: String?, by author: Identity, at time: Timestamp)
    throws(LedgerError) -> String
  {
    guard Repository.isValidReferenceName("refs/tags/\(name)"), !name.hasPrefix("-") else {
      throw LedgerError(
        "'\(name.escapedForMessage)' is not a valid tag name; use letters, digits, '-', '_', '.' and '/'")
    }
    guard let tip = try branchTip().tip else { throw LedgerError("the ledger has no commit to tag yet") }
    do {
      _ = try repository.createTag(
        named: name, on: tip,
        tagger: Signature(name: author.name, email: author.signatureEmail, time: time.secondsSince1970),
        message: (message ?? "claims snapshot \(name)") + "\n")
    } catch {
      if error.code == .exists {
        throw LedgerError("a snapshot (tag) named '\(name)' already exists; choose another name")
      }
      throw LedgerError("cannot create the tag '\(name)': \(error.message)")
    }
    return tip.hex
  }

  /// The ledger's tags, by name.
  public func snapshotNames() throws(LedgerError) -> [String] {
    do {
      return try repository.referenceNames(matching: "refs/tags/*").map { String($0.dropFirst("refs/tags/".count)) }
    } catch {
      throw LedgerError("cannot list the tags: \(error.message)")
    }
  }
}

import ClaimLedger
import ClaimModel
import ClaimReport

/// `claims diff REV1 [REV2]`: what changed in the review state between two revisions.
struct DiffCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    name: "diff", abstract: "Show what changed in the review state between two revisions.",
    discussion:
      "Not a line diff: claims added, retired or reworded; verdicts changed (who, from, to); citations added or removed; notes; reviews that went stale; claims that became disputed or were settled (a claim that replaced others is compared with them, so a dispute carried over is no change; a dispute on a claim retired with no replacement ends with it); assignments; the desk's decisions (not a claim, claimant); record files that cannot be read. It compares the two states, not the way between them: a claim in both with the same text is unchanged, whatever happened in between. Lines come in article order within each source, a retired claim at its old place. <rev1> and <rev2> are anything git understands: a commit, a tag ('claims snapshot'), a branch, HEAD~3. Without <rev2>, compares with the ledger's current state (its branch tip, which claims keeps equal to the work tree)."
  )

  @Argument(help: "The earlier revision.")
  var rev1: Revision

  @Argument(help: "The later revision (default: the current state).")
  var rev2: Revision?

  @Option(help: "Only changes to this source (repeatable).")
  var source: [SourceID] = []

  @Flag(help: "Print the changes as JSON.")
  var json = false

  func run(_ context: CommandContext) throws -> Int32 {
    let ledger = try context.openLedger()
    let diff = try ledger.diff(from: rev1.text, to: rev2?.text, sources: source)
    context.report(diff.problems)
    if json {
      context.output.write(JSONWriter.canonicalText(of: Self.json(diff)))
      return ExitStatus.success
    }
    let style = context.style
    let from = diff.from.map { String($0.prefix(7)) } ?? "nothing"
    let to = diff.to.map { String($0.prefix(7)) } ?? "nothing"
    guard !diff.isEmpty else {
      context.print("No changes in review state from \(from) to \(to).")
      return ExitStatus.success
    }
    let unreadable = diff.unreadable.isEmpty ? "" : ", \(String.count(diff.unreadable.count, "unreadable file"))"
    let decisions = diff.decisions.isEmpty ? "" : ", \(String.count(diff.decisions.count, "desk decision"))"
    context.print(
      style.bold("Changes from \(from) to \(to):")
        + " \(String.count(diff.claims.count, "claim")), \(String.count(diff.reviews.count, "review")), \(String.count(diff.disputes.count, "dispute")), \(String.count(diff.assignments.count, "assignment"))\(decisions)\(unreadable)"
    )
    // Lines in article order: each claim's change, then its reviews, dispute and assignment.
    var lines: [SourceID: [(rank: Int, part: Int, text: String)]] = [:]
    func add(_ source: SourceID, _ claim: ClaimID?, _ part: Int, _ text: String) {
      lines[source, default: []].append((claim.flatMap { diff.articleOrder[$0] } ?? Int.max, part, text))
    }
    for change in diff.claims {
      let text = "\"" + TerminalText.oneLine(change.claim.text, width: 60) + "\""
      let line: String
      switch change.kind {
      case .added: line = style.green("+ \(change.claim.id) \(change.claim.reference) added: ") + text
      case .retired:
        let successors =
          change.replacedBy.isEmpty ? "" : " (replaced by \(change.replacedBy.map(\.rawValue).joined(separator: ", ")))"
        line = style.red("- \(change.claim.id) retired") + successors + ": " + text
      case .reworded(let from):
        line =
          style.yellow("~ \(change.claim.id) \(change.claim.reference) reworded")
          + " (was \(from.map(\.rawValue).joined(separator: ", "))): " + text
      }
      add(change.claim.source, change.claim.id, 0, line)
    }
    for change in diff.reviews {
      let who = TerminalText.oneLine(change.reviewer.description, width: 40)
      var parts: [String] = []
      if change.before == nil, let after = change.after, let stale = after.stale {
        let verdict = after.verdict.map { "verdict \($0)" } ?? "no verdict"
        add(
          change.source, change.claim, 1,
          "  \(change.claim) \(who): review carried over from \(stale.previousClaim) (\(verdict), \(String.count(after.citations.count, "citation"))); stale until looked at again"
        )
        continue
      }
      if let verdict = change.verdictChange {
        parts.append("verdict \(verdict.from ?? "none") → \(verdict.to ?? "none")")
      }
      parts += change.addedCitations.map { "cited " + TerminalText.oneLine($0.url, width: 60) }
      parts += change.removedCitations.map { "removed citation " + TerminalText.oneLine($0.url, width: 60) }
      if change.noteChanged {
        parts.append(
          change.after?.note == nil
            ? "removed the note" : "note: " + TerminalText.oneLine(change.after?.note ?? "", width: 50))
      }
      if let stale = change.staleChange {
        let previous = change.after?.stale.map { " (carried over from \($0.previousClaim))" } ?? ""
        parts.append(stale ? "review is now stale\(previous)" : "looked again (no longer stale)")
      }
      if change.after == nil, change.before != nil, parts.isEmpty { parts.append("review removed") }
      for part in parts { add(change.source, change.claim, 1, "  \(change.claim) \(who): \(part)") }
    }
    for change in diff.disputes {
      let verdicts = change.verdicts.joined(separator: " ≠ ")
      add(
        change.source, change.claim, 2,
        change.byRetirement
          ? style.green("  \(change.claim) dispute ended: claim retired (\(verdicts))")
          : change.isDisputed
            ? style.red("  \(change.claim) became disputed (\(verdicts))")
            : style.green("  \(change.claim) settled (\(verdicts))"))
    }
    for change in diff.assignments {
      let who = change.after.map { "assigned to " + TerminalText.sanitize($0.description) } ?? "unassigned"
      add(change.source, change.claim, 3, "  \(change.claim) \(who)")
    }
    for change in diff.decisions {
      let (was, now) = (change.before, change.after)
      if (was?.isNotAClaim ?? false) != (now?.isNotAClaim ?? false) || was?.notAClaim?.reason != now?.notAClaim?.reason
      {
        let reason = now?.notAClaim?.reason.map { " (\(TerminalText.oneLine($0, width: 60)))" } ?? ""
        add(
          change.source, change.claim, 3,
          now?.isNotAClaim == true
            ? "  \(change.claim) marked not a claim\(reason)"
            : "  \(change.claim) checkable again (not-a-claim taken back)")
      }
      if was?.claimant != now?.claimant {
        add(
          change.source, change.claim, 3,
          "  \(change.claim) claimant: "
            + (now?.claimant.map { TerminalText.oneLine($0.name, width: 60) } ?? "removed"))
      }
    }
    for file in diff.unreadable {
      let revision = file.revision.map { " in \(String($0.prefix(7)))" } ?? ""
      add(
        file.source, file.claim, 4,
        style.red("! \(TerminalText.oneLine(file.path, width: 100)) unreadable\(revision): ")
          + TerminalText.oneLine(file.problem, width: 100))
    }
    for source in lines.keys.sorted() {
      context.print()
      context.print(style.bold(source.rawValue))
      let ordered = (lines[source] ?? []).enumerated().sorted { lhs, rhs in
        (lhs.element.rank, lhs.element.part, lhs.offset) < (rhs.element.rank, rhs.element.part, rhs.offset)
      }
      for line in ordered { context.print(line.element.text) }
    }
    return ExitStatus.success
  }

  static func json(_ diff: LedgerDiff) -> JSONValue {
    func review(_ review: Review?) -> JSONValue { review?.json ?? .null }
    return .object([
      "from": diff.from.map { .string($0) } ?? .null,
      "to": diff.to.map { .string($0) } ?? .null,
      "claims": .array(
        diff.claims.map { change in
          var members: [String: JSONValue] = ["claim": change.claim.json]
          switch change.kind {
          case .added: members["change"] = "added"
          case .retired:
            members["change"] = "retired"
            if !change.replacedBy.isEmpty {
              members["replaced_by"] = .array(change.replacedBy.map { .string($0.rawValue) })
            }
          case .reworded(let from):
            members["change"] = "reworded"
            members["from"] = .array(from.map { .string($0.rawValue) })
          }
          return .object(members)
        }),
      "reviews": .array(
        diff.reviews.map { change in
          var members: [String: JSONValue] = [
            "claim": .string(change.claim.rawValue), "source": .string(change.source.rawValue),
            "reviewer": .string(change.reviewer.description), "before": review(change.before),
            "after": review(change.after),
            "citations_added": .array(change.addedCitations.map { .string($0.url) }),
            "citations_removed": .array(change.removedCitations.map { .string($0.url) }),
            "note_changed": .bool(change.noteChanged),
          ]
          if let verdict = change.verdictChange {
            members["verdict_from"] = verdict.from.map { .string($0) } ?? .null
            members["verdict_to"] = verdict.to.map { .string($0) } ?? .null
          }
          if let stale = change.staleChange { members["became_stale"] = .bool(stale) }
          return .object(members)
        }),
      "disputes": .array(
        diff.disputes.map {
          var members: [String: JSONValue] = [
            "claim": .string($0.claim.rawValue), "source": .string($0.source.rawValue),
            "disputed": .bool($0.isDisputed),
            "verdicts": .array($0.verdicts.map { .string($0) }),
          ]
          if $0.byRetirement { members["ended_by"] = "retirement" }
          return .object(members)
        }),
      "unreadable": .array(
        diff.unreadable.map {
          .object([
            "path": .string($0.path), "source": .string($0.source.rawValue),
            "claim": $0.claim.map { .string($0.rawValue) } ?? .null,
            "revision": $0.revision.map { .string($0) } ?? .null, "problem": .string($0.problem),
          ])
        }),
      "decisions": .array(
        diff.decisions.map {
          .object([
            "claim": .string($0.claim.rawValue), "source": .string($0.source.rawValue),
            "not_a_claim_before": .bool($0.before?.isNotAClaim ?? false),
            "not_a_claim_after": .bool($0.after?.isNotAClaim ?? false),
            "claimant_before": $0.before?.claimant.map { .string($0.name) } ?? .null,
            "claimant_after": $0.after?.claimant.map { .string($0.name) } ?? .null,
          ])
        }),
      "assignments": .array(
        diff.assignments.map {
          .object([
            "claim": .string($0.claim.rawValue), "source": .string($0.source.rawValue),
            "before": $0.before.map { .string($0.description) } ?? .null,
            "after": $0.after.map { .string($0.description) } ?? .null,
          ])
        }),
    ])
  }
}

import ClaimModel

/// One source's piece of each list of the JSON report: its elements, written straight into bytes
/// with their keys in code-point order (no ``JSONValue`` per claim, no sorting), as elements of a
/// list in the report's top-level object, joined by `,\n`.
///
/// A piece depends only on the source's entries, the verdict scale and the source's import time,
/// so it can be kept and spliced into a later report unchanged.
struct JSONParts {
  let scale: VerdictScale

  /// The indentation of a list element: four spaces.
  private static let elementIndent = Array("    ".utf8)
  private static let separator = Array(",\n".utf8)

  func claims(_ entries: [ClaimEntry]) -> [UInt8] {
    elements(entries, bytesEach: 1400) { writer, entry in claim(entry, into: &writer) }
  }

  func references(_ entries: [ClaimEntry]) -> [UInt8] {
    elements(entries, bytesEach: 80) { writer, entry in
      writer.beginObject()
      writer.key("claim")
      writer.string(entry.claim.id.rawValue)
      writer.key("source")
      writer.string(entry.claim.source.rawValue)
      writer.endObject()
    }
  }

  func flagged(_ entries: [ClaimEntry]) -> [UInt8] {
    elements(entries, bytesEach: 250) { writer, entry in
      writer.beginObject()
      writer.key("claim")
      writer.string(entry.claim.id.rawValue)
      writer.key("flagging_verdicts")
      writer.beginArray()
      for review in entry.reviews {
        guard let verdict = review.verdict, scale.verdict(verdict)?.flags ?? false else { continue }
        writer.beginObject()
        writer.key("reviewer")
        writer.identity(review.reviewer)
        writer.key("verdict")
        writer.string(verdict)
        writer.endObject()
      }
      writer.endArray()
      writer.key("source")
      writer.string(entry.claim.source.rawValue)
      writer.endObject()
    }
  }

  func staleReviews(_ items: [StaleReview]) -> [UInt8] {
    elements(items, bytesEach: 400) { writer, item in
      writer.beginObject()
      writer.key("claim")
      writer.string(item.claim.id.rawValue)
      writer.key("previous_claim")
      writer.string(item.staleness.previousClaim.rawValue)
      writer.key("previous_text")
      writer.string(item.staleness.previousText)
      writer.key("reviewer")
      writer.identity(item.review.reviewer)
      writer.key("since")
      writer.string(item.staleness.since.text)
      writer.key("source")
      writer.string(item.claim.source.rawValue)
      writer.key("verdict")
      writer.string(item.review.verdict)
      writer.endObject()
    }
  }

  func backlog(_ items: [BacklogItem]) -> [UInt8] {
    elements(items, bytesEach: 200) { writer, item in
      writer.beginObject()
      writer.key("assignee")
      writer.identity(item.assignee)
      writer.key("claim")
      writer.string(item.claim.id.rawValue)
      writer.key("ordinal")
      writer.integer(item.claim.ordinal)
      writer.key("source")
      writer.string(item.claim.source.rawValue)
      writer.key("waiting_since")
      writer.string(item.waitingSince?.text)
      writer.endObject()
    }
  }

  func retired(_ items: [RetiredClaim]) -> [UInt8] {
    elements(items, bytesEach: 300) { writer, item in
      writer.beginObject()
      writer.key("id")
      writer.string(item.claim.id.rawValue)
      writer.key("ordinal")
      writer.integer(item.claim.ordinal)
      writer.key("replaced_by")
      writer.beginArray()
      for id in item.replacedBy { writer.string(id.rawValue) }
      writer.endArray()
      writer.key("review_count")
      writer.integer(item.reviewCount)
      writer.key("reviews")
      writer.beginArray()
      for review in item.reviews {
        writer.beginObject()
        writer.key("reviewer")
        writer.identity(review.reviewer)
        writer.key("verdict")
        writer.string(review.verdict)
        writer.endObject()
      }
      writer.endArray()
      writer.key("source")
      writer.string(item.claim.source.rawValue)
      writer.key("text")
      writer.string(item.claim.text)
      writer.endObject()
    }
  }

  // MARK: Elements

  private func elements<Element>(
    _ items: [Element], bytesEach: Int, _ write: (inout JSONStreamWriter, Element) -> Void
  ) -> [UInt8] {
    guard !items.isEmpty else { return [] }
    var writer = JSONStreamWriter(depth: 2, capacity: items.count * bytesEach)
    for (index, item) in items.enumerated() {
      if index > 0 { writer.raw(Self.separator) }
      writer.raw(Self.elementIndent)
      write(&writer, item)
    }
    return writer.bytes
  }

  /// A claim with its `status`: `statuses` and the flags named after a status (`reviewed`,
  /// `disputed`, `flagged`, `stale`, `verified`) are its ``ClaimStatusName``s, as in
  /// `claims list --json`; the counts, `verdicts` and `consensus` are what its reviews hold.
  private func claim(_ entry: ClaimEntry, into writer: inout JSONStreamWriter) {
    let (claim, status) = (entry.claim, entry.status)
    writer.beginObject()
    writer.key("assignee")
    writer.identity(entry.assignee)
    writer.key("claimant")
    if let claimant = entry.claimant {
      writer.beginObject()
      writer.key("name")
      writer.string(claimant.name)
      writer.key("type")
      writer.string(claimant.kind.rawValue)
      writer.endObject()
    } else {
      writer.null()
    }
    writer.key("end")
    writer.integer(claim.end)
    writer.key("id")
    writer.string(claim.id.rawValue)
    writer.key("kind")
    writer.string(claim.kind.rawValue)
    writer.key("ordinal")
    writer.integer(claim.ordinal)
    writer.key("reviews")
    writer.beginArray()
    for review in entry.reviews { self.review(review, of: entry, into: &writer) }
    writer.endArray()
    writer.key("source")
    writer.string(claim.source.rawValue)
    writer.key("start")
    writer.integer(claim.start)
    writer.key("status")
    writer.beginObject()
    writer.key("checkable")
    writer.bool(status.isCheckable)
    writer.key("citation_count")
    writer.integer(status.citationCount)
    writer.key("cited")
    writer.bool(status.isCited)
    writer.key("cited_verdict_count")
    writer.integer(status.citedVerdictCount)
    writer.key("consensus")
    writer.string(status.consensus)
    writer.key("disputed")
    writer.bool(status.has(.disputed))
    writer.key("flagged")
    writer.bool(status.has(.flagged))
    writer.key("not_a_claim")
    writer.bool(status.isNotAClaim)
    writer.key("reviewed")
    writer.bool(status.has(.reviewed))
    writer.key("stale")
    writer.bool(status.has(.stale))
    writer.key("state")
    writer.string(status.state.rawValue)
    writer.key("statuses")
    writer.beginArray()
    for name in ClaimStatusName.allCases where status.has(name) { writer.string(name.rawValue) }
    writer.endArray()
    writer.key("verdict_count")
    writer.integer(status.verdictCount)
    writer.key("verdicts")
    writer.beginArray()
    for verdict in status.verdicts { writer.string(verdict) }
    writer.endArray()
    writer.key("verified")
    writer.bool(status.has(.verified))
    writer.endObject()
    writer.key("supersedes")
    writer.beginArray()
    for id in claim.supersedes { writer.string(id.rawValue) }
    writer.endArray()
    writer.key("text")
    writer.string(claim.text)
    writer.endObject()
  }

  private func review(_ review: Review, of entry: ClaimEntry, into writer: inout JSONStreamWriter) {
    writer.beginObject()
    writer.key("citations")
    writer.beginArray()
    for (index, citation) in review.citations.enumerated() {
      self.citation(citation, health: entry.health(of: review, citation: index), into: &writer)
    }
    writer.endArray()
    writer.key("note")
    writer.string(review.note)
    writer.key("reviewer")
    writer.identity(review.reviewer)
    writer.key("stale")
    if let stale = review.stale {
      writer.beginObject()
      writer.key("previous_claim")
      writer.string(stale.previousClaim.rawValue)
      writer.key("previous_text")
      writer.string(stale.previousText)
      writer.key("since")
      writer.string(stale.since.text)
      writer.endObject()
    } else {
      writer.null()
    }
    writer.key("updated")
    writer.string(review.updated.text)
    writer.key("verdict")
    writer.string(review.verdict)
    writer.key("verdict_label")
    writer.string(review.verdict.map { scale.verdict($0)?.label ?? $0 })
    writer.endObject()
  }

  /// A citation as its record holds it, with `archive` and the last check's `health` (each null
  /// when there is none).
  func citation(_ citation: Citation, health: CitationHealth?, into writer: inout JSONStreamWriter) {
    writer.beginObject()
    writer.key("accessed")
    writer.string(citation.accessed?.text)
    writer.key("archive")
    if let archive = citation.archive { writer.value(archive.json) } else { writer.null() }
    writer.key("health")
    if let health { writer.value(health.json) } else { writer.null() }
    writer.key("published")
    writer.string(citation.published?.text)
    writer.key("publisher")
    writer.string(citation.publisher)
    writer.key("quote")
    writer.string(citation.quote)
    writer.key("stance")
    writer.string(citation.stance?.rawValue)
    writer.key("title")
    writer.string(citation.title)
    writer.key("url")
    writer.string(citation.url)
    writer.endObject()
  }
}

extension JSONStreamWriter {
  /// `Name <email>`, or the name alone, as `Identity.description` reads, written without making
  /// that string: a report writes one per review. `null` for none.
  fileprivate mutating func identity(_ identity: Identity?) {
    guard let identity else { return null() }
    if identity.email.isEmpty {
      string(identity.name)
    } else {
      string(joining: identity.name, " <", identity.email, ">")
    }
  }
}

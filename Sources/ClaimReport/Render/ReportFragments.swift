public import ClaimModel

/// A list of the report that is written source by source, and so can be rendered one source at a
/// time and kept: a source nobody touched renders the same bytes next time.
public enum ReportPart: Int, CaseIterable, Sendable {
  case claims
  case disputed
  case flagged
  case staleReviews
  case backlog
  case retired
}

/// Rendered pieces of a report from an earlier run, one per source and ``ReportPart``, made by
/// ``ReportRenderer/fragments(of:as:context:)`` and kept by the caller (in a cache, say).
///
/// The renderer writes a stored piece in place of the source's part of the list; the store must
/// only hold pieces made for the same format, verdict scale, source records and import time.
public protocol ReportFragmentStore: AnyObject {
  /// The length of the piece of `part` for `source`, or nil when none is stored.
  func storedLength(of part: ReportPart, for source: SourceID) -> Int?
  /// Writes the piece of `part` for `source` to `output`.
  func write(_ part: ReportPart, of source: SourceID, to output: ReportOutput)
}

/// What rendering one source's pieces depends on besides its entries.
public struct FragmentContext: Sendable {
  /// The ledger's verdict scale: labels and which verdicts flag.
  public var scale: VerdictScale
  /// The source's record, when it has one.
  public var record: SourceRecord?
  /// When the source was first imported, when the history says.
  public var importedAt: Timestamp?

  /// Collects what a source's pieces depend on.
  public init(scale: VerdictScale, record: SourceRecord?, importedAt: Timestamp?) {
    self.scale = scale
    self.record = record
    self.importedAt = importedAt
  }
}

/// One source's entries in each list of the report, as the report holds them.
struct SourceLists {
  var claims: [ClaimEntry]
  var disputed: [ClaimEntry]
  var flagged: [ClaimEntry]
  var staleReviews: [StaleReview]
  var backlog: [BacklogItem]
  var retired: [RetiredClaim]

  init(_ details: SourceDetails, importedAt: Timestamp?) {
    claims = details.entries
    disputed = claims.filter { $0.status.has(.disputed) }
    flagged = claims.filter { $0.status.has(.flagged) }
    staleReviews = details.staleReviews
    backlog = claims.filter { $0.status.has(.unreviewed) }.map {
      BacklogItem(claim: $0.claim, assignee: $0.assignee, waitingSince: importedAt)
    }
    retired = details.retired
  }
}

/// Writes one list of the report: each source's piece from the store when it has one, else
/// rendered from the source's loaded entries, with a separator between non-empty pieces. Pieces
/// are rendered one at a time, so only one source's is ever in memory.
struct ListWriter {
  let output: ReportOutput
  let store: (any ReportFragmentStore)?

  /// Writes `opening`, then the non-empty pieces with `separator` between them; writes nothing
  /// and returns false when every piece is empty.
  func write<Element>(
    _ part: ReportPart, of list: ReportList<Element>, opening: [UInt8], separator: [UInt8],
    render: ([Element], SourceID) -> [UInt8]
  ) -> Bool {
    var isOpen = false
    func startPiece() {
      output.write(isOpen ? separator : opening)
      isOpen = true
    }
    for segment in list.segments {
      if let store, let length = store.storedLength(of: part, for: segment.source) {
        guard length > 0 else { continue }
        startPiece()
        store.write(part, of: segment.source, to: output)
        continue
      }
      guard let elements = segment.elements else {
        preconditionFailure("report list part of '\(segment.source)' neither stored nor loaded")
      }
      let bytes = render(elements, segment.source)
      guard !bytes.isEmpty else { continue }
      startPiece()
      output.write(bytes)
    }
    return isOpen
  }
}

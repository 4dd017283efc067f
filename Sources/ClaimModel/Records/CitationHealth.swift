/// What `claims evidence check` found for one archived citation.
///
/// Kept outside the ledger's history, in `<git-dir>/claims-cache/v2/evidence-health.json` (see
/// docs/EVIDENCE.md for why), keyed by the id of the event that added the citation.
public struct CitationHealth: Sendable, Equatable {
  /// What the check found, from good to bad.
  public enum State: String, Sendable, CaseIterable {
    /// Live: the page's text is the archived text.
    case unchanged
    /// Live: the text changed, but the quote is still there (or the citation has no quote).
    case changed
    /// Live: the address now redirects to another page, which still has the quote.
    case moved
    /// Live: the server, the network or the page's size stopped the check; try again later.
    case unreachable
    /// Live: the passage the verdict rests on is no longer on the page.
    case drifted = "quote-gone"
    /// Live: the page is gone (HTTP 404, 410 or 451) or its host no longer exists.
    case gone
    /// Offline: the archive's digests match and the quote stands where it was recorded.
    case intact
    /// Offline: the archive is missing from the ledger, or its bytes do not match their digest.
    case damaged

    /// Whether the state makes `evidence check` fail: the evidence no longer supports the verdict.
    public var isFailure: Bool {
      switch self {
      case .drifted, .gone, .damaged: true
      case .unchanged, .changed, .moved, .unreachable, .intact: false
      }
    }

    /// How the state reads in a sentence.
    public var phrase: String {
      switch self {
      case .unchanged: "unchanged"
      case .changed: "changed (quote kept)"
      case .moved: "moved"
      case .unreachable: "unreachable now"
      case .drifted: "quote gone"
      case .gone: "gone"
      case .intact: "intact"
      case .damaged: "damaged"
      }
    }
  }

  public var state: State
  /// When the check was made.
  public var checked: Timestamp
  /// One line on what was found: the HTTP status, the error, where the page moved.
  public var detail: String?
  /// For a quote gone: the passage of the page now closest to the quote.
  public var now: String?
  /// For a page that moved: where it is now.
  public var movedTo: String?

  public init(state: State, checked: Timestamp, detail: String? = nil, now: String? = nil, movedTo: String? = nil) {
    self.state = state
    self.checked = checked
    self.detail = detail
    self.now = now
    self.movedTo = movedTo
  }

  /// Whether the check ran offline (on the archive alone).
  public var isOffline: Bool { state == .intact || state == .damaged }

  public var json: JSONValue {
    var fields = FieldWriter()
    fields.set("state", .string(state.rawValue))
    fields.set("checked", .string(checked.text))
    fields.set("detail", detail)
    fields.set("now", now)
    fields.set("moved_to", movedTo)
    return fields.value
  }

  public init(json: JSONValue) throws(RecordError) {
    let fields = try FieldReader(json, what: "a citation's health")
    let stateText = try fields.string("state")
    guard let state = State(rawValue: stateText) else {
      throw RecordError(.invalidField, "field 'state' is '\(stateText.escapedForMessage)', not a health state")
    }
    let checkedText = try fields.string("checked")
    guard let checked = Timestamp(checkedText) else {
      throw RecordError(.invalidField, "field 'checked' is not a UTC timestamp: '\(checkedText.escapedForMessage)'")
    }
    self.init(
      state: state, checked: checked, detail: try fields.optionalString("detail"),
      now: try fields.optionalString("now"), movedTo: try fields.optionalString("moved_to"))
  }
}

public import ClaimModel

/// Something a merge had to decide because both sides changed it: which version of a file it kept,
/// which of a reviewer's values replaced the other, or how two imports of one source were joined.
/// Every decision is named (in the merge commit's `Resolved:` trailers and by `claims sync`);
/// nothing is replaced silently.
public struct MergeResolution: Sendable, Equatable {
  /// The side whose version was kept.
  public enum Side: String, Sendable {
    /// This ledger's version.
    case ours
    /// The remote's version.
    case theirs
  }

  /// What was decided.
  public enum Kind: String, Sendable {
    /// A whole file: one side's version kept (the later action's).
    case file
    /// One field of a reviewer's review or a source record: one value replaced by the other.
    case field
    /// Two different texts imported under one source id: the later became a revision of the earlier.
    case source
  }

  public var kind: Kind
  /// The file's path in the ledger.
  public var path: String
  /// Whose version the merge holds.
  public var kept: Side
  /// When this ledger's version was made (the author time of the commit that made it, or the event's time).
  public var oursTime: Timestamp
  /// When the remote's version was made.
  public var theirsTime: Timestamp
  /// Whether the kept version is a removal of the file.
  public var keptRemoval: Bool
  /// What was replaced by what, in words, for a field or a source.
  public var detail: String?

  public init(
    kind: Kind = .file, path: String, kept: Side, oursTime: Timestamp, theirsTime: Timestamp, keptRemoval: Bool = false,
    detail: String? = nil
  ) {
    self.kind = kind
    self.path = path
    self.kept = kept
    self.oursTime = oursTime
    self.theirsTime = theirsTime
    self.keptRemoval = keptRemoval
    self.detail = detail
  }

  /// One line for a commit trailer and for the terminal.
  public var summary: String {
    if let detail { return "\(path): \(detail)" }
    let kept = kept == .ours ? oursTime : theirsTime
    let other = self.kept == .ours ? theirsTime : oursTime
    let why = kept == other ? "same time, larger object id" : "later"
    return "\(path) kept \(self.kept.rawValue)\(keptRemoval ? " (removed)" : "") (\(kept.text), \(why))"
  }
}

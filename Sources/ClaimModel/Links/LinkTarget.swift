/// What a link says a claim is the same as: an imported fact-check (by its url) or an earlier claim
/// of the ledger (by its id).
public struct LinkTarget: Sendable, Hashable, CustomStringConvertible {
  public enum Kind: String, Sendable, Hashable {
    case factCheck = "factcheck"
    case claim
  }

  public var kind: Kind
  /// A fact-check's url, or a claim's id.
  public var key: String

  public init(kind: Kind, key: String) {
    self.kind = kind
    self.key = key
  }

  public var description: String { key }
}

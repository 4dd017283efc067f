public import ClaimModel

/// Where every record lives in a ledger. The layout is the ledger's on-disk format; see
/// docs/ARCHITECTURE.md.
public enum LedgerPaths {
  /// The ledger's settings.
  public static let config = "ledger.json"
  /// Who is who: aliases joined in git's `.mailmap` format.
  public static let mailmap = ".mailmap"
  /// Imported texts and their source records.
  public static let seeds = "seeds"
  /// One directory per source, one file per claim.
  public static let claims = "Claims"
  /// One directory per source, one per claim, one file per reviewer.
  public static let reviews = "Reviews"
  /// One directory per source, one per claim, one file per editor who assigned it.
  public static let assignments = "Assignments"

  /// `seeds/<source>.txt`: the imported text, verbatim.
  public static func seedText(_ source: SourceID) -> String { "\(seeds)/\(source).txt" }
  /// `seeds/<source>.html`: the web page the text was taken from, as received.
  public static func seedPage(_ source: SourceID) -> String { "\(seeds)/\(source).html" }
  /// `seeds/<source>.json`: the source record.
  public static func sourceRecord(_ source: SourceID) -> String { "\(seeds)/\(source).json" }
  /// `Claims/<source>`.
  public static func claimDirectory(_ source: SourceID) -> String { "\(claims)/\(source)" }
  /// `Claims/<source>/<claim>.json`.
  public static func claim(_ id: ClaimID, in source: SourceID) -> String { "\(claims)/\(source)/\(id).json" }
  /// `Reviews/<source>`.
  public static func reviewSourceDirectory(_ source: SourceID) -> String { "\(reviews)/\(source)" }
  /// `Reviews/<source>/<claim>`.
  public static func reviewDirectory(_ claim: ClaimID, in source: SourceID) -> String {
    "\(reviews)/\(source)/\(claim)"
  }
  /// `Reviews/<source>/<claim>/<reviewer>.json`.
  public static func review(_ claim: ClaimID, in source: SourceID, by reviewer: Identity) -> String {
    "\(reviews)/\(source)/\(claim)/\(reviewer.fileSlug).json"
  }
  /// `Assignments/<source>/<claim>/<editor>.json`.
  public static func assignment(_ claim: ClaimID, in source: SourceID, by editor: Identity) -> String {
    "\(assignments)/\(source)/\(claim)/\(editor.fileSlug).json"
  }

  /// The file name of a claim record: `<claim-id>.json`, or nil for any other name.
  static func claimID(fromFileName name: String) -> ClaimID? {
    guard name.hasSuffix(".json") else { return nil }
    return ClaimID(String(name.dropLast(5)))
  }
}

public import ClaimModel

extension LedgerPaths {
  /// The desk's decisions about claims (not a claim, claimant): one directory per source, one per
  /// claim, one file per editor.
  public static let decisions = "Decisions"

  /// `Decisions/<source>`.
  public static func decisionSourceDirectory(_ source: SourceID) -> String { "\(decisions)/\(source)" }

  /// `Decisions/<source>/<claim>/<editor>.json`.
  public static func decision(_ claim: ClaimID, in source: SourceID, by editor: Identity) -> String {
    "\(decisions)/\(source)/\(claim)/\(editor.fileSlug).json"
  }
}

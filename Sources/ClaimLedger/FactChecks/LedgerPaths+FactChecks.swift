public import ClaimModel

extension LedgerPaths {
  /// Other fact-checkers' published verdicts, kept as reference: one directory per publisher.
  public static let factChecks = "FactChecks"
  /// Links saying a claim is the same as an earlier fact-check or claim: one directory per source,
  /// one per claim, one file per person who linked it.
  public static let links = "Links"

  /// `FactChecks/<publisher-slug>/<id>.json`.
  public static func factCheck(_ factCheck: FactCheck) -> String {
    "\(factChecks)/\(factCheck.publisherSlug)/\(factCheck.id).json"
  }

  /// `Links/<source>`.
  public static func linkSourceDirectory(_ source: SourceID) -> String { "\(links)/\(source)" }

  /// `Links/<source>/<claim>/<linker>.json`.
  public static func link(_ claim: ClaimID, in source: SourceID, by linker: Identity) -> String {
    "\(links)/\(source)/\(claim)/\(linker.fileSlug).json"
  }
}

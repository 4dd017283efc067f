import ClaimLedger
import ClaimModel
import ClaimReport

extension CitationHealthIndex {
  /// What the ledger's last evidence checks found, by source, as the report shows it.
  static func bySource(in ledger: Ledger) -> [SourceID: CitationHealthIndex] {
    var bySource: [SourceID: [String: (capture: String, health: CitationHealth)]] = [:]
    for (id, entry) in ledger.evidenceHealth().entries {
      guard let shown = entry.shown else { continue }
      bySource[entry.source, default: [:]][id] = (entry.capture, shown)
    }
    return bySource.mapValues { CitationHealthIndex($0) }
  }
}

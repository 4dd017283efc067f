import ClaimLedger
import ClaimModel
import ClaimReport

/// The rendered pieces of a report's lists, per source: those of unchanged sources in the report
/// cache (read only when written out), those rendered in this run in memory.
final class CachedFragments: ReportFragmentStore {
  private let cache: SourceBlobCache
  /// The parts in the order the cache entries hold them.
  private let order: [ReportPart]
  private var cached: [SourceID: SourceBlobCache.Entry] = [:]
  private var fresh: [SourceID: [ReportPart: [UInt8]]] = [:]
  /// Renders a source's pieces again from its records, should its cached ones prove damaged.
  private let rerender: (SourceID) -> [ReportPart: [UInt8]]

  init(cache: SourceBlobCache, order: [ReportPart], rerender: @escaping (SourceID) -> [ReportPart: [UInt8]]) {
    self.cache = cache
    self.order = order
    self.rerender = rerender
  }

  /// Uses the cached pieces of `source`, letting go of any rendered in this run (a cold report
  /// stores each batch's pieces and then reads them back from the cache when it writes).
  func use(_ entry: SourceBlobCache.Entry, for source: SourceID) {
    cached[source] = entry
    fresh[source] = nil
  }

  /// Uses pieces rendered in this run.
  func use(_ pieces: [ReportPart: [UInt8]], for source: SourceID) {
    fresh[source] = pieces
    cached[source] = nil
  }

  func storedLength(of part: ReportPart, for source: SourceID) -> Int? {
    if let pieces = fresh[source] { return pieces[part]?.count ?? 0 }
    guard let entry = cached[source], let index = order.firstIndex(of: part) else { return nil }
    return entry.partLengths.indices.contains(index) ? entry.partLengths[index] : nil
  }

  func write(_ part: ReportPart, of source: SourceID, to output: ReportOutput) {
    if let pieces = fresh[source] {
      if let bytes = pieces[part] { output.write(bytes) }
      return
    }
    if let entry = cached[source], let index = order.firstIndex(of: part), entry.partLengths.indices.contains(index),
      output.write(length: entry.partLengths[index], { cache.read(entry, part: index, into: $0) })
    {
      return
    }
    // Damaged since its index was read: render the source again (the same bytes, as its key matched).
    let pieces = rerender(source)
    fresh[source] = pieces
    if let bytes = pieces[part] { output.write(bytes) }
  }
}

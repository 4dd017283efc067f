public import ClaimModel

/// A list of a report (its claims, disputed claims, backlog, …), held source by source.
///
/// Each source's part knows how many elements it has even when the elements themselves were never
/// loaded: a report assembled from cached ``SourceTally`` values knows that a source has 20 flagged
/// claims without decoding them. ``VerificationReport/insert(_:)`` loads a part's elements, and
/// ``ReportRenderer/sourcesToLoad(for:as:options:stored:)`` says which parts a format reads.
/// Reading an element of a part that is not loaded is a programming error and traps.
public struct ReportList<Element: Sendable>: RandomAccessCollection, Sendable {
  /// One source's part of the list.
  public struct Segment: Sendable {
    /// The source.
    public let source: SourceID
    /// How many elements it has.
    public let count: Int
    /// Its elements, when loaded.
    public let elements: [Element]?

    init(source: SourceID, count: Int, elements: [Element]?) {
      self.source = source
      self.count = count
      self.elements = elements
    }
  }

  /// The parts, in list order; parts without elements are left out.
  public private(set) var segments: [Segment]
  /// The index just past each segment's last element.
  private var ends: [Int]

  /// A list whose elements are all loaded, in one part per source.
  init(loaded segments: [(SourceID, [Element])]) {
    self.init(segments: segments.map { Segment(source: $0.0, count: $0.1.count, elements: $0.1) })
  }

  init(segments: [Segment]) {
    self.segments = segments.filter { $0.count > 0 }
    var total = 0
    ends = self.segments.map { segment in
      total += segment.count
      return total
    }
  }

  /// An empty list.
  public init() {
    self.init(segments: [])
  }

  public var startIndex: Int { 0 }
  public var endIndex: Int { ends.last ?? 0 }

  public subscript(position: Int) -> Element {
    precondition(position >= 0 && position < endIndex, "report list index out of range")
    // The first segment ending after `position`.
    var low = 0
    var high = ends.count - 1
    while low < high {
      let middle = (low + high) / 2
      if ends[middle] > position { high = middle } else { low = middle + 1 }
    }
    let start = low == 0 ? 0 : ends[low - 1]
    guard let elements = segments[low].elements else {
      preconditionFailure("report list part of '\(segments[low].source)' read before it was loaded")
    }
    return elements[position - start]
  }

  public func makeIterator() -> Iterator {
    Iterator(segments: segments)
  }

  /// Walks the segments in order, without a search per element.
  public struct Iterator: IteratorProtocol {
    private let segments: [Segment]
    private var segment = 0
    private var offset = 0

    init(segments: [Segment]) {
      self.segments = segments
    }

    public mutating func next() -> Element? {
      while segment < segments.count {
        guard let elements = segments[segment].elements else {
          preconditionFailure("report list part of '\(segments[segment].source)' read before it was loaded")
        }
        if offset < elements.count {
          defer { offset += 1 }
          return elements[offset]
        }
        segment += 1
        offset = 0
      }
      return nil
    }
  }

  /// Whether every part is loaded.
  public var isLoaded: Bool { segments.allSatisfy { $0.elements != nil } }

  /// The sources whose parts hold the first `count` elements and are not loaded.
  package func unloadedSources(amongFirst count: Int) -> [SourceID] {
    var sources: [SourceID] = []
    for (segment, end) in zip(segments, ends) {
      if end - segment.count >= count { break }
      if segment.elements == nil { sources.append(segment.source) }
    }
    return sources
  }

  /// Loads the part of `source` (which must have `elements.count` elements).
  mutating func load(_ elements: [Element], of source: SourceID) {
    guard let index = segments.firstIndex(where: { $0.source == source }) else { return }
    precondition(segments[index].count == elements.count, "report list part of '\(source)' changed its length")
    segments[index] = Segment(source: source, count: elements.count, elements: elements)
  }
}

/// One array of an index: a part read in place from an ``IndexStorage`` (little-endian, at any
/// alignment), followed by a part in memory that grows. A decoded index reads its large arrays in
/// place and appends what is added after; writing into the stored part first copies it into memory
/// (only small arrays are ever written so: the document kinds, when a document is removed).
struct IndexColumn<Element: FixedWidthInteger & Sendable>: RandomAccessCollection, @unchecked Sendable {
  // Unchecked: `stored` points into `storage`, which is immutable and kept alive by this value.
  private var storage: (any IndexStorage)?
  private var stored = UnsafeRawBufferPointer(start: nil, count: 0)
  private(set) var storedCount = 0
  private var tail: [Element] = []

  init() {}

  init(_ elements: [Element]) {
    tail = elements
  }

  /// The `count` elements at `offset` of `storage` (bounds checked by the caller).
  init(storage: any IndexStorage, offset: Int, count: Int) {
    self.storage = storage
    stored = UnsafeRawBufferPointer(
      rebasing: storage.bytes[offset..<(offset + count * MemoryLayout<Element>.size)])
    storedCount = count
  }

  var startIndex: Int { 0 }
  var endIndex: Int { storedCount + tail.count }

  subscript(position: Int) -> Element {
    get {
      if position < storedCount {
        precondition(position >= 0, "index out of range")
        return Element(
          littleEndian: stored.loadUnaligned(fromByteOffset: position * MemoryLayout<Element>.size, as: Element.self))
      }
      return tail[position - storedCount]
    }
    set {
      if position < storedCount { moveIntoMemory() }
      tail[position - storedCount] = newValue
    }
  }

  mutating func append(_ element: Element) {
    tail.append(element)
  }

  mutating func append(contentsOf elements: some Sequence<Element>) {
    tail.append(contentsOf: elements)
  }

  mutating func reserveCapacity(_ capacity: Int) {
    tail.reserveCapacity(Swift.max(0, capacity - storedCount))
  }

  /// The stored bytes of `range` when all of it is stored (a `UInt8` column's text), else nil.
  func storedBytes(_ range: Range<Int>) -> UnsafeRawBufferPointer? {
    guard MemoryLayout<Element>.size == 1, range.upperBound <= storedCount, range.lowerBound >= 0 else { return nil }
    return UnsafeRawBufferPointer(rebasing: stored[range])
  }

  /// Calls `body` with the bytes of `range` when they lie all in the stored part or all in memory
  /// (a `UInt8` column's text) and returns true; else returns false without calling it.
  func withBytes(_ range: Range<Int>, _ body: (UnsafeRawBufferPointer) -> Void) -> Bool {
    guard MemoryLayout<Element>.size == 1, range.lowerBound >= 0, range.upperBound <= count else { return false }
    if let bytes = storedBytes(range) {
      body(bytes)
      return true
    }
    guard range.lowerBound >= storedCount else { return false }
    tail[(range.lowerBound - storedCount)..<(range.upperBound - storedCount)].withUnsafeBytes(body)
    return true
  }

  private mutating func moveIntoMemory() {
    var all: [Element] = []
    all.reserveCapacity(count)
    all.append(contentsOf: self)
    tail = all
    storage = nil
    stored = UnsafeRawBufferPointer(start: nil, count: 0)
    storedCount = 0
  }
}

/// Strings stored as one array of end offsets and one of UTF-8 bytes, then strings added in memory.
struct StringColumn: RandomAccessCollection, Sendable {
  private var ends = IndexColumn<UInt32>()
  private var blob = IndexColumn<UInt8>()
  private var tail: [String] = []

  init() {}

  init(ends: IndexColumn<UInt32>, blob: IndexColumn<UInt8>) {
    self.ends = ends
    self.blob = blob
  }

  var storedCount: Int { ends.count }
  var startIndex: Int { 0 }
  var endIndex: Int { ends.count + tail.count }

  subscript(position: Int) -> String {
    if position < ends.count {
      let range = storedRange(position)
      if let bytes = blob.storedBytes(range) { return String(decoding: bytes, as: UTF8.self) }
      return String(decoding: Array(blob[range]), as: UTF8.self)
    }
    return tail[position - ends.count]
  }

  /// Whether the string at `position` has these UTF-8 bytes, or precedes them.
  func compare(_ position: Int, with utf8: some Collection<UInt8>) -> (equal: Bool, precedes: Bool) {
    if position < ends.count, let bytes = blob.storedBytes(storedRange(position)) {
      return (bytes.elementsEqual(utf8), bytes.lexicographicallyPrecedes(utf8))
    }
    let string = self[position]
    return (string.utf8.elementsEqual(utf8), string.utf8.lexicographicallyPrecedes(utf8))
  }

  /// Whether the string at `first` precedes the one at `second` (as UTF-8 bytes).
  func precedes(_ first: Int, _ second: Int) -> Bool {
    if first < ends.count, second < ends.count, let left = blob.storedBytes(storedRange(first)),
      let right = blob.storedBytes(storedRange(second))
    {
      return left.lexicographicallyPrecedes(right)
    }
    return self[first].utf8.lexicographicallyPrecedes(self[second].utf8)
  }

  mutating func append(_ string: String) {
    tail.append(string)
  }

  /// Calls `body` with the UTF-8 bytes of the string at `position`, without making a `String` of a
  /// stored one.
  func withUTF8<Result>(_ position: Int, _ body: (UnsafeRawBufferPointer) -> Result) -> Result {
    if position < ends.count {
      let range = storedRange(position)
      if let bytes = blob.storedBytes(range) { return body(bytes) }
      return Array(blob[range]).withUnsafeBytes(body)
    }
    var string = tail[position - ends.count]
    return string.withUTF8 { body(UnsafeRawBufferPointer($0)) }
  }

  private func storedRange(_ position: Int) -> Range<Int> {
    (position == 0 ? 0 : Int(ends[position - 1]))..<Int(ends[position])
  }
}

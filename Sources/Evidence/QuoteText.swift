/// A text as quote matching sees it: whitespace runs are one space, typographic quotation marks
/// are their ASCII forms, invisible characters (soft hyphens, zero-width spaces and joiners, the
/// byte-order mark) are gone. Each kept scalar remembers where it stood in the original, so a match
/// is reported in the original's offsets.
///
/// These are the differences a reviewer's copy of a passage shows without its words changing: the
/// page broke a line where the reviewer did not, or the reviewer's editor turned `"` into `“`.
struct QuoteText {
  /// The original scalars.
  let original: [Unicode.Scalar]
  /// The comparable scalars, as their values.
  private(set) var folded: [UInt32] = []
  /// For each folded scalar, the offset in `original` of the scalar it came from.
  private(set) var origins: [Int] = []

  init(_ text: String) {
    self.init(scalars: Array(text.unicodeScalars))
  }

  init(scalars: [Unicode.Scalar]) {
    original = scalars
    folded.reserveCapacity(scalars.count)
    origins.reserveCapacity(scalars.count)
    var pendingSpace: Int?
    for (offset, scalar) in scalars.enumerated() {
      let value = scalar.value
      if Self.isInvisible(value) { continue }
      if Self.isSpace(value) {
        if pendingSpace == nil { pendingSpace = offset }
        continue
      }
      if let space = pendingSpace {
        // Leading whitespace is dropped; inner runs become one space.
        if !folded.isEmpty {
          folded.append(0x20)
          origins.append(space)
        }
        pendingSpace = nil
      }
      folded.append(Self.fold(value))
      origins.append(offset)
    }
  }

  /// Whether the text holds nothing but whitespace.
  var isBlank: Bool { folded.isEmpty }

  /// The range of original scalars that the folded range `range` covers.
  func originalRange(ofFolded range: Range<Int>) -> Range<Int> {
    guard !range.isEmpty else {
      let at = range.lowerBound < origins.count ? origins[range.lowerBound] : original.count
      return at..<at
    }
    return origins[range.lowerBound]..<(origins[range.upperBound - 1] + 1)
  }

  /// The folded range that starts at original offset `start` and ends at `end`, if both fall on
  /// folded scalars.
  func foldedRange(ofOriginal range: Range<Int>) -> Range<Int>? {
    guard let first = Self.firstIndex(in: origins, atLeast: range.lowerBound) else { return nil }
    var last = Self.firstIndex(in: origins, atLeast: range.upperBound) ?? origins.count
    while last > first, origins[last - 1] >= range.upperBound { last -= 1 }
    return first..<last
  }

  /// Every start of `needle` in the folded text, in order.
  func occurrences(of needle: [UInt32], limit: Int = .max) -> [Int] {
    guard let first = needle.first, needle.count <= folded.count else { return [] }
    var found: [Int] = []
    var index = 0
    let lastStart = folded.count - needle.count
    folded.withUnsafeBufferPointer { haystack in
      needle.withUnsafeBufferPointer { pattern in
        while index <= lastStart {
          if haystack[index] == first {
            var offset = 1
            while offset < pattern.count, haystack[index + offset] == pattern[offset] { offset += 1 }
            if offset == pattern.count {
              found.append(index)
              if found.count >= limit { return }
            }
          }
          index += 1
        }
      }
    }
    return found
  }

  /// The original text of `range` (original offsets).
  func text(_ range: Range<Int>) -> String {
    var string = ""
    string.unicodeScalars.append(contentsOf: original[range.clamped(to: 0..<original.count)])
    return string
  }

  private static func firstIndex(in sorted: [Int], atLeast value: Int) -> Int? {
    var low = 0
    var high = sorted.count
    while low < high {
      let middle = (low + high) / 2
      if sorted[middle] < value { low = middle + 1 } else { high = middle }
    }
    return low < sorted.count ? low : nil
  }

  static func isSpace(_ value: UInt32) -> Bool {
    switch value {
    case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
    default: false
    }
  }

  static func isInvisible(_ value: UInt32) -> Bool {
    value == 0xAD || (0x200B...0x200D).contains(value) || value == 0x2060 || value == 0xFEFF
  }

  /// The ASCII form of a typographic quotation mark, or the scalar itself.
  static func fold(_ value: UInt32) -> UInt32 {
    switch value {
    case 0x2018, 0x2019, 0x201A, 0x201B, 0x2032, 0x2039, 0x203A, 0xFF07: 0x27  // '
    case 0x201C, 0x201D, 0x201E, 0x201F, 0x2033, 0x00AB, 0x00BB, 0xFF02, 0x301D, 0x301E: 0x22  // "
    default: value
    }
  }
}

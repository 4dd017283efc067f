/// The source's UTF-8 bytes, with the few decoding steps the scanners need.
///
/// Everything works on byte offsets so that the hot loops compare bytes and never build
/// `Character`s. A Swift `String` always holds valid UTF-8, but every step still tolerates a
/// truncated sequence at the end of the buffer so that no input can make it read out of bounds.
struct UTF8Text {
  let bytes: UnsafeBufferPointer<UInt8>

  init(bytes: UnsafeBufferPointer<UInt8>) {
    self.bytes = bytes
  }

  /// Eight bytes starting at `i` (which must be `<= count - 8`), first byte lowest.
  @inline(__always)
  func word(at i: Int) -> UInt64 {
    UInt64(littleEndian: UnsafeRawBufferPointer(bytes).loadUnaligned(fromByteOffset: i, as: UInt64.self))
  }

  @inline(__always)
  var count: Int { bytes.count }

  @inline(__always)
  subscript(_ i: Int) -> UInt8 { bytes[i] }

  /// The scalar that starts at `i` (which must be `< count`) and its length in bytes.
  @inline(__always)
  func scalar(at i: Int) -> (value: UInt32, length: Int) {
    let b0 = UInt32(bytes[i])
    if b0 < 0x80 { return (b0, 1) }
    if b0 < 0xE0 {
      guard i + 1 < count else { return (0xFFFD, 1) }
      return (((b0 & 0x1F) << 6) | (UInt32(bytes[i + 1]) & 0x3F), 2)
    }
    if b0 < 0xF0 {
      guard i + 2 < count else { return (0xFFFD, count - i) }
      let value = ((b0 & 0x0F) << 12) | ((UInt32(bytes[i + 1]) & 0x3F) << 6) | (UInt32(bytes[i + 2]) & 0x3F)
      return (value, 3)
    }
    guard i + 3 < count else { return (0xFFFD, count - i) }
    let value =
      ((b0 & 0x07) << 18) | ((UInt32(bytes[i + 1]) & 0x3F) << 12) | ((UInt32(bytes[i + 2]) & 0x3F) << 6)
      | (UInt32(bytes[i + 3]) & 0x3F)
    return (value, 4)
  }

  /// The scalar that ends just before `i` (which must be `> 0`) and where it starts.
  @inline(__always)
  func scalar(before i: Int) -> (value: UInt32, start: Int) {
    var start = i - 1
    let floor = max(0, i - 4)
    while start > floor && bytes[start] & UTF8Byte.continuationMask == UTF8Byte.continuationTag { start -= 1 }
    return (scalar(at: start).value, start)
  }

  /// The length in bytes of the space that starts at `i`, or 0 when there is none.
  @inline(__always)
  func spaceLength(at i: Int) -> Int {
    let b = bytes[i]
    if b == .space || (b >= .horizontalTab && b <= .carriageReturn) { return 1 }
    if b < UTF8Byte.firstNonASCII { return 0 }
    // The lead bytes of every space outside ASCII (U+0085, U+00A0, U+1680, U+2000–U+205F, U+3000, U+FEFF).
    guard
      b == UTF8Byte.latin1Lead || b == UTF8Byte.oghamLead || b == UTF8Byte.punctuationLead
        || b == UTF8Byte.cjkPunctuationLead || b == UTF8Byte.specialsLead
    else { return 0 }
    let (value, length) = scalar(at: i)
    return isSpaceScalar(value) ? length : 0
  }

  /// Whether the scalar just before `i` is a space; false at the start of the text.
  @inline(__always)
  func isSpace(before i: Int) -> Bool {
    guard i > 0 else { return false }
    let b = bytes[i - 1]
    if b < UTF8Byte.firstNonASCII { return b == .space || (b >= .horizontalTab && b <= .carriageReturn) }
    return isSpaceScalar(scalar(before: i).value)
  }

  /// The first offset in `i..<end` that is not a space, or `end`.
  @inline(__always)
  func skipSpaces(from i: Int, to end: Int) -> Int {
    var i = i
    while i < end {
      let length = spaceLength(at: i)
      if length == 0 { break }
      i += length
    }
    return min(i, end)
  }

  /// The end of `start..<end` once trailing spaces are dropped.
  @inline(__always)
  func trimEnd(from start: Int, to end: Int) -> Int {
    var end = end
    while end > start {
      let b = bytes[end - 1]
      if b < UTF8Byte.firstNonASCII {
        guard b == .space || (b >= .horizontalTab && b <= .carriageReturn) else { break }
        end -= 1
      } else {
        let (value, scalarStart) = scalar(before: end)
        guard scalarStart >= start, isSpaceScalar(value) else { break }
        end = scalarStart
      }
    }
    return end
  }

  /// The number of scalars in `start..<end`: every byte that is not a continuation byte.
  @inline(__always)
  func scalarCount(from start: Int, to end: Int) -> Int {
    var total = 0
    var i = start
    while i + 8 <= end {
      total &+= 8 &- SWAR.continuationBytes(in: word(at: i))
      i &+= 8
    }
    while i < end {
      total &+= bytes[i] & UTF8Byte.continuationMask == UTF8Byte.continuationTag ? 0 : 1
      i &+= 1
    }
    return total
  }

  /// Where the word that ends at `end` starts, looking back at most `limit` bytes.
  ///
  /// Returns nil when no space is found within the limit, so that a pathological run of
  /// non-space bytes costs a bounded amount per period rather than the whole run each time.
  @inline(__always)
  func wordStart(endingAt end: Int, notBefore floor: Int, limit: Int = 48) -> Int? {
    var i = end
    let stop = max(floor, end - limit)
    while i > floor {
      if isSpace(before: i) { return i }
      if i <= stop { return nil }
      i -= 1
      while i > floor && bytes[i] & UTF8Byte.continuationMask == UTF8Byte.continuationTag { i -= 1 }
    }
    return floor
  }

  /// The end of the run of non-space bytes starting at `start`, looking ahead at most `limit` bytes.
  @inline(__always)
  func wordEnd(startingAt start: Int, before end: Int, limit: Int = 48) -> Int {
    var i = start
    let stop = min(end, start + limit)
    while i < stop && spaceLength(at: i) == 0 {
      i += scalar(at: i).length
    }
    return min(i, end)
  }
}

/// Eight bytes at a time: tests that let the scanners skip a whole word of ordinary text.
enum SWAR {
  static let ones: UInt64 = 0x0101_0101_0101_0101
  static let highs: UInt64 = 0x8080_8080_8080_8080

  /// Whether some byte of `word` is zero (may also flag bytes above a zero byte; never misses one).
  @inline(__always)
  static func hasZeroByte(_ word: UInt64) -> Bool {
    (word &- ones) & ~word & highs != 0
  }

  /// Whether some byte of `word` equals `byte`.
  @inline(__always)
  static func hasByte(_ word: UInt64, _ byte: UInt8) -> Bool {
    hasZeroByte(word ^ (ones &* UInt64(byte)))
  }

  /// Whether some byte of `word` is below `limit` (at most 0x80), or is not ASCII.
  @inline(__always)
  static func hasByteBelowOrNonASCII(_ word: UInt64, _ limit: UInt8) -> Bool {
    ((word &- ones &* UInt64(limit)) | word) & highs != 0
  }

  /// How many bytes of `word` are UTF-8 continuation bytes (`10xxxxxx`).
  @inline(__always)
  static func continuationBytes(in word: UInt64) -> Int {
    (word & ~(word << 1) & highs).nonzeroBitCount
  }

  /// Whether `word` may hold a byte the boundary scanner stops at: `.`, `!`, `?` or any byte
  /// outside ASCII (the lead bytes of `…`, bullets and CJK enders are among them).
  @inline(__always)
  static func mayHoldBoundaryCandidate(_ word: UInt64) -> Bool {
    word & highs != 0 || hasByte(word, .fullStop) || hasByte(word, .exclamationMark) || hasByte(word, .questionMark)
  }
}

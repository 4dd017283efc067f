/// A list-item marker such as `3.`, `3)`, `3.)`, `(3)` or `c.`.
struct ListMarker: Equatable {
  enum Style: Equatable {
    case period
    case parenthesis
    case periodParenthesis
    case enclosed
  }

  var value: Int
  var isLetter: Bool
  var isUppercase: Bool
  var style: Style
  /// Where the marker ends (just after its punctuation).
  var end: Int
}

extension UTF8Text {
  /// The list marker starting at `i`, followed by a space, if there is one.
  ///
  /// Numbers have one to three digits (a year such as `2019.` is not a marker) and letters are a
  /// single ASCII letter. An upper-case letter followed by a period is left out: at the start of
  /// a line it is far more often an initial (`J. Smith said…`) than an item.
  func listMarker(at i: Int, before end: Int) -> ListMarker? {
    guard i < end else { return nil }
    var j = i
    var enclosed = false
    if self[j] == .leftParenthesis {
      enclosed = true
      j += 1
    }
    var value = 0
    var isLetter = false
    var isUppercase = false
    let digitsStart = j
    while j < end, isASCIIDigit(self[j]), j - digitsStart < 4 {
      value = value * 10 + Int(self[j] &- .digitZero)
      j += 1
    }
    let digitCount = j - digitsStart
    if digitCount == 0 {
      guard j < end, isASCIILetter(self[j]) else { return nil }
      isLetter = true
      isUppercase = self[j] < .smallA
      value = Int((self[j] | .asciiLowercaseBit) &- (.smallA - 1))
      j += 1
    } else if digitCount > 3 {
      return nil
    }
    guard j < end else { return nil }
    let style: ListMarker.Style
    if enclosed {
      guard self[j] == .rightParenthesis else { return nil }
      style = .enclosed
      j += 1
    } else if self[j] == .rightParenthesis {
      style = .parenthesis
      j += 1
    } else if self[j] == .fullStop {
      j += 1
      if j < end && self[j] == .rightParenthesis {
        style = .periodParenthesis
        j += 1
      } else {
        if isLetter && isUppercase { return nil }
        style = .period
      }
    } else {
      return nil
    }
    guard j < end, spaceLength(at: j) > 0 else { return nil }
    return ListMarker(value: value, isLetter: isLetter, isUppercase: isUppercase, style: style, end: j)
  }

  /// Whether a bullet (`•`, `‣`, or a hyphen, asterisk or plus sign followed by a space) starts at `i`.
  func bulletLength(at i: Int, before end: Int) -> Int {
    guard i < end else { return 0 }
    let b = self[i]
    if b == .hyphenMinus || b == .asterisk || b == .plusSign {
      return i + 1 < end && spaceLength(at: i + 1) > 0 ? 1 : 0
    }
    guard b >= UTF8Byte.punctuationLead else { return 0 }
    let (value, length) = scalar(at: i)
    return isBulletScalar(value) ? length : 0
  }

  /// Where the items of an inline list start after the first, when `start..<end` opens with a
  /// list marker: `1. The first item 2. The second item` has its second item at `2.`.
  ///
  /// Items must be numbered in sequence and in the same style as the first, each marker standing
  /// after a space, so that numbers in running prose (`rose 2. Then`) are left alone unless the
  /// paragraph itself is a list.
  func inlineListItemStarts(from start: Int, to end: Int) -> [Int] {
    guard let first = listMarker(at: start, before: end) else { return [] }
    if first.isLetter && first.isUppercase && first.style != .parenthesis && first.style != .enclosed {
      return []
    }
    var starts: [Int] = []
    var expected = first.value + 1
    var i = first.end
    while i < end {
      guard let found = nextListMarker(value: expected, like: first, from: i, to: end) else { break }
      starts.append(found.start)
      i = found.end
      expected += 1
    }
    return starts
  }

  private func nextListMarker(value: Int, like first: ListMarker, from start: Int, to end: Int) -> (
    start: Int, end: Int
  )? {
    if first.isLetter && value > 26 { return nil }
    var i = start
    while i < end {
      let b = self[i]
      let couldStart =
        first.style == .enclosed ? b == .leftParenthesis : (first.isLetter ? isASCIILetter(b) : isASCIIDigit(b))
      if couldStart && isSpace(before: i), let marker = listMarker(at: i, before: end), marker.value == value,
        marker.isLetter == first.isLetter, marker.isUppercase == first.isUppercase, marker.style == first.style
      {
        return (i, marker.end)
      }
      i += 1
    }
    return nil
  }
}

extension UTF8Text {
  /// The end of a news dateline opening `start..<end`, such as `WASHINGTON (AP) —` or
  /// `ST. PAUL, Minn., Sept. 3 (Reuters) -`, or nil when there is none.
  ///
  /// A dateline begins with a word in capitals and runs to a dash within the first few words;
  /// outside brackets every word in it starts with a capital or a digit. The periods inside it
  /// (`ST.`, `Minn.`, `Sept.`) never end a sentence.
  func datelineEnd(from start: Int, to end: Int) -> Int? {
    let limit = min(end, start + 120)
    var i = start
    var letters = 0
    while i < limit {
      let b = self[i]
      if b >= .capitalA && b <= .capitalZ {
        letters += 1
      } else if b >= .smallA && b <= .smallZ {
        return nil
      } else if b != .fullStop && b != .apostrophe && b != .hyphenMinus {
        break
      }
      i += 1
    }
    guard letters >= 2 else { return nil }
    var depth = 0
    var atWordStart = false
    while i < limit {
      let b = self[i]
      if b == .hyphenMinus && i + 1 < limit
        && (self[i + 1] == .hyphenMinus || (self[i + 1] == .space && isSpace(before: i)))
      {
        return i + (self[i + 1] == .hyphenMinus ? 2 : 1)
      }
      if b == UTF8Byte.punctuationLead {
        let (value, length) = scalar(at: i)
        if value == Scalar.emDash || value == Scalar.enDash { return i + length }
      }
      if b == .exclamationMark || b == .questionMark { return nil }
      if b == .leftParenthesis {
        depth += 1
      } else if b == .rightParenthesis {
        depth = max(0, depth - 1)
      } else if spaceLength(at: i) > 0 {
        atWordStart = true
        i += spaceLength(at: i)
        continue
      } else if atWordStart && depth == 0 && b >= .smallA && b <= .smallZ {
        return nil
      }
      atWordStart = false
      i += 1
    }
    return nil
  }
}

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
      if b >= 0x41 && b <= 0x5A {
        letters += 1
      } else if b >= 0x61 && b <= 0x7A {
        return nil
      } else if b != 0x2E && b != 0x27 && b != 0x2D {
        break
      }
      i += 1
    }
    guard letters >= 2 else { return nil }
    var depth = 0
    var atWordStart = false
    while i < limit {
      let b = self[i]
      if b == 0x2D && i + 1 < limit && (self[i + 1] == 0x2D || (self[i + 1] == 0x20 && isSpace(before: i))) {
        return i + (self[i + 1] == 0x2D ? 2 : 1)
      }
      if b == 0xE2 {
        let (value, length) = scalar(at: i)
        if value == 0x2014 || value == 0x2013 { return i + length }
      }
      if b == 0x21 || b == 0x3F { return nil }
      if b == 0x28 {
        depth += 1
      } else if b == 0x29 {
        depth = max(0, depth - 1)
      } else if spaceLength(at: i) > 0 {
        atWordStart = true
        i += spaceLength(at: i)
        continue
      } else if atWordStart && depth == 0 && b >= 0x61 && b <= 0x7A {
        return nil
      }
      atWordStart = false
      i += 1
    }
    return nil
  }
}

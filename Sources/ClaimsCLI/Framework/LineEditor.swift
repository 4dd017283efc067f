/// The line being typed at a prompt of the review session, and what each key does to it: cursor
/// keys, Home/End, Backspace/Delete and the Emacs keys a shell offers (Ctrl-A, Ctrl-E, Ctrl-B,
/// Ctrl-F, Ctrl-U, Ctrl-K, Ctrl-W). It knows nothing of the terminal: ``FileDescriptorLineSource``
/// reads raw bytes, turns them into ``Key``s and redraws the line from ``text`` and ``cursor``.
struct LineEditor {
  /// One key press, decoded from the terminal's bytes.
  enum Key: Equatable {
    case character(Character)
    case left, right, home, end
    case backspace, delete
    /// Ctrl-U: everything before the cursor.
    case killToStart
    /// Ctrl-K: everything from the cursor on.
    case killToEnd
    /// Ctrl-W: the word before the cursor (and the spaces after it).
    case killWord
    case enter
    /// Ctrl-D on an empty line, Ctrl-C: no answer.
    case cancel
    /// A key that does nothing here (an unknown escape sequence, a control character).
    case ignored
  }

  /// What the line holds, as characters.
  private(set) var characters: [Character] = []
  /// Where the cursor stands, 0...characters.count.
  private(set) var cursor = 0

  var text: String { String(characters) }

  /// What a key press does to the line: nil while typing goes on, the line at Enter, `.cancel`'s
  /// nil wrapped as `.some(nil)`.
  mutating func apply(_ key: Key) -> String?? {
    switch key {
    case .character(let character):
      characters.insert(character, at: cursor)
      cursor += 1
    case .left: cursor = max(0, cursor - 1)
    case .right: cursor = min(characters.count, cursor + 1)
    case .home: cursor = 0
    case .end: cursor = characters.count
    case .backspace:
      guard cursor > 0 else { break }
      characters.remove(at: cursor - 1)
      cursor -= 1
    case .delete:
      if cursor < characters.count { characters.remove(at: cursor) }
    case .killToStart:
      characters.removeSubrange(0..<cursor)
      cursor = 0
    case .killToEnd:
      characters.removeSubrange(cursor...)
    case .killWord:
      var start = cursor
      while start > 0, characters[start - 1] == " " { start -= 1 }
      while start > 0, characters[start - 1] != " " { start -= 1 }
      characters.removeSubrange(start..<cursor)
      cursor = start
    case .enter: return .some(text)
    case .cancel: return .some(nil)
    case .ignored: break
    }
    return nil
  }

  /// The keys `bytes` (as a terminal in raw mode sends them) stand for, and how many bytes a key
  /// still being received at the end needs: an escape sequence or a UTF-8 character cut by a read.
  static func keys(in bytes: [UInt8], lineIsEmpty: Bool = false) -> (keys: [Key], consumed: Int) {
    var keys: [Key] = []
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      switch byte {
      case 0x0D, 0x0A: keys.append(.enter)
      case 0x01: keys.append(.home)
      case 0x05: keys.append(.end)
      case 0x02: keys.append(.left)
      case 0x06: keys.append(.right)
      case 0x08, 0x7F: keys.append(.backspace)
      case 0x15: keys.append(.killToStart)
      case 0x0B: keys.append(.killToEnd)
      case 0x17: keys.append(.killWord)
      case 0x03: keys.append(.cancel)
      case 0x04: keys.append(lineIsEmpty && keys.isEmpty ? .cancel : .delete)
      case 0x1B:
        // ESC [ or ESC O, then parameters, then a final byte (0x40...0x7E).
        guard index + 1 < bytes.count else { return (keys, index) }
        guard bytes[index + 1] == UInt8(ascii: "[") || bytes[index + 1] == UInt8(ascii: "O") else {
          keys.append(.ignored)
          index += 2
          continue
        }
        var end = index + 2
        while end < bytes.count, !(0x40...0x7E).contains(bytes[end]) { end += 1 }
        guard end < bytes.count else { return (keys, index) }
        let parameters = String(decoding: bytes[(index + 2)..<end], as: UTF8.self)
        switch (bytes[end], parameters) {
        case (UInt8(ascii: "D"), _): keys.append(.left)
        case (UInt8(ascii: "C"), _): keys.append(.right)
        case (UInt8(ascii: "H"), _), (UInt8(ascii: "~"), "1"), (UInt8(ascii: "~"), "7"): keys.append(.home)
        case (UInt8(ascii: "F"), _), (UInt8(ascii: "~"), "4"), (UInt8(ascii: "~"), "8"): keys.append(.end)
        case (UInt8(ascii: "~"), "3"): keys.append(.delete)
        default: keys.append(.ignored)
        }
        index = end + 1
        continue
      case 0x00..<0x20: keys.append(.ignored)
      default:
        let length = byte < 0x80 ? 1 : byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
        guard index + length <= bytes.count else { return (keys, index) }
        let text = String(decoding: bytes[index..<(index + length)], as: UTF8.self)
        for character in text { keys.append(.character(character)) }
        index += length
        continue
      }
      index += 1
    }
    return (keys, index)
  }
}

/// A strict little HTML tokenizer for the report's own output: checks that every element is
/// closed in order, every attribute value is double-quoted and free of `<`, and text holds no
/// raw `<`, `>` or stray `&`. It is stricter than HTML requires, which is the point.
struct HTMLChecker {
  struct Tag: Equatable {
    var name: String
    var attributes: [String: String]
  }

  static let voidElements: Set = ["meta", "br", "input", "link", "img", "hr"]

  private(set) var tags: [Tag] = []
  private(set) var problems: [String] = []
  /// The contents of each raw-text element (`script`, `style`), in order.
  private(set) var rawTexts: [(name: String, text: String)] = []

  init(_ html: String) {
    let scalars = Array(html.unicodeScalars)
    var stack: [String] = []
    var index = 0
    func starts(with text: String, at position: Int) -> Bool {
      let pattern = Array(text.unicodeScalars)
      guard position + pattern.count <= scalars.count else { return false }
      return Array(scalars[position..<(position + pattern.count)]) == pattern
    }
    func find(_ text: String, from position: Int) -> Int? {
      var cursor = position
      while cursor < scalars.count {
        if starts(with: text, at: cursor) { return cursor }
        cursor += 1
      }
      return nil
    }
    func isNameScalar(_ scalar: Unicode.Scalar) -> Bool {
      ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "-"
        || scalar == ":"
    }
    while index < scalars.count {
      let scalar = scalars[index]
      if scalar == "&" {
        var cursor = index + 1
        while cursor < scalars.count, cursor - index < 10, isNameScalar(scalars[cursor]) || scalars[cursor] == "#" {
          cursor += 1
        }
        if cursor >= scalars.count || scalars[cursor] != ";" || cursor == index + 1 {
          problems.append("stray & at \(index)")
        }
        index += 1
        continue
      }
      if scalar == ">" {
        problems.append("raw > in text at \(index)")
        index += 1
        continue
      }
      guard scalar == "<" else {
        index += 1
        continue
      }
      if starts(with: "<!--", at: index) {
        index = (find("-->", from: index) ?? scalars.count) + 3
        continue
      }
      if starts(with: "<!", at: index) {
        index = (find(">", from: index) ?? scalars.count) + 1
        continue
      }
      if starts(with: "</", at: index) {
        var cursor = index + 2
        var name = ""
        while cursor < scalars.count, isNameScalar(scalars[cursor]) {
          name.unicodeScalars.append(scalars[cursor])
          cursor += 1
        }
        guard cursor < scalars.count, scalars[cursor] == ">" else {
          problems.append("malformed closing tag at \(index)")
          index = cursor
          continue
        }
        if stack.last == name {
          stack.removeLast()
        } else {
          problems.append("</\(name)> at \(index) closes <\(stack.last ?? "nothing")>")
        }
        index = cursor + 1
        continue
      }
      var cursor = index + 1
      var name = ""
      while cursor < scalars.count, isNameScalar(scalars[cursor]) {
        name.unicodeScalars.append(scalars[cursor])
        cursor += 1
      }
      guard !name.isEmpty else {
        problems.append("raw < in text at \(index)")
        index += 1
        continue
      }
      var attributes: [String: String] = [:]
      var selfClosing = false
      var closed = false
      while cursor < scalars.count {
        while cursor < scalars.count, scalars[cursor] == " " || scalars[cursor] == "\n" { cursor += 1 }
        guard cursor < scalars.count else { break }
        if scalars[cursor] == ">" {
          closed = true
          cursor += 1
          break
        }
        if starts(with: "/>", at: cursor) {
          selfClosing = true
          closed = true
          cursor += 2
          break
        }
        var attribute = ""
        while cursor < scalars.count, isNameScalar(scalars[cursor]) {
          attribute.unicodeScalars.append(scalars[cursor])
          cursor += 1
        }
        guard !attribute.isEmpty, cursor + 1 < scalars.count, scalars[cursor] == "=", scalars[cursor + 1] == "\""
        else {
          problems.append("malformed attribute in <\(name)> at \(cursor)")
          break
        }
        guard let end = find("\"", from: cursor + 2) else { break }
        var value = ""
        value.unicodeScalars.append(contentsOf: scalars[(cursor + 2)..<end])
        if value.contains("<") { problems.append("< inside attribute \(attribute) of <\(name)>") }
        if attributes[attribute] != nil { problems.append("attribute \(attribute) twice in <\(name)>") }
        attributes[attribute] = value
        cursor = end + 1
      }
      guard closed else {
        problems.append("unterminated <\(name)> at \(index)")
        break
      }
      tags.append(Tag(name: name, attributes: attributes))
      if name == "script" || name == "style" {
        guard let end = find("</\(name)>", from: cursor) else {
          problems.append("unterminated <\(name)>")
          break
        }
        var text = ""
        text.unicodeScalars.append(contentsOf: scalars[cursor..<end])
        rawTexts.append((name, text))
        index = end + name.unicodeScalars.count + 3
        continue
      }
      if !selfClosing, !Self.voidElements.contains(name) { stack.append(name) }
      index = cursor
    }
    for name in stack.reversed() { problems.append("<\(name)> never closed") }
  }
}

/// Turns the author strings pages give ("By Jane Doe and John Roe", "TOM KRISHER, AP Auto
/// Writer", "Bryan DeArdo @BryanDeArdo Nov 18, 2019 at 9:24 pm ET") into people's names.
enum AuthorNames {
  /// Words of a job title or an affiliation after a comma ("Jane Doe, Staff Reporter").
  static let affiliationWords: Set<String> = [
    "writer", "reporter", "editor", "correspondent", "staff", "contributor", "columnist", "press", "news",
    "business", "media", "times", "post", "bureau", "agency", "service", "associated", "digital", "producer",
    "analyst", "chief", "senior", "editor-at-large", "journalist", "photographer", "insider", "for", "at",
    "special", "guest", "team", "desk",
  ]

  static let months: Set<String> = [
    "jan", "january", "feb", "february", "mar", "march", "apr", "april", "may", "jun", "june", "jul", "july",
    "aug", "august", "sep", "sept", "september", "oct", "october", "nov", "november", "dec", "december",
  ]

  /// The names in one author string.
  static func split(_ text: String) -> [String] {
    var text = stripLabel(text)
    // What follows a handle, a bullet or a date is never part of a name.
    text = cut(text)
    var parts = [text]
    for separator in [" and ", " & ", " und ", " y ", " e ", ";", "|", " / "] {
      parts = parts.flatMap { $0.pieces(separatedBy: separator) }
    }
    parts = parts.flatMap(splitCommas)
    return parts.compactMap(clean)
  }

  /// "By Jane Doe", "Analysis by Jane Doe", "Text: Jane Doe" lose their label.
  private static func stripLabel(_ text: String) -> String {
    let words = text.split(separator: " ", omittingEmptySubsequences: true)
    if let by = words.prefix(3).firstIndex(where: { $0.lowercased() == "by" }), by < words.count - 1 {
      return words[(by + 1)...].joined(separator: " ")
    }
    if let first = words.first, first.hasSuffix(":"), words.count > 1, first.count <= 12 {
      return words.dropFirst().joined(separator: " ")
    }
    return text
  }

  /// Cuts at a handle (`@name`), a bullet or a date: "Bryan DeArdo @BryanDeArdo Nov 18".
  private static func cut(_ text: String) -> String {
    let words = text.split(separator: " ")
    var kept: [Substring] = []
    for (index, word) in words.enumerated() {
      if word.hasPrefix("@") || word == "•" || word == "|" || word.contains(where: \.isNumber) { break }
      let bare = word.lowercased().trimmingCharacters(in: ",.")
      if months.contains(bare), index + 1 < words.count, words[index + 1].contains(where: \.isNumber) { break }
      kept.append(word)
    }
    var result = kept.joined(separator: " ")
    while let last = result.last, last == "," || last == "-" || last == "–" || last == " " { result.removeLast() }
    return result
  }

  /// "Greg Roumeliotis, Joshua Franklin" is two people; "Jane Doe, Staff Reporter" is one, with
  /// her title; "Doe, Jane" is one.
  private static func splitCommas(_ text: String) -> [String] {
    let parts = text.split(separator: ",").map { String($0).trimmingCharacters(in: " ") }
    guard parts.count > 1 else { return [text] }
    let looksLikeNames = parts.allSatisfy { part in
      let words = part.split(separator: " ")
      return (2...4).contains(words.count)
        && !words.contains { affiliationWords.contains($0.lowercased()) }
    }
    return looksLikeNames ? parts : [parts[0]]
  }

  private static func clean(_ name: String) -> String? {
    let name = TextCleaner.collapseWhitespace(name).trimmingCharacters(in: " ,.;:-")
    let words = name.split(separator: " ")
    guard !words.isEmpty, words.count <= 6, name.count <= 80, !MetadataResolver.isAddress(name),
      name.contains(where: \.isLetter)
    else { return nil }
    return name
  }

  static func unique(_ names: [String]) -> [String] {
    var seen: Set<String> = []
    return names.filter { seen.insert($0.lowercased()).inserted }
  }
}

extension StringProtocol {
  /// The text without leading and trailing characters from `set`.
  func trimmingCharacters(in set: String) -> String {
    let characters = Set(set)
    guard let first = firstIndex(where: { !characters.contains($0) }) else { return "" }
    guard let last = lastIndex(where: { !characters.contains($0) }) else { return "" }
    return String(self[first...last])
  }
}

extension String {
  /// The pieces between occurrences of `separator` (the whole string when it does not occur).
  func pieces(separatedBy separator: String) -> [String] {
    guard !separator.isEmpty else { return [self] }
    var parts: [String] = []
    var rest = self[...]
    while let range = rest.firstRange(of: separator) {
      parts.append(String(rest[..<range.lowerBound]))
      rest = rest[range.upperBound...]
    }
    parts.append(String(rest))
    return parts
  }
}

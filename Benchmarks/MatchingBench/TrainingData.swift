/// The CheckThat! 2020 files: tweets as TSV (id, text; fields may be quoted CSV-style, `""` inside
/// for a quote) and relevance judgements (`tweet-id 0 vclaim-id 1`).
enum TrainingData {
  /// (id, text) pairs in file order, header skipped.
  static func queries(_ bytes: [UInt8]) -> [(String, String)] {
    var records: [[String]] = []
    var fields: [String] = []
    var field: [UInt8] = []
    var quoted = false
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      if quoted {
        if byte == UInt8(ascii: "\"") {
          if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\"") {
            field.append(byte)
            index += 1
          } else {
            quoted = false
          }
        } else {
          field.append(byte)
        }
      } else if byte == UInt8(ascii: "\"") && field.isEmpty {
        quoted = true
      } else if byte == UInt8(ascii: "\t") {
        fields.append(String(decoding: field, as: UTF8.self))
        field = []
      } else if byte == UInt8(ascii: "\n") {
        fields.append(String(decoding: field, as: UTF8.self))
        records.append(fields)
        fields = []
        field = []
      } else if byte != UInt8(ascii: "\r") {
        field.append(byte)
      }
      index += 1
    }
    if !field.isEmpty || !fields.isEmpty {
      fields.append(String(decoding: field, as: UTF8.self))
      records.append(fields)
    }
    return records.dropFirst().compactMap { $0.count >= 2 ? ($0[0], $0[1]) : nil }
  }

  /// The relevant vclaim ids of each tweet.
  static func relevance(_ bytes: [UInt8]) -> [String: Set<String>] {
    var relevant: [String: Set<String>] = [:]
    for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n") {
      let parts = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
      guard parts.count >= 4, parts[3] != "0" else { continue }
      relevant[String(parts[0]), default: []].insert(String(parts[2]))
    }
    return relevant
  }

  /// A fact-check url's vclaim id: its last path component.
  static func documentID(of url: String) -> String {
    String(url.split(separator: "/").last ?? Substring(url))
  }
}

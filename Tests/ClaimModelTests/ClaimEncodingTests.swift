import Testing

@testable import ClaimModel

/// A claim streams its own record (``Claim/encoded()``); it must be byte for byte what the
/// canonical writer makes of its ``Claim/json``, whatever the text holds.
@Suite struct ClaimEncodingTests {
  /// Texts with every kind of character the writer escapes or copies, at every offset within an
  /// eight-byte word, and text long enough for the buffer to matter.
  static let texts: [String] = {
    let specials = [
      "\"", "\\", "\n", "\r", "\t", "\u{08}", "\u{0C}", "\u{01}", "\u{1F}", "\u{7F}", "\u{80}", "\u{85}", "\u{9B}",
      "\u{9F}", "\u{A0}", "é", "\u{2028}", "\u{2029}", "\u{202A}", "\u{202E}", "\u{202F}", "\u{2066}", "\u{2069}",
      "\u{206A}", "—", "👩‍👩‍👧", "/", " ",
    ]
    var texts = ["", "Plain sentence.", String(repeating: "Long and plain. ", count: 300)]
    for special in specials {
      for offset in 0..<10 {
        texts.append(String(repeating: "a", count: offset) + special + "tail of the text")
      }
    }
    texts.append(specials.joined())
    return texts
  }()

  private func claim(text: String, index: Int) throws -> Claim {
    Claim(
      id: try #require(ClaimID(String(format(index)))), source: try #require(SourceID("storm")), ordinal: index + 1,
      kind: ClaimKind.allCases[index % ClaimKind.allCases.count], text: text, start: index * 3,
      end: index * 3 + text.unicodeScalars.count,
      selector: QuoteSelector(exact: text, prefix: String(text.reversed()), suffix: "after \(text)"),
      supersedes: index % 3 == 0 ? [] : [try #require(ClaimID("abcdef0123")), try #require(ClaimID("0000000001"))],
      isRetired: index % 2 == 1)
  }

  private func format(_ index: Int) -> String {
    let digits = String(index, radix: 16)
    return String(repeating: "0", count: 10 - digits.count) + digits
  }

  @Test func aClaimStreamsTheBytesOfItsJSONValue() throws {
    for (index, text) in Self.texts.enumerated() {
      let claim = try claim(text: text, index: index)
      #expect(claim.encoded() == JSONWriter.canonicalBytes(of: claim.json), "text \(index)")
      #expect(try Claim(decoding: claim.encoded()) == claim)
    }
  }

  @Test func theRecordProtocolReachesTheStreamedEncoding() throws {
    func encodedAsRecord(_ record: some LedgerRecord) -> [UInt8] { record.encoded() }
    let claim = try claim(text: "Through the protocol.", index: 4)
    #expect(encodedAsRecord(claim) == JSONWriter.canonicalBytes(of: claim.json))
  }
}

/// The writer's eight-bytes-at-a-time scan must escape exactly what a character-by-character
/// writer escapes.
@Suite struct JSONEscapingTests {
  /// The escaping rule of ``JSONWriter``, one scalar at a time.
  private func referenceQuoted(_ text: String) -> String {
    var result = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": result += "\\\""
      case "\\": result += "\\\\"
      case "\n": result += "\\n"
      case "\r": result += "\\r"
      case "\t": result += "\\t"
      case "\u{08}": result += "\\b"
      case "\u{0C}": result += "\\f"
      case "\u{00}"..."\u{1F}", "\u{7F}"..."\u{9F}", "\u{2028}"..."\u{202E}", "\u{2066}"..."\u{2069}":
        let hex = String(scalar.value, radix: 16)
        result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result + "\""
  }

  @Test func escapesWhatACharacterByCharacterWriterEscapes() {
    for text in ClaimEncodingTests.texts {
      #expect(JSONWriter.compactText(of: .string(text)) == referenceQuoted(text))
    }
    // Every single scalar up to U+2100, and the bidi controls, alone and between plain bytes.
    for value in Array(0..<0x2100) + Array(0x2000..<0x2070) {
      guard let scalar = Unicode.Scalar(UInt32(value)) else { continue }
      let text = "abcdefg" + String(Character(scalar)) + "hijklmnopq"
      #expect(JSONWriter.compactText(of: .string(text)) == referenceQuoted(text))
    }
  }

  @Test func parsesBackWhatItWrote() throws {
    for text in ClaimEncodingTests.texts {
      #expect(try JSONParser.parse(JSONWriter.compactText(of: .string(text))) == .string(text))
      let object: JSONValue = .object([text: .string(text)])
      #expect(try JSONParser.parse(JSONWriter.canonicalBytes(of: object)) == object)
    }
  }

  @Test func theParserRefusesARawControlCharacterOrBadUTF8AtAnyOffset() throws {
    for offset in 0..<17 {
      let plain = [UInt8](repeating: UInt8(ascii: "a"), count: offset)
      for bad: [UInt8] in [[0x01], [0x0A], [0x1F], [0xFF], [0xC3]] {
        let document = [0x22] + plain + bad + Array("tail of it".utf8) + [0x22]
        #expect(throws: JSONParseError.self) { try JSONParser.parse(document) }
      }
      let good = [0x22] + plain + Array(#"é\\ \" \#u{7F} and more"#.utf8) + [0x22]
      #expect(try JSONParser.parse(good) == .string(String(repeating: "a", count: offset) + "é\\ \" \u{7F} and more"))
    }
  }
}

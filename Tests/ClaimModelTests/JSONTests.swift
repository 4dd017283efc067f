import Testing

@testable import ClaimModel

@Suite struct JSONWriterTests {
  @Test func writesThePythonCanonicalLayout() {
    // Expected text produced by: json.dumps(value, indent=2, sort_keys=True, ensure_ascii=False)
    let value: JSONValue = .object([
      "b": .array([1, .object(["z": .null, "a": .string("x\"\\\n\u{01}é")])]),
      "a": .object([:]),
      "c": .array([]),
      "d": true,
    ])
    let expected = """
      {
        "a": {},
        "b": [
          1,
          {
            "a": "x\\"\\\\\\n\\u0001é",
            "z": null
          }
        ],
        "c": [],
        "d": true
      }

      """
    #expect(JSONWriter.canonicalText(of: value) == expected)
  }

  @Test func sortsKeysByCodePoint() {
    let value: JSONValue = .object(["é": 1, "z": 2, "Z": 3, "a": 4])
    #expect(JSONWriter.compactText(of: value) == #"{"Z":3,"a":4,"z":2,"é":1}"#)
  }

  @Test func roundTripsThroughTheParser() throws {
    let value: JSONValue = .object([
      "text": "tab\there, quote \" and emoji 👩‍👩‍👧", "n": -12, "x": .double(2.5), "list": .array([.null, false]),
    ])
    #expect(try JSONParser.parse(JSONWriter.canonicalText(of: value)) == value)
  }

  @Test func writesCharactersATerminalWouldActOnAsEscapes() throws {
    let text = "csi \u{9B}31m, del \u{7F}, nel \u{85}, ls \u{2028}, rlo \u{202E}, fsi \u{2068}, é ‘ok’ — …"
    let written = JSONWriter.compactText(of: .string(text))
    #expect(
      written
        == #""csi \u009b31m, del \u007f, nel \u0085, ls \u2028, rlo \u202e, fsi \u2068, é ‘ok’ — …""#)
    #expect(try JSONParser.parse(written) == .string(text))
  }
}

@Suite struct JSONParserTests {
  @Test func parsesEscapesAndSurrogatePairs() throws {
    let parsed = try JSONParser.parse(#"{"a": "\u00e9\ud83d\ude00\n\/"}"#)
    #expect(parsed == .object(["a": "é😀\n/"]))
  }

  @Test func parsesNumbers() throws {
    #expect(
      try JSONParser.parse("[0, -7, 1.5, 2e3, 9223372036854775807]")
        == .array([0, -7, .double(1.5), .double(2000), .integer(Int.max)]))
  }

  @Test(arguments: [
    ("", "unexpected end of input"),
    ("{", "expected a string key"),
    ("[1,]", "unexpected character"),
    (#"{"a":1,"a":2}"#, "duplicate key 'a'"),
    ("01", "unexpected text after the value"),
    (#""\ud800""#, "unpaired surrogate in \\u escape"),
    ("1e999", "number out of range"),
    ("nul", "unexpected end of input"),
    ("\"a\u{01}\"", "control character in string"),
    ("[1] x", "unexpected text after the value"),
  ])
  func refusesMalformedInput(text: String, reason: String) {
    #expect(throws: JSONParseError.self) { try JSONParser.parse(text) }
    do {
      _ = try JSONParser.parse(text)
    } catch {
      #expect(error.reason == reason)
    }
  }

  @Test func refusesInvalidUTF8InStrings() {
    let bytes: [UInt8] = [0x22, 0xFF, 0xFE, 0x22]
    #expect(throws: JSONParseError.self) { try JSONParser.parse(bytes) }
  }

  @Test func limitsNestingDepthWithoutCrashing() throws {
    let allowed =
      String(repeating: "[", count: JSONParser.maximumDepth) + String(repeating: "]", count: JSONParser.maximumDepth)
    _ = try JSONParser.parse(allowed)
    let hostile = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
    #expect(throws: JSONParseError.self) { try JSONParser.parse(hostile) }
  }
}

@Suite struct JSONStreamWriterTests {
  @Test func writesWhatTheCanonicalWriterWrites() {
    var writer = JSONStreamWriter()
    writer.beginObject()
    writer.key("a")
    writer.beginObject()
    writer.endObject()
    writer.key("b")
    writer.beginArray()
    writer.integer(1)
    writer.beginObject()
    writer.key("a")
    writer.string("x\"\\\n\u{01}é")
    writer.key("z")
    writer.string(nil)
    writer.endObject()
    writer.endArray()
    writer.key("c")
    writer.beginArray()
    writer.endArray()
    writer.key("d")
    writer.bool(true)
    writer.key(named: "e\u{7F}\"")
    writer.double(0.5)
    writer.key(named: "f")
    writer.integer(-1_234_567_890_123)
    writer.endObject()
    let value: JSONValue = .object([
      "b": .array([1, .object(["z": .null, "a": .string("x\"\\\n\u{01}é")])]), "a": .object([:]), "c": .array([]),
      "d": true, "e\u{7F}\"": .double(0.5), "f": .integer(-1_234_567_890_123),
    ])
    #expect(writer.bytes + [0x0A] == JSONWriter.canonicalBytes(of: value))
  }

  @Test func writesAPieceOfADocumentAtItsDepth() {
    var writer = JSONStreamWriter(depth: 2)
    writer.beginObject()
    writer.key("id")
    writer.integer(7)
    writer.key("tags")
    writer.value(.array(["x"]))
    writer.endObject()
    #expect(
      String(decoding: writer.bytes, as: UTF8.self)
        == "{\n      \"id\": 7,\n      \"tags\": [\n        \"x\"\n      ]\n    }")
  }

  @Test func indentsDeepNestingAndCopiesOnWrite() {
    func nested(_ depth: Int) -> JSONValue { depth == 0 ? 1 : .array([nested(depth - 1)]) }
    func spaces(_ level: Int) -> String { String(repeating: "  ", count: level) }
    let depth = 40
    let expected =
      (0..<depth).map { spaces($0) + "[" }.joined(separator: "\n") + "\n" + spaces(depth) + "1\n"
      + (0..<depth).reversed().map { spaces($0) + "]" }.joined(separator: "\n") + "\n"
    #expect(JSONWriter.canonicalText(of: nested(depth)) == expected)

    var first = JSONStreamWriter()
    first.beginArray()
    var second = first
    second.integer(2)
    second.endArray()
    first.integer(1)
    first.endArray()
    #expect(String(decoding: first.bytes, as: UTF8.self) == "[\n  1\n]")
    #expect(String(decoding: second.bytes, as: UTF8.self) == "[\n  2\n]")
  }

  @Test func readsShortAndLongIntegersAlike() throws {
    #expect(
      try JSONParser.parse("[-0, 123456789012345678, -12345678901234567, -9223372036854775808, 1e2]")
        == .array([0, 123_456_789_012_345_678, -12_345_678_901_234_567, .integer(Int.min), .double(100)]))
  }
}

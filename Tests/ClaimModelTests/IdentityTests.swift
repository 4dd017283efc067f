import Testing

@testable import ClaimModel

@Suite struct HashAndIDTests {
  @Test func sha256MatchesKnownVectors() {
    #expect(
      SHA256.hexDigest(of: Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    #expect(SHA256.hexDigest(of: []) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    #expect(
      SHA256.hexDigest(of: [UInt8](repeating: UInt8(ascii: "a"), count: 1000))
        == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
  }

  /// Around the padding's edge cases (the length's room in the last block) and whole blocks;
  /// expected digests from Python's `hashlib.sha256(bytes((i * 7 + 3) % 256 for i in range(n)))`.
  @Test(arguments: [
    (55, "e7313d333c272e639f790978283f9eb392e843d0f29b7016828bb1daa4aac70b"),
    (56, "4324d65f3c103567f5589c710bc08f8523f929a9272e3af36fc968e52abc6c27"),
    (57, "35df609437dcfea3279283ab79fd554e2bf78f8f7ae2de532d8ee300b09e8f73"),
    (63, "81c80242132f230c3bd41b3e63bbcff16107339549214a99614ff26664625055"),
    (64, "39e3d7b6b5d075d37d053ad89b24b41bef4f3c29760c84447cab3f3be1882241"),
    (65, "aacca6ff74fdbb296d165a45cecfa04e5127bc008770fbbdd48006f2d2fae95e"),
    (119, "9ce7368e4daf32341631b492e80359dc9f594b48453cd0dd5bf0b19279cc177e"),
    (120, "7836b787757e95e58b3ca5aec90b1b004e8deba1e50e9675af9cabf1a13a04b5"),
    (128, "d2742f1f4ac6bb7ca2b239ee18402ba8b3f9f8e652d2a72973c2b9ba11c08cf6"),
  ])
  func sha256PadsEveryTailLengthAtOnceAndInPieces(length: Int, expected: String) {
    let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 * 7 + 3) }
    #expect(SHA256.hexDigest(of: bytes) == expected)
    for pieceLength in [1, 5, 63, 64] {
      var hasher = SHA256()
      for start in stride(from: 0, to: length, by: pieceLength) {
        hasher.update(Array(bytes[start..<min(length, start + pieceLength)]))
      }
      #expect(SHA256.hex(hasher.finalize()) == expected)
    }
    #expect(SHA256.hex(Array(repeating: 0xAB, count: 3), digits: 5) == "ababa")
  }

  @Test func claimIDIsDerivedFromSourceTextAndOccurrenceOnly() throws {
    let source = try #require(SourceID("peru"))
    // hashlib.sha256(b'claims-id-v1\0peru\0Hello world.\0' + b'0').hexdigest()[:10]
    #expect(ClaimID.derive(source: source, normalizedText: "Hello world.", occurrence: 0).rawValue == "6d432ebe5a")
    let other = try #require(SourceID("other"))
    #expect(ClaimID.derive(source: other, normalizedText: "Hello world.", occurrence: 0).rawValue != "6d432ebe5a")
    #expect(ClaimID.derive(source: source, normalizedText: "Hello world.", occurrence: 1).rawValue != "6d432ebe5a")
    #expect(
      ClaimID.derive(source: source, normalizedText: "Hello world.", occurrence: 0, salt: 1).rawValue != "6d432ebe5a")
  }

  @Test(arguments: ["abcdef0123", "0000000000"]) func acceptsWellFormedClaimIDs(text: String) {
    #expect(ClaimID(text) != nil)
  }

  @Test(arguments: ["ABCDEF0123", "abcdef012", "abcdef01234", "abcdefg123", "../../etc/", ""])
  func refusesMalformedClaimIDs(text: String) {
    #expect(ClaimID(text) == nil)
  }

  @Test(arguments: ["peru", "peru-2024.v2", "a_b", "0"]) func acceptsSourceIDs(text: String) {
    #expect(SourceID(text) != nil)
  }

  @Test(arguments: [
    "", "../x", "a/b", "-x", ".hidden", "a..b", "Peru", "a\u{0}b", "a\nb", String(repeating: "a", count: 65),
  ])
  func refusesUnsafeSourceIDs(text: String) {
    #expect(SourceID(text) == nil)
  }

  @Test func slugsFileNames() {
    #expect(SourceID.slug(fromFileName: "002_e79ad1ab3cf49ab3.txt")?.rawValue == "002_e79ad1ab3cf49ab3")
    #expect(SourceID.slug(fromFileName: "Peru Fujimori (final).TXT")?.rawValue == "peru-fujimori-final")
    #expect(SourceID.slug(fromFileName: "---.txt") == nil)
    #expect(SourceID.slug(fromFileName: "Café.txt")?.rawValue == "cafe")
    #expect(SourceID.slug(fromFileName: "Ünïcode Réport.txt")?.rawValue == "unicode-report")
    #expect(SourceID.slug(fromFileName: "Søren Ærø.txt")?.rawValue == "soren-ro")
    #expect(SourceID.slug(fromFileName: "日本語.txt") == nil)
  }

  @Test func slugsHeadlines() {
    #expect(SourceID.slug(fromTitle: "U.S. economy grew 2.5% in March")?.rawValue == "u-s-economy-grew-2-5-in-march")
    #expect(
      SourceID.slug(fromTitle: "Council extends night buses to the northern suburbs after years of requests")?.rawValue
        == "council-extends-night-buses-to-the-northern")
    #expect(SourceID.slug(fromTitle: String(repeating: "a", count: 70))?.rawValue == String(repeating: "a", count: 48))
    #expect(SourceID.slug(fromTitle: "“¿?”") == nil)
  }
}

@Suite struct IdentityTests {
  @Test func parsesNameAndEmail() throws {
    let identity = try #require(Identity(parsing: "  Ada Lovelace <Ada@Example.org> "))
    #expect(identity.name == "Ada Lovelace")
    #expect(identity.email == "Ada@Example.org")
    #expect(identity.key == "ada@example.org")
    #expect(identity.fileSlug == "ada@example.org")
    #expect(identity.description == "Ada Lovelace <Ada@Example.org>")
  }

  @Test func bareNamesGetAPlaceholderSignatureAddress() throws {
    let identity = try #require(Identity(parsing: "example-reviewer-a"))
    #expect(identity.fileSlug == "example-reviewer-a")
    #expect(identity.signatureEmail == "example-reviewer-a@claims.invalid")
    #expect(identity.description == "example-reviewer-a")
  }

  @Test(arguments: [
    "../../etc/passwd", "a/b", "..", ".", "Ünïcode Name", "semi;colon", String(repeating: "x", count: 200),
  ])
  func fileSlugsAreAlwaysSafeFileNames(key: String) {
    let slug = Identity.fileSlug(forKey: key)
    #expect(!slug.isEmpty)
    #expect(!slug.contains("/"))
    #expect(!slug.hasPrefix("."))
    #expect(slug != "..")
    #expect(slug.utf8.count <= 64 + 9)
    #expect(slug.unicodeScalars.allSatisfy { $0.isASCII && $0.value > 0x20 })
  }

  @Test func lossySlugsOfDifferentIdentitiesDiffer() {
    #expect(Identity.fileSlug(forKey: "a/b") != Identity.fileSlug(forKey: "a:b"))
  }

  @Test(arguments: ["a\u{0}b", "line\nbreak", "esc\u{1B}[31m", "<>"])
  func refusesControlCharactersAndBrackets(text: String) {
    #expect(Identity(name: text, email: "x@example.org") == nil)
  }
}

@Suite struct DateTests {
  @Test func convertsTimestamps() throws {
    #expect(Timestamp(secondsSince1970: 1_732_449_600).text == "2024-11-24T12:00:00Z")
    #expect(Timestamp(secondsSince1970: -86_401).text == "1969-12-30T23:59:59Z")
    #expect(Timestamp(secondsSince1970: 951_782_400).text == "2000-02-29T00:00:00Z")
    let parsed = try #require(Timestamp("2024-11-24T12:00:00Z"))
    #expect(parsed.secondsSince1970 == 1_732_449_600)
  }

  @Test(arguments: ["2024", "2024-09", "2024-09-18", "2024-02-29", "2024-09-18T14:05:00Z"])
  func acceptsDates(text: String) {
    #expect(CalendarDate(text) != nil)
  }

  @Test(arguments: ["2023-02-29", "2024-13-01", "2024-9-1", "yesterday", "2024-09-18T25:00:00Z", ""])
  func refusesBadDates(text: String) {
    #expect(CalendarDate(text) == nil)
  }
}

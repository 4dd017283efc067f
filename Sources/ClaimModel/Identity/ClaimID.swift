/// A claim's short, stable id: ten lowercase hexadecimal digits.
///
/// Derived from the source id, the sentence's whitespace-normalised text and how many times that
/// same text occurred before it in the source, never from the whole article, so an edit elsewhere
/// in the article leaves every other sentence's id alone. Ten digits (40 bits) are short enough to
/// type and, with prefix lookup, rarely need typing in full; a collision is resolved at import by
/// deriving again with a salt.
public struct ClaimID: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// The number of hexadecimal digits in an id.
  public static let length = 10

  /// The id's text.
  public let rawValue: String

  /// Accepts exactly ten lowercase hexadecimal digits.
  public init?(_ text: String) {
    guard text.utf8.count == Self.length, text.utf8.allSatisfy(Self.isHexDigit) else { return nil }
    rawValue = text
  }

  /// Derives the id of a sentence.
  /// - Parameters:
  ///   - source: the source the sentence belongs to.
  ///   - normalizedText: the sentence with whitespace runs collapsed to single spaces.
  ///   - occurrence: 0 for the first sentence with this text in the source, 1 for the next, …
  ///   - salt: 0 normally; raised to step past a collision with an unrelated claim.
  public static func derive(source: SourceID, normalizedText: String, occurrence: Int, salt: Int = 0) -> ClaimID {
    // Built in one buffer and hashed in one call: an import derives ten thousand ids.
    var material: [UInt8] = []
    material.reserveCapacity(source.rawValue.utf8.count + normalizedText.utf8.count + 48)
    material.append(contentsOf: "claims-id-v1\u{0}".utf8)
    material.append(contentsOf: source.rawValue.utf8)
    material.append(0)
    material.append(contentsOf: normalizedText.utf8)
    material.append(0)
    material.append(contentsOf: String(occurrence).utf8)
    if salt > 0 { material.append(contentsOf: "\u{0}salt\(salt)".utf8) }
    let digest = material.withUnsafeBytes { SHA256.digest(of: $0) }
    return ClaimID(unchecked: SHA256.hex(digest, digits: length))
  }

  private init(unchecked rawValue: String) {
    self.rawValue = rawValue
  }

  /// Whether `text` could be the start of an id (a prefix a user typed).
  public static func isPlausiblePrefix(_ text: String) -> Bool {
    !text.isEmpty && text.utf8.count <= length && text.utf8.allSatisfy(isHexDigit)
  }

  private static func isHexDigit(_ byte: UInt8) -> Bool {
    (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "f"))
  }

  public var description: String { rawValue }

  public static func < (lhs: ClaimID, rhs: ClaimID) -> Bool { lhs.rawValue < rhs.rawValue }
}

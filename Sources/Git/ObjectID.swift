internal import CLibGit2

/// The SHA-1 name of a git object.
public struct ObjectID: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// The 20 bytes of the hash.
  public let bytes: [UInt8]

  /// The all-zero id, which git uses for "no object".
  public static let zero = ObjectID(bytes: [UInt8](repeating: 0, count: 20))

  private init(bytes: [UInt8]) {
    self.bytes = bytes
  }

  /// Parses 40 hexadecimal digits.
  public init?(hex: String) {
    guard hex.utf8.count == 40 else { return nil }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(20)
    var high: UInt8?
    for byte in hex.utf8 {
      let nibble: UInt8
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): nibble = byte - UInt8(ascii: "0")
      case UInt8(ascii: "a")...UInt8(ascii: "f"): nibble = byte - UInt8(ascii: "a") + 10
      case UInt8(ascii: "A")...UInt8(ascii: "F"): nibble = byte - UInt8(ascii: "A") + 10
      default: return nil
      }
      if let pending = high {
        bytes.append(pending << 4 | nibble)
        high = nil
      } else {
        high = nibble
      }
    }
    self.bytes = bytes
  }

  init(_ oid: git_oid) {
    var oid = oid
    bytes = withUnsafeBytes(of: &oid.id) { Array($0) }
  }

  init(_ pointer: UnsafePointer<git_oid>) {
    self.init(pointer.pointee)
  }

  var oid: git_oid {
    var oid = git_oid()
    withUnsafeMutableBytes(of: &oid.id) { raw in
      for (index, byte) in bytes.enumerated() { raw[index] = byte }
    }
    return oid
  }

  /// The 40 hexadecimal digits.
  public var hex: String {
    let digits: [UInt8] = Array("0123456789abcdef".utf8)
    var text: [UInt8] = []
    text.reserveCapacity(40)
    for byte in bytes {
      text.append(digits[Int(byte >> 4)])
      text.append(digits[Int(byte & 0xF)])
    }
    return String(decoding: text, as: UTF8.self)
  }

  /// The first seven digits, as git abbreviates.
  public var short: String { String(hex.prefix(7)) }

  public var isZero: Bool { bytes.allSatisfy { $0 == 0 } }

  public var description: String { hex }

  public static func < (lhs: ObjectID, rhs: ObjectID) -> Bool { lhs.bytes.lexicographicallyPrecedes(rhs.bytes) }
}

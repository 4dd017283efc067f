internal import CLibGit2

/// The SHA-1 name of a git object. Stored inline (no heap allocation), since a large ledger has
/// hundreds of thousands of them.
public struct ObjectID: Hashable, Comparable, Sendable, CustomStringConvertible {
  private var high: UInt64
  private var middle: UInt64
  private var low: UInt32

  /// The all-zero id, which git uses for "no object".
  public static let zero = ObjectID(high: 0, middle: 0, low: 0)

  private init(high: UInt64, middle: UInt64, low: UInt32) {
    self.high = high
    self.middle = middle
    self.low = low
  }

  /// Takes 20 raw bytes; nil for any other count.
  public init?(bytes: [UInt8]) {
    guard bytes.count == 20 else { return nil }
    self.init(raw: bytes)
  }

  private init(raw bytes: some Collection<UInt8>) {
    var high: UInt64 = 0
    var middle: UInt64 = 0
    var low: UInt32 = 0
    for (index, byte) in bytes.enumerated() {
      switch index {
      case 0..<8: high = high << 8 | UInt64(byte)
      case 8..<16: middle = middle << 8 | UInt64(byte)
      default: low = low << 8 | UInt32(byte)
      }
    }
    self.init(high: high, middle: middle, low: low)
  }

  /// Parses 40 hexadecimal digits.
  public init?(hex: String) {
    guard hex.utf8.count == 40 else { return nil }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(20)
    var pending: UInt8?
    for byte in hex.utf8 {
      let nibble: UInt8
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): nibble = byte - UInt8(ascii: "0")
      case UInt8(ascii: "a")...UInt8(ascii: "f"): nibble = byte - UInt8(ascii: "a") + 10
      case UInt8(ascii: "A")...UInt8(ascii: "F"): nibble = byte - UInt8(ascii: "A") + 10
      default: return nil
      }
      if let high = pending {
        bytes.append(high << 4 | nibble)
        pending = nil
      } else {
        pending = nibble
      }
    }
    self.init(raw: bytes)
  }

  init(_ oid: git_oid) {
    var oid = oid
    self = withUnsafeBytes(of: &oid.id) { ObjectID(raw: $0) }
  }

  init(_ pointer: UnsafePointer<git_oid>) {
    self.init(pointer.pointee)
  }

  var oid: git_oid {
    var oid = git_oid()
    let bytes = self.bytes
    withUnsafeMutableBytes(of: &oid.id) { raw in
      for (index, byte) in bytes.enumerated() { raw[index] = byte }
    }
    return oid
  }

  /// The 20 bytes of the hash.
  public var bytes: [UInt8] {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(20)
    for shift in stride(from: 56, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: high >> UInt64(shift))) }
    for shift in stride(from: 56, through: 0, by: -8) {
      bytes.append(UInt8(truncatingIfNeeded: middle >> UInt64(shift)))
    }
    for shift in stride(from: 24, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: low >> UInt32(shift))) }
    return bytes
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

  public var isZero: Bool { self == .zero }

  public var description: String { hex }

  public static func < (lhs: ObjectID, rhs: ObjectID) -> Bool {
    (lhs.high, lhs.middle, lhs.low) < (rhs.high, rhs.middle, rhs.low)
  }
}

/// Constants of git's index format (`gitformat-index(5)`), versions 2, 3 and 4, SHA-1 repositories.
enum IndexFormat {
  /// "DIRC".
  static let signature: UInt32 = 0x4449_5243
  static let headerSize = 12
  static let checksumSize = 20
  static let objectIDSize = 20
  /// From the start of an entry to its flags: ten 32-bit stat fields and the object name.
  static let flagsOffset = 60
  /// From the start of an entry to its path when it has no extended flags.
  static let pathOffset = 62
  static let modeOffset = 24

  static let assumeValidFlag: UInt16 = 0x8000
  static let extendedFlag: UInt16 = 0x4000
  static let stageMask: UInt16 = 0x3000
  static let nameMask: UInt16 = 0x0FFF

  /// The extended flags git defines (skip-worktree, intent-to-add); libgit2 writes only these.
  static let knownExtendedFlags: UInt16 = 0x6000

  static let regularFile: UInt32 = 0o100644
  static let executableFile: UInt32 = 0o100755
  static let symbolicLink: UInt32 = 0o120000
  static let gitlink: UInt32 = 0o160000

  /// The modes an index entry may have (libgit2's `valid_filemode`).
  static func isValidMode(_ mode: UInt32) -> Bool {
    mode == regularFile || mode == executableFile || mode == symbolicLink || mode == gitlink
  }

  /// libgit2 refuses paths longer than this in a version 4 index (`GIT_PATH_MAX`, with the NUL).
  static let longestCompressedPath = 4096
}

extension UnsafeRawPointer {
  @inline(__always) func bigEndianUInt32(at offset: Int) -> UInt32 {
    UInt32(bigEndian: loadUnaligned(fromByteOffset: offset, as: UInt32.self))
  }

  @inline(__always) func bigEndianUInt16(at offset: Int) -> UInt16 {
    UInt16(bigEndian: loadUnaligned(fromByteOffset: offset, as: UInt16.self))
  }
}

extension Array where Element == UInt8 {
  mutating func appendBigEndian(_ value: UInt32) {
    append(UInt8(value >> 24))
    append(UInt8(truncatingIfNeeded: value >> 16))
    append(UInt8(truncatingIfNeeded: value >> 8))
    append(UInt8(truncatingIfNeeded: value))
  }

  mutating func appendBigEndian(_ value: UInt16) {
    append(UInt8(value >> 8))
    append(UInt8(truncatingIfNeeded: value))
  }

  /// Appends `value` in ASCII decimal, as `printf("%d")` writes it.
  mutating func appendDecimal(_ value: Int) {
    if value < 0 { append(UInt8(ascii: "-")) }
    var magnitude = value.magnitude
    var digits: [UInt8] = []
    repeat {
      digits.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
      magnitude /= 10
    } while magnitude > 0
    append(contentsOf: digits.reversed())
  }
}

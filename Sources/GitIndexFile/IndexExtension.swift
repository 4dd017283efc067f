/// An extension of the index file: its signature and where it lies in the file.
struct IndexExtension: Equatable {
  /// The four signature bytes, e.g. "TREE".
  var signature: [UInt8]
  /// The whole extension: signature, size and data.
  var range: Range<Int>
  /// Its data alone.
  var dataRange: Range<Int>

  var name: String { String(decoding: signature, as: UTF8.self) }

  /// Whether git may ignore it: the signature starts with an uppercase letter.
  var isOptional: Bool { signature[0] >= UInt8(ascii: "A") && signature[0] <= UInt8(ascii: "Z") }

  static let cacheTree = Array("TREE".utf8)
  static let resolveUndo = Array("REUC".utf8)
  static let conflictNames = Array("NAME".utf8)

  /// Checks that libgit2 reads the resolve-undo data (`read_reuc`) and writes back the same bytes:
  /// a NUL-terminated path, three NUL-terminated octal modes as `%o` writes them, and an object
  /// name per mode that is not 0.
  static func validateResolveUndo(_ data: UnsafeRawBufferPointer) throws(IndexFileError) {
    var position = 0
    func unsupported(_ what: String) -> IndexFileError {
      IndexFileError(.unsupported, "the REUC extension holds \(what)")
    }
    while position < data.count {
      guard let pathEnd = data[position...].firstIndex(of: 0), pathEnd + 1 < data.count else {
        throw unsupported("a truncated path")
      }
      position = pathEnd + 1
      var modes: [Int] = []
      for _ in 0..<3 {
        guard let end = data[position...].firstIndex(of: 0), end + 1 < data.count else {
          throw unsupported("a truncated mode")
        }
        let digits = data[position..<end]
        guard !digits.isEmpty, digits.count <= 11, digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x37 }),
          digits.count == 1 || digits.first != 0x30
        else { throw unsupported("a mode libgit2 would write differently") }
        let mode = digits.reduce(0) { $0 * 8 + Int($1 - 0x30) }
        guard mode <= Int(UInt32.max) else { throw unsupported("a mode out of range") }
        modes.append(mode)
        position = end + 1
      }
      for mode in modes where mode != 0 {
        guard data.count - position >= IndexFormat.objectIDSize else { throw unsupported("a truncated object name") }
        position += IndexFormat.objectIDSize
      }
    }
  }

  /// Checks that the conflict-name data is whole (triples of NUL-terminated strings): libgit2
  /// (`read_conflict_names`) then writes back the same bytes.
  static func validateConflictNames(_ data: UnsafeRawBufferPointer) throws(IndexFileError) {
    var position = 0
    while position < data.count {
      for _ in 0..<3 {
        guard let end = data[position...].firstIndex(of: 0) else {
          throw IndexFileError(.corrupt, "the NAME extension holds a truncated name")
        }
        position = end + 1
      }
    }
  }
}

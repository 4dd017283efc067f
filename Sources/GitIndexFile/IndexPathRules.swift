/// Which paths are left to libgit2.
///
/// libgit2 refuses to read an index holding a path with a `.` or `..` component or one that names
/// `.git` (in any case, with the trailing dots and spaces or the `git~1` short name Windows
/// ignores, and with the Unicode characters HFS+ ignores when `core.protectHFS` is set), and
/// refuses to add one. An index this module reads must not hold such a path (libgit2 would fail
/// where this module would not); a path it adds must be one libgit2 accepts unchanged. Both checks
/// err on the side of libgit2: a path they cannot clear is left to it.
enum IndexPathRules {
  enum Verdict {
    case plain
    /// A component libgit2 might refuse.
    case suspicious
    /// A NUL inside the path.
    case containsNUL
  }

  /// Inspects the path of `length` bytes at `start`, eight bytes at a time (an index holds 200,000
  /// paths: a byte-by-byte scan was half the cost of reading it).
  @inline(__always) static func inspect(_ base: UnsafeRawPointer, _ start: Int, _ length: Int) -> Verdict {
    let end = start + length
    if startsSuspiciousComponent(base, start, end) { return .suspicious }
    var position = start
    while end - position >= 8 {
      let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: position, as: UInt64.self))
      if zeroBytes(word) != 0 { return .containsNUL }
      var slashes = zeroBytes(word ^ 0x2F2F_2F2F_2F2F_2F2F)
      while slashes != 0 {
        let slash = position + slashes.trailingZeroBitCount / 8
        if startsSuspiciousComponent(base, slash + 1, end) { return .suspicious }
        slashes &= slashes - 1
      }
      position += 8
    }
    while position < end {
      let byte = base.load(fromByteOffset: position, as: UInt8.self)
      if byte == 0 { return .containsNUL }
      if byte == UInt8(ascii: "/"), startsSuspiciousComponent(base, position + 1, end) { return .suspicious }
      position += 1
    }
    return .plain
  }

  /// Whether this path may go straight into the index: not empty, no empty, `.` or `..`
  /// component, no NUL, and nothing that could name `.git`.
  static func isPlainAddablePath(_ path: [UInt8]) -> Bool {
    guard !path.isEmpty, path.first != UInt8(ascii: "/"), path.last != UInt8(ascii: "/") else { return false }
    for position in path.indices.dropFirst() where path[position] == UInt8(ascii: "/") {
      if path[position - 1] == UInt8(ascii: "/") { return false }
    }
    return path.withUnsafeBytes { buffer in
      guard let base = buffer.baseAddress else { return false }
      return inspect(base, 0, buffer.count) == .plain
    }
  }

  /// A byte with its high bit set for each zero byte of `word`, exactly (no false positives).
  @inline(__always) private static func zeroBytes(_ word: UInt64) -> UInt64 {
    let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
    return ~(((word & low) &+ low) | word | low)
  }

  /// Whether the component starting at `start` (ending at the next '/' or `end`) is `.` or `..`,
  /// or might name `.git` under libgit2's NTFS or HFS+ rules.
  @inline(__always) private static func startsSuspiciousComponent(
    _ base: UnsafeRawPointer, _ start: Int, _ end: Int
  ) -> Bool {
    guard start < end else { return false }
    let first = base.load(fromByteOffset: start, as: UInt8.self)
    // Only a component starting with '.', 'g' or 'G', or with a non-ASCII character (which HFS+
    // might ignore), can be refused.
    guard first == UInt8(ascii: ".") || first | 0x20 == UInt8(ascii: "g") || first >= 0x80 else { return false }
    var componentEnd = start
    while componentEnd < end && base.load(fromByteOffset: componentEnd, as: UInt8.self) != UInt8(ascii: "/") {
      componentEnd += 1
    }
    return isSuspicious(UnsafeRawBufferPointer(start: base + start, count: componentEnd - start))
  }

  private static func isSuspicious(_ component: UnsafeRawBufferPointer) -> Bool {
    if component.elementsEqual(".".utf8) || component.elementsEqual("..".utf8) { return true }
    func lowered(_ byte: UInt8) -> UInt8 { byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte }
    // NTFS: ".git" or "git~1", then nothing but dots and spaces, or a backslash or colon.
    for reserved in [".git", "git~1"] where component.count >= reserved.utf8.count {
      guard zip(component, reserved.utf8).allSatisfy({ lowered($0) == $1 }) else { continue }
      let rest = component.dropFirst(reserved.utf8.count)
      if let next = rest.first, next == UInt8(ascii: "\\") || next == UInt8(ascii: ":") { return true }
      if rest.allSatisfy({ $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: " ") }) { return true }
    }
    // HFS+: ".git" once the characters it ignores (all outside ASCII) are taken out.
    if component.contains(where: { $0 >= 0x80 }),
      component.lazy.filter({ $0 < 0x80 }).map(lowered).elementsEqual(".git".utf8)
    {
      return true
    }
    return false
  }
}

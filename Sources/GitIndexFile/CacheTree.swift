#if canImport(Glibc)
  import Glibc
#endif

/// The cache-tree extension (`TREE`): for each directory, how many index entries it covers and the
/// tree object they make, so that git need not rebuild unchanged trees.
///
/// The nodes stay in the file (top-down, depth-first); only where each lies is noted, since a
/// large index holds one per directory (100,000 and more). A changed path invalidates the root and
/// every directory on its way that has a node, exactly as libgit2 does
/// (`git_tree_cache_invalidate_path`): the node's count becomes -1 and its object name goes;
/// nodes are never removed. Writing copies every other node as it was.
struct CacheTree {
  struct Node {
    /// Where the node starts (its name) and ends (after its object name, if any), in the file.
    var start: Int
    var end: Int
    var nameLength: Int
    /// Entries covered, or -1 when invalid.
    var entryCount: Int
    var childCount: Int
    /// The index of the first node after this one's subtree.
    var subtreeEnd: Int
  }

  private let base: UnsafeRawPointer
  private(set) var nodes: [Node] = []
  /// Nodes valid in the file and invalidated since.
  private(set) var invalidated: Set<Int> = []

  /// Parses the extension data at `range` of the file at `base`. Accepts only what git and libgit2
  /// write (canonical decimal numbers, -1 as the only negative count), so that a node written back
  /// as it was is what libgit2 would write.
  init(base: UnsafeRawPointer, range: Range<Int>) throws(IndexFileError) {
    self.base = base
    var parser = Parser(base: base, position: range.lowerBound, end: range.upperBound)
    var nodes: [Node] = []
    nodes.reserveCapacity(range.count / 40)
    try parser.parseNode(into: &nodes, depth: 0)
    guard parser.position == range.upperBound else {
      throw IndexFileError(.corrupt, "the TREE extension has trailing data")
    }
    self.nodes = nodes
  }

  /// Invalidates the root and each directory of `path` that has a node, stopping at the first
  /// directory without one.
  mutating func invalidate(path: [UInt8]) {
    guard !nodes.isEmpty else { return }
    invalidate(0)
    var node = 0
    var componentStart = 0
    for position in path.indices where path[position] == UInt8(ascii: "/") {
      let length = position - componentStart
      var child = node + 1
      var found: Int?
      for _ in 0..<nodes[node].childCount {
        let candidate = nodes[child]
        if candidate.nameLength == length, names(candidate.start, equal: path[componentStart..<position]) {
          found = child
          break
        }
        child = candidate.subtreeEnd
      }
      componentStart = position + 1
      guard let found else { return }
      invalidate(found)
      node = found
    }
  }

  private func names(_ start: Int, equal component: ArraySlice<UInt8>) -> Bool {
    component.withUnsafeBytes { bytes in
      guard let address = bytes.baseAddress else { return true }
      return memcmp(base + start, address, bytes.count) == 0
    }
  }

  private mutating func invalidate(_ node: Int) {
    if nodes[node].entryCount >= 0 { invalidated.insert(node) }
  }

  /// The extension's data as libgit2 writes it (`write_tree`), as pieces of the file and new bytes.
  var pieces: [IndexFilePlan.Piece] {
    guard !nodes.isEmpty else { return [] }
    var pieces: [IndexFilePlan.Piece] = []
    var copyFrom = nodes[0].start
    for node in invalidated.sorted() {
      let record = nodes[node]
      if copyFrom < record.start { pieces.append(.original(copyFrom..<record.start)) }
      var bytes = Array(UnsafeRawBufferPointer(start: base + record.start, count: record.nameLength + 1))
      bytes.appendDecimal(-1)
      bytes.append(UInt8(ascii: " "))
      bytes.appendDecimal(record.childCount)
      bytes.append(UInt8(ascii: "\n"))
      pieces.append(.bytes(bytes))
      copyFrom = record.end
    }
    if let last = nodes.last, copyFrom < last.end { pieces.append(.original(copyFrom..<last.end)) }
    return pieces
  }

  private struct Parser {
    let base: UnsafeRawPointer
    var position: Int
    let end: Int

    mutating func parseNode(into nodes: inout [Node], depth: Int) throws(IndexFileError) {
      // Deeper than any path git accepts: a crafted file, not a cache tree.
      guard depth < 4096 else { throw IndexFileError(.unsupported, "the TREE extension is nested too deep") }
      let start = position
      guard position < end, let nul = memchr(base + position, 0, end - position) else {
        throw corrupt("a name without its end")
      }
      let nameLength = UnsafeRawPointer(nul) - (base + position)
      position += nameLength + 1
      let entryCount = try number(endingWith: UInt8(ascii: " "), allowingMinusOne: true)
      let childCount = try number(endingWith: UInt8(ascii: "\n"), allowingMinusOne: false)
      if entryCount >= 0 {
        guard end - position >= IndexFormat.objectIDSize else { throw corrupt("a truncated object name") }
        position += IndexFormat.objectIDSize
      }
      let index = nodes.count
      nodes.append(
        Node(
          start: start, end: position, nameLength: nameLength, entryCount: entryCount, childCount: childCount,
          subtreeEnd: 0))
      for _ in 0..<childCount { try parseNode(into: &nodes, depth: depth + 1) }
      nodes[index].subtreeEnd = nodes.count
    }

    /// A decimal number without sign or leading zeros (or "-1"), then `terminator`.
    mutating func number(endingWith terminator: UInt8, allowingMinusOne: Bool) throws(IndexFileError) -> Int {
      let start = position
      var value = 0
      var digits = 0
      var negative = false
      while true {
        guard position < end else { throw corrupt("a number without its end") }
        let byte = base.load(fromByteOffset: position, as: UInt8.self)
        position += 1
        if byte == terminator { break }
        if byte == UInt8(ascii: "-") && position - 1 == start && allowingMinusOne {
          negative = true
          continue
        }
        guard byte >= 0x30, byte <= 0x39, digits < 10 else { throw unusual() }
        // A leading zero only as the whole number.
        if digits == 1 && value == 0 { throw unusual() }
        value = value * 10 + Int(byte - 0x30)
        digits += 1
      }
      guard digits > 0, value <= Int(Int32.max) else { throw unusual() }
      if negative {
        guard value == 1 else { throw unusual() }
        return -1
      }
      return value
    }

    func corrupt(_ what: String) -> IndexFileError {
      IndexFileError(.corrupt, "the TREE extension is damaged: \(what)")
    }

    func unusual() -> IndexFileError {
      IndexFileError(.unsupported, "the TREE extension holds a number git would not write")
    }
  }
}

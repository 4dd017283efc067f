/// Bytes an index is read from in place: the encoded index (``MatchingIndex/encoded()``) somewhere
/// inside them. The caller owns them (a mapped cache file, or a copy in memory) and keeps them
/// unchanged for as long as the object lives; an index decoded from them holds the object, so that
/// a search touches only the pages of the postings, documents and grams it reads. This module
/// knows nothing of files: the ledger maps its cache file and hands the mapping over.
public protocol IndexStorage: AnyObject, Sendable {
  /// The bytes; valid and unchanged for the object's life.
  var bytes: UnsafeRawBufferPointer { get }
}

/// An ``IndexStorage`` holding its own copy of some bytes.
public final class OwnedIndexStorage: IndexStorage, @unchecked Sendable {
  // Unchecked: the copy is written once, in init, and only read after; any thread may read it.
  public let bytes: UnsafeRawBufferPointer

  /// A copy of `source`.
  public init(copying source: [UInt8]) {
    let memory = UnsafeMutableRawBufferPointer.allocate(byteCount: max(source.count, 1), alignment: 16)
    source.withUnsafeBytes { memory.copyMemory(from: $0) }
    bytes = UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(memory)[0..<source.count])
  }

  deinit {
    UnsafeMutableRawPointer(mutating: bytes.baseAddress)?.deallocate()
  }
}

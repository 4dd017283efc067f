#if canImport(Glibc)
  import Glibc
#endif

/// Hands memory the process has freed back to the system. glibc's allocator keeps freed memory in
/// the heap for reuse, so a first build of the matching index, which reads a batch of sources (a
/// hundred megabytes of records, freed once their documents are taken) and then builds, would keep
/// the peak of every phase resident: trimmed between phases, the resident set follows what is
/// live. Found at run time (`malloc_trim` is glibc's, not in Swift's Glibc module); a no-op elsewhere.
enum HeapTrim {
  private typealias Trim = @convention(c) (Int) -> Int32

  private static let trim: Trim? = {
    #if canImport(Glibc)
      guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") else { return nil }
      return unsafeBitCast(symbol, to: Trim.self)
    #else
      return nil
    #endif
  }()

  /// Returns free heap pages to the system (a few milliseconds).
  static func release() {
    _ = trim?(0)
  }
}

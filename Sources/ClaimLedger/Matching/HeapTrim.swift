internal import CMalloc

/// Hands memory the process has freed back to the system. glibc's allocator keeps freed memory in
/// the heap for reuse, so a first build of the matching index, which reads a batch of sources (a
/// hundred megabytes of records, freed once their documents are taken) and then builds, would keep
/// the peak of every phase resident: trimmed between phases, the resident set follows what is
/// live. glibc's `malloc_trim`, through the `CMalloc` shim (Swift's Glibc module does not export
/// it); a no-op with another C library.
enum HeapTrim {
  /// Returns free heap pages to the system (a few milliseconds); whether any were returned.
  @discardableResult
  static func release() -> Bool {
    claims_malloc_trim(0) != 0
  }
}

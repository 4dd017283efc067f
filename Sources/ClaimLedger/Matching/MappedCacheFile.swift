import ClaimMatching

#if canImport(Glibc)
  import Glibc
#endif

/// A cache file mapped read-only into memory, as an ``IndexStorage``: the matching index reads its
/// postings, documents and grams from the pages a search touches instead of decoding the whole
/// file. Cache files are replaced by renaming a new file over them, never written in place, so the
/// mapping stays as it was read for as long as it lives.
final class MappedCacheFile: IndexStorage, @unchecked Sendable {
  // Unchecked: the mapping is read-only and lives until deinit; any thread may read it.
  let bytes: UnsafeRawBufferPointer

  /// Maps the file at `path`; nil when it is missing, empty or cannot be mapped.
  init?(path: String) {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    var info = stat()
    guard fstat(descriptor, &info) == 0, info.st_size > 0, info.st_size < 1 << 40 else { return nil }
    let size = Int(info.st_size)
    guard let memory = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0), memory != MAP_FAILED else {
      return nil
    }
    bytes = UnsafeRawBufferPointer(start: UnsafeRawPointer(memory), count: size)
  }

  deinit {
    if let start = bytes.baseAddress { munmap(UnsafeMutableRawPointer(mutating: start), bytes.count) }
  }
}

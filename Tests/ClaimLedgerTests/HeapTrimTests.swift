import Foundation
import Testing

@testable import ClaimLedger

#if canImport(Glibc)
  import Glibc
#endif

/// `HeapTrim`: freed heap memory goes back to the system when the matching index is built.
@Suite struct HeapTrimTests {
  /// This process's resident set in bytes (Linux's `/proc/self/statm`), or nil elsewhere.
  private func residentBytes() -> Int? {
    guard let statm = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return nil }
    let fields = statm.split(separator: " ")
    guard fields.count > 1, let pages = Int(fields[1]) else { return nil }
    return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
  }

  @Test func releaseHandsFreedHeapPagesBackToTheSystem() throws {
    #if canImport(Glibc)
      // 128 MiB in 4 KiB blocks (under glibc's mmap threshold: on the heap), written so that they
      // are resident, then freed with one block kept above them, so that free() alone cannot give
      // the heap's top back: only malloc_trim returns those pages.
      let size = 4096
      var blocks: [UnsafeMutableRawPointer] = []
      for _ in 0..<32_768 {
        let block = try #require(malloc(size))
        memset(block, 0x5A, size)
        blocks.append(block)
      }
      let above = try #require(malloc(size))
      memset(above, 0x5A, size)
      defer { free(above) }
      for block in blocks { free(block) }
      let before = try #require(residentBytes())
      #expect(HeapTrim.release())
      let after = try #require(residentBytes())
      // At least half of it (other tests of the process allocate at the same time).
      #expect(before - after >= 64 << 20, "resident before \(before), after \(after)")
    #endif
  }
}

import ClaimLedger
import Foundation
import Synchronization
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// The claim index is read where it lies (mapped). A cache file left by another tree is mapped,
/// found stale and unmapped: once. Unmapped twice, the second `munmap` takes away whatever another
/// thread mapped at that address in between (libgit2's pack windows and pack indexes, a large
/// array): the intermittent crashes inside libgit2's pack code when many commands ran at once in
/// the test runner.
@Suite struct ClaimIndexMappingTests {
  /// Enough for the double unmapping to show: before the fix, 200 rounds lost pages or crashed in
  /// each of 6 runs (400 rounds: 5 of 5).
  private let rounds = 200

  @Test func staleClaimIndexIsUnmappedOnceLeavingOtherThreadsMappings() throws {
    let fixture = try LedgerFixture()
    try fixture.importText("The bridge cost four million dollars.", as: "storm")
    #expect(try fixture.ledger.snapshot().claimLocations().count == 1)
    let path = fixture.path + "/.git/claims-cache/v2/claim-index.bin"
    let stale = try Data(contentsOf: URL(fileURLWithPath: path))
    try fixture.importText("The river rose three metres on Monday.", as: "flood")
    let snapshot = try fixture.ledger.snapshot()

    // More mapping threads than cores: this thread is often paused between two system calls.
    let neighbours = (0..<3).map { _ in PageMapper() }
    for neighbour in neighbours { Thread { neighbour.run() }.start() }
    for neighbour in neighbours { while !neighbour.isRunning.load(ordering: .acquiring) { usleep(100) } }
    // Each round maps the stale index, finds it stale, unmaps it and builds the index again.
    for _ in 0..<rounds {
      try stale.write(to: URL(fileURLWithPath: path))
      #expect(snapshot.claimLocations().count == 2)
    }
    for neighbour in neighbours { neighbour.shouldStop.store(true, ordering: .releasing) }
    for neighbour in neighbours { while !neighbour.hasStopped.load(ordering: .acquiring) { usleep(100) } }
    #expect(neighbours.allSatisfy { $0.mapped.load(ordering: .acquiring) > rounds })
    let lost = neighbours.reduce(0) { $0 + $1.lost.load(ordering: .acquiring) }
    #expect(lost == 0, "pages of other threads were unmapped under them")
  }
}

/// Maps pages one at a time on its own thread, as another command's libgit2 maps pack files, and
/// checks each is still there (and still its own) before unmapping it.
private final class PageMapper: Sendable {
  let isRunning = Atomic<Bool>(false)
  let shouldStop = Atomic<Bool>(false)
  let hasStopped = Atomic<Bool>(false)
  /// Pages mapped, and pages found gone or replaced.
  let mapped = Atomic<Int>(0)
  let lost = Atomic<Int>(0)

  func run() {
    let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))
    var live: [(page: UnsafeMutableRawPointer, stamp: Int)] = []
    var stamp = 0
    isRunning.store(true, ordering: .releasing)
    while !shouldStop.load(ordering: .acquiring) {
      guard let page = mmap(nil, pageSize, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0),
        page != MAP_FAILED
      else { continue }
      stamp += 1
      page.storeBytes(of: stamp, as: Int.self)
      live.append((page, stamp))
      mapped.add(1, ordering: .relaxed)
      if live.count > 16 { check(live.removeFirst(), pageSize: pageSize) }
    }
    for entry in live { check(entry, pageSize: pageSize) }
    hasStopped.store(true, ordering: .releasing)
  }

  /// Unmaps the page when it is still the one mapped; a lost page is left alone, as whatever now
  /// lies there belongs to someone else.
  private func check(_ entry: (page: UnsafeMutableRawPointer, stamp: Int), pageSize: Int) {
    var residency: UInt8 = 0
    guard mincore(entry.page, pageSize, &residency) == 0,
      entry.page.load(as: Int.self) == entry.stamp
    else {
      lost.add(1, ordering: .relaxed)
      return
    }
    munmap(entry.page, pageSize)
  }
}

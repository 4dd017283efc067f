import ClaimModel
import Foundation
import TestSupport
import Testing

@testable import ClaimLedger

/// The write-side copy of every reader limit: what ``RecordLimits`` refuses, and with which kind.
@Suite struct RecordLimitsTests {
  private func review() throws -> Review {
    Review(
      claim: try Fixtures.claimID("0123456789"), source: try Fixtures.source("storm"),
      reviewer: try Fixtures.identity("Ann <ann@example.org>"), verdict: "supported",
      updated: try Fixtures.timestamp("2026-11-24T12:00:00Z"))
  }

  @Test func aTextLargerThanTheReaderLoadsIsRefusedBeforeItIsRead() {
    #expect(throws: Never.self) { try RecordLimits.checkSeed(path: "seeds/big.txt", size: 256 << 20) }
    #expect { try RecordLimits.checkSeed(path: "seeds/big.txt", size: (256 << 20) + 1) } throws: { error in
      (error as? LedgerError)?.kind == .limitExceeded
        && (error as? LedgerError)?.message.contains("268435456 bytes (256 MiB)") == true
    }
  }

  @Test func pathsAreSplitAtEverySlashKeepingEmptyNames() {
    #expect(RecordLimits.components(of: "Claims/storm/0123456789.json") == ["Claims", "storm", "0123456789.json"])
    #expect(RecordLimits.components(of: "ledger.json") == ["ledger.json"])
    #expect(RecordLimits.components(of: "") == [""])
    #expect(RecordLimits.components(of: "/a//é/") == ["", "a", "", "é", ""])
  }

  @Test func aRecordThatWouldNotMatchItsPathIsRefused() throws {
    let good = "Reviews/storm/0123456789/ann@example.org.json"
    let review = try review()
    try RecordLimits.check(path: good, contents: review.encoded())
    for path in [
      "Reviews/storm/0123456789/bob@example.org.json", "Reviews/other/0123456789/ann@example.org.json",
      "Reviews/storm/9876543210/ann@example.org.json",
    ] {
      #expect { try RecordLimits.check(path: path, contents: review.encoded()) } throws: { error in
        (error as? LedgerError)?.kind == .invalidInput
      }
    }
  }

  @Test func aLargeChangeCheckedOnEveryCoreReportsItsFirstBadFile() throws {
    // Large changes are checked in parallel; the file named must still be the first bad one.
    let good = try review().encoded()
    var files = (0..<2_000).map { _ in
      LedgerChange.File(path: "Reviews/storm/0123456789/ann@example.org.json", contents: good)
    }
    for position in [1_999, 1_500, 700] {
      files[position] = LedgerChange.File(
        path: "Reviews/storm/0123456789/bad\(position)@example.org.json", contents: good)
    }
    let change = LedgerChange(files: files, message: CommitMessage(subject: "test", trailers: []))
    for _ in 0..<5 {
      #expect { try RecordLimits.check(change) } throws: { error in
        (error as? LedgerError)?.message.contains("bad700@example.org") == true
      }
    }
  }

  @Test func aRecordNestedDeeperThanTheParserAcceptsIsRefused() {
    let deep = Array((String(repeating: "[", count: 65) + String(repeating: "]", count: 65)).utf8)
    #expect { try RecordLimits.check(path: "ledger.json", contents: deep) } throws: { error in
      (error as? LedgerError)?.kind == .invalidInput
        && (error as? LedgerError)?.message.contains("nested deeper than 64 levels") == true
    }
  }

  @Test func filesThatAreNotRecordsAreLeftAlone() throws {
    try RecordLimits.check(path: "seeds/report.pdf", contents: [0xFF, 0x00])
    try RecordLimits.check(path: "notes/readme.json", contents: Array("not json".utf8))
  }

  /// Claims with text drawn from every range the writer treats differently, the same on every run.
  private func claims(count: Int) throws -> [Claim] {
    let pools: [ClosedRange<UInt32>] = [
      0x20...0x7E, 0x00...0x1F, 0x7F...0xA0, 0xA1...0x2FF, 0x300...0x36F, 0x2000...0x206F, 0xD7FF...0xD7FF,
      0xE000...0xE0FF, 0xFFF0...0xFFFF, 0x1F300...0x1F6FF, 0x10FFF0...0x10FFFF,
    ]
    var state: UInt64 = 0x2545_F491_4F6C_DD1D
    func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(bound))
    }
    func text() -> String {
      var text = ""
      for _ in 0..<next(90) {
        let pool = next(3) == 0 ? pools[next(pools.count)] : pools[0]
        let value = pool.lowerBound + UInt32(next(Int(pool.upperBound - pool.lowerBound) + 1))
        if let scalar = Unicode.Scalar(value) { text.unicodeScalars.append(scalar) }
      }
      return text
    }
    return try (0..<count).map { index in
      let body = text()
      let start = next(1_000)
      return Claim(
        id: try Fixtures.claimID(String(format: "%010x", index * 7_919)), source: try Fixtures.source("storm"),
        ordinal: index + 1, kind: ClaimKind.allCases[next(ClaimKind.allCases.count)], text: body, start: start,
        end: start + body.unicodeScalars.count,
        selector: QuoteSelector(exact: body, prefix: text(), suffix: text()),
        supersedes: next(3) == 0 ? [try Fixtures.claimID("abcdef0123")] : [], isRetired: next(4) == 0)
    }
  }

  @Test func aClaimWrittenFromItsValueIsAcceptedOnlyWhereTheFullCheckAcceptsIt() throws {
    for claim in try claims(count: 400) {
      let path = "Claims/storm/\(claim.id).json"
      let file = LedgerChange.File.record(claim, at: path)
      let contents = try #require(file.contents)
      // What the check without parsing relies on: the bytes parse back to this very claim.
      #expect(try Claim(decoding: contents) == claim)
      #expect(RecordLimits.isReadable(claim, encodedAs: contents, at: path))
      try RecordLimits.check(path: path, contents: contents)
      for wrongPath in ["Claims/other/\(claim.id).json", "Claims/storm/ffffffffff.json"] {
        #expect(!RecordLimits.isReadable(claim, encodedAs: contents, at: wrongPath))
        #expect(throws: LedgerError.self) { try RecordLimits.check(LedgerChange.File.record(claim, at: wrongPath)) }
      }
    }
  }

  @Test func aClaimTheReaderWouldRefuseIsRefusedThoughMadeFromItsValue() throws {
    let claim = try #require(try claims(count: 1).first)
    let path = "Claims/storm/\(claim.id).json"
    var bad = [claim, claim, claim]
    bad[0].ordinal = 0
    bad[1].start = -1
    bad[2].end = claim.start - 1
    for claim in bad {
      #expect { try RecordLimits.check(LedgerChange.File.record(claim, at: path)) } throws: { error in
        (error as? LedgerError)?.kind == .invalidInput
      }
    }
    var changed = LedgerChange.File.record(claim, at: path)
    changed.contents = Array("not json".utf8)
    #expect(throws: LedgerError.self) { try RecordLimits.check(changed) }
    #expect(changed == LedgerChange.File(path: path, contents: Array("not json".utf8)))
  }
}

/// The write path refuses a time a git commit cannot hold, before anything is written.
@Suite struct CommitTimeTests {
  @Test func aTimeOutsideWhatGitCanHoldIsRefusedAndNothingIsWritten() throws {
    let fixture = try LedgerFixture()
    try fixture.importText("The storm reached the coast on Monday.\n", as: "storm")
    let head = fixture.head
    for text in ["1969-12-31T23:59:59Z", "2106-02-07T06:28:16Z"] {
      #expect {
        try fixture.ledger.importSource(
          ImportRequest(bytes: Array("Another text.\n".utf8), fileName: "b.txt", source: try Fixtures.source("other")),
          as: fixture.author, at: try Fixtures.timestamp(text))
      } throws: { error in
        (error as? LedgerError)?.kind == .invalidInput
          && (error as? LedgerError)?.message.contains("outside what a git commit can hold") == true
      }
    }
    #expect(fixture.head == head)
    #expect(fixture.status == "")
  }
}

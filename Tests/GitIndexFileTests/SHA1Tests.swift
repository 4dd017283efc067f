import Foundation
import TestSupport
import Testing

@testable import GitIndexFile

@Suite struct SHA1Tests {
  func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02x", $0) }.joined() }

  @Test func knownVectors() {
    #expect(hex(SHA1.digest([])) == "da39a3ee5e6b4b0d3255bfef95601890afd80709")
    #expect(hex(SHA1.digest(Array("abc".utf8))) == "a9993e364706816aba3e25717850c26c9cd0d89d")
    #expect(
      hex(SHA1.digest(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)))
        == "84983e441c3bd26ebaae4aa1f95129e5e54670f1")
    #expect(
      hex(SHA1.digest([UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)))
        == "34aa973cd4c4daa4f61eeb2bdbad27316534016f")
  }

  @Test func everyLengthAroundABlockMatchesSha1sum() throws {
    let scratch = ScratchDirectory()
    var random = SplitMix(seed: 3)
    for length in [55, 56, 57, 63, 64, 65, 119, 120, 127, 128, 129, 1000, 65_537] {
      let bytes = (0..<length).map { _ in UInt8(truncatingIfNeeded: random.next()) }
      try scratch.write(bytes, to: "input")
      let oracle = try ProcessRunner.run("/usr/bin/sha1sum", [scratch.path("input")], in: scratch.path)
      #expect(oracle.status == 0)
      #expect(hex(SHA1.digest(bytes)) == String(oracle.stdout.prefix(40)), "length \(length)")
    }
  }

  @Test func feedingInPiecesGivesTheSameDigest() {
    var random = SplitMix(seed: 11)
    let bytes = (0..<10_000).map { _ in UInt8(truncatingIfNeeded: random.next()) }
    let whole = SHA1.digest(bytes)
    for _ in 0..<50 {
      var hasher = SHA1()
      var start = 0
      while start < bytes.count {
        let end = min(bytes.count, start + random.next(below: 300))
        hasher.update(Array(bytes[start..<end]))
        start = end
      }
      #expect(hasher.finalize() == whole)
    }
  }

  @Test func aCopyContinuesFromWhereItWasTaken() {
    var hasher = SHA1()
    hasher.update(Array("ab".utf8))
    var copy = hasher
    hasher.update(Array("c".utf8))
    copy.update(Array("c".utf8))
    #expect(hasher.finalize() == copy.finalize())
  }
}

@Suite struct VariableLengthIntegerTests {
  @Test func encodesAsGitDoesAndDecodesBack() {
    // git's varint.c: each continuation byte adds one, so 128 is 0x80 0x00.
    #expect(VariableLengthInteger.encode(0) == [0x00])
    #expect(VariableLengthInteger.encode(127) == [0x7F])
    #expect(VariableLengthInteger.encode(128) == [0x80, 0x00])
    #expect(VariableLengthInteger.encode(16_511) == [0xFF, 0x7F])
    #expect(VariableLengthInteger.encode(16_512) == [0x80, 0x80, 0x00])
    for value in [0, 1, 127, 128, 129, 255, 16_511, 16_512, 2_113_663, 1 << 40] {
      let bytes = VariableLengthInteger.encode(value)
      let decoded = bytes.withUnsafeBytes { buffer in
        buffer.baseAddress.flatMap { VariableLengthInteger.decode($0, at: 0, end: buffer.count) }
      }
      #expect(decoded?.value == value)
      #expect(decoded?.length == bytes.count)
    }
  }
}

import ClaimModel
import Testing

@Suite struct BinaryCodingTests {
  @Test func everyIntegerComesBackAsItWas() throws {
    let values = [0, 1, -1, 63, -64, 64, 300, -300, Int(Int32.max), 1 << 62, -(1 << 62), Int.max, Int.min]
    var writer = BinaryWriter()
    for value in values { writer.write(value) }
    writer.write("é ok")
    writer.write(nil as String?)
    var reader = BinaryReader(writer.bytes)
    for value in values { #expect(try reader.readInt() == value) }
    #expect(try reader.readString() == "é ok")
    #expect(try reader.readOptionalString() == nil)
    #expect(reader.isAtEnd)
    // Small numbers take one byte, as before the coder handled the extremes.
    var small = BinaryWriter()
    small.write(-64)
    small.write(63)
    #expect(small.bytes == [127, 126])
  }

  @Test func damagedInputFailsToDecodeInsteadOfBeingTrusted() {
    var truncated = BinaryReader([0x80])
    #expect(throws: BinaryReader.Corrupt.self) { try truncated.readInt() }
    var hugeCount = BinaryReader([0x7E])
    #expect(throws: BinaryReader.Corrupt.self) { try hugeCount.readString() }
    var badBool = BinaryReader([2])
    #expect(throws: BinaryReader.Corrupt.self) { try badBool.readBool() }
  }
}

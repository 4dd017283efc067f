import Foundation
import HTTPMessage
import Testing

/// gzip, deflate and brotli against independent tools where there are some (gzip(1)).
@Suite struct CodingTests {
  let text = Array(String(repeating: "The council approved the budget on Tuesday. ", count: 400).utf8)

  @Test func gzipOutputIsReadByGzipTool() throws {
    let compressed = try Gzip.compress(text)
    let result = try run("/bin/gzip", ["-dc"], input: compressed)
    #expect(result.status == 0)
    #expect(result.output == text)
  }

  @Test func gzipToolOutputIsDecompressed() throws {
    let result = try run("/bin/gzip", ["-c"], input: text)
    #expect(result.status == 0)
    #expect(try Gzip.decompress(result.output) == text)
  }

  @Test func everyGzipMemberIsReadWithItsRange() throws {
    let first = try Gzip.compress(Array("first\n".utf8))
    let second = try Gzip.compress(Array("second\n".utf8))
    var ranges: [Range<Int>] = []
    var members: [String] = []
    try Gzip.decompressMembers(first + second) { range, member in
      ranges.append(range)
      members.append(String(decoding: member, as: UTF8.self))
    }
    #expect(members == ["first\n", "second\n"])
    #expect(ranges == [0..<first.count, first.count..<first.count + second.count])
    #expect(try Gzip.decompress(first + second) == Array("first\nsecond\n".utf8))
  }

  @Test func truncatedGzipIsRefusedAsTruncated() throws {
    let compressed = try Gzip.compress(text)
    #expect(throws: CodingError.self) { try Gzip.decompress(Array(compressed.dropLast(12))) }
    do {
      _ = try Gzip.decompress(Array(compressed.dropLast(12)))
    } catch {
      #expect(error.kind == .truncated)
    }
  }

  @Test func corruptGzipIsRefusedAsCorrupt() throws {
    var compressed = try Gzip.compress(text)
    compressed[compressed.count - 6] ^= 0xff  // the CRC
    do {
      _ = try Gzip.decompress(compressed)
      Issue.record("a bad checksum was accepted")
    } catch {
      #expect(error.kind == .corrupt)
    }
  }

  @Test func decompressionStopsAtTheLimit() throws {
    let zeros = [UInt8](repeating: 0, count: 10_000_000)
    let bomb = try Gzip.compress(zeros, level: 9)
    #expect(bomb.count < 100_000)
    do {
      _ = try Gzip.decompress(bomb, limit: 1_000_000)
      Issue.record("the limit was not applied")
    } catch {
      #expect(error.kind == .tooLarge)
      #expect(error.message.contains("1 MB"))
    }
  }

  @Test func deflateReadsZlibFramingAndBareDeflate() throws {
    let framed = try Deflate.compress(text)
    #expect(framed[0] == 0x78)
    #expect(try Deflate.decompress(framed) == text)
    // Bare deflate: the zlib stream without its 2-byte header and 4-byte Adler-32 trailer.
    let bare = Array(framed[2..<(framed.count - 4)])
    #expect(try Deflate.decompress(bare) == text)
  }

  @Test func brotliRoundTripsAndRefusesGarbage() throws {
    let compressed = try Brotli.compress(text)
    #expect(compressed.count < text.count / 10)
    #expect(try Brotli.decompress(compressed) == text)
    do {
      _ = try Brotli.decompress(Array(compressed.dropLast(3)))
      Issue.record("truncated brotli accepted")
    } catch {
      #expect(error.kind == .truncated || error.kind == .corrupt)
    }
  }

  @Test func contentDecodingUndoesCodingsLastFirst() throws {
    let both = try Brotli.compress(try Gzip.compress(text))
    #expect(try ContentDecoding.decode(both, contentEncoding: "gzip, br") == text)
    #expect(try ContentDecoding.decode(text, contentEncoding: "identity") == text)
    #expect(try ContentDecoding.decode(text, contentEncoding: nil) == text)
    #expect(try ContentDecoding.decode([], contentEncoding: "gzip").isEmpty)
    do {
      _ = try ContentDecoding.decode(text, contentEncoding: "zstd")
      Issue.record("an unknown coding was accepted")
    } catch {
      #expect(error.kind == .unsupportedCoding)
      #expect(error.message == "unsupported content coding 'zstd'")
    }
  }

  private func run(_ tool: String, _ arguments: [String], input: [UInt8]) throws -> (status: Int32, output: [UInt8]) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: tool)
    process.arguments = arguments
    let stdin = Pipe()
    let stdout = Pipe()
    process.standardInput = stdin
    process.standardOutput = stdout
    try process.run()
    let writer = Thread {
      stdin.fileHandleForWriting.write(Data(input))
      try? stdin.fileHandleForWriting.close()
    }
    writer.start()
    let output = stdout.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, Array(output))
  }
}

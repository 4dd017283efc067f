/// libFuzzer entry point for the segmenter, built by `scripts/fuzz` with `swiftc -sanitize=fuzzer`
/// in one module with `Sources/Segmentation`. Any text must give segments that are in order, do not
/// overlap, lie inside the text, start and end on character boundaries, and whose scalar offsets
/// agree with their byte offsets; a violation traps, which libFuzzer reports as a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSegmenter(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
  let segments = Segmenter().segments(of: text)
  let utf8 = Array(text.utf8)
  // scalarOffset[b] is the number of scalars before byte b, or -1 inside a scalar.
  var scalarOffset = [Int](repeating: -1, count: utf8.count + 1)
  var scalars = 0
  for (index, byte) in utf8.enumerated() where byte & 0xC0 != 0x80 {
    scalarOffset[index] = scalars
    scalars += 1
  }
  scalarOffset[utf8.count] = scalars
  var previousEnd = 0
  for segment in segments {
    let bytes = segment.utf8Range
    precondition(bytes.lowerBound >= previousEnd, "segments overlap or are out of order")
    precondition(bytes.upperBound <= utf8.count, "segment past the end of the text")
    precondition(!bytes.isEmpty, "empty segment")
    precondition(scalarOffset[bytes.lowerBound] >= 0, "segment starts inside a character")
    precondition(scalarOffset[bytes.upperBound] >= 0, "segment ends inside a character")
    precondition(
      segment.scalarRange == scalarOffset[bytes.lowerBound]..<scalarOffset[bytes.upperBound],
      "scalar offsets disagree with byte offsets")
    precondition(segment.text(in: text).utf8.count == bytes.count, "segment text has the wrong length")
    previousEnd = bytes.upperBound
  }
  return 0
}

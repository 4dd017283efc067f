import ClaimModel
import Foundation
import Testing

/// Every input of the record fuzzer's seed corpus (`Fuzz/corpus/record`) and every input that once
/// made it fail (`Fuzz/regressions/record`), checked for what the fuzz target checks: bytes either
/// parse or are refused; what parses writes canonically and reads back equal; every record type
/// that accepts the bytes reads its own encoding back equal.
@Suite struct RecordFuzzRegressionTests {
  static var inputs: [String] {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("Fuzz")
    return ["corpus/record", "regressions/record"].flatMap { directory in
      let path = root.appendingPathComponent(directory).path
      let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
      return names.filter { !$0.hasPrefix(".") }.sorted().map { "\(path)/\($0)" }
    }
  }

  @Test(arguments: inputs) func recordsParseCanonicallyAndRoundTrip(path: String) throws {
    let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
    guard let value = try? JSONParser.parse(bytes) else { return }
    let canonical = JSONWriter.canonicalBytes(of: value)
    #expect(try JSONParser.parse(canonical) == value)
    try roundTrip(Claim.self, bytes)
    try roundTrip(Review.self, bytes)
    try roundTrip(Assignment.self, bytes)
    try roundTrip(SourceRecord.self, bytes)
    try roundTrip(LedgerConfig.self, bytes)
  }

  private func roundTrip<R: LedgerRecord>(_ type: R.Type, _ bytes: [UInt8]) throws {
    guard let record = try? R(decoding: bytes) else { return }
    #expect(try R(decoding: record.encoded()) == record)
  }
}

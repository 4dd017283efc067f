/// libFuzzer entry point for the record decoder, built by `scripts/fuzz` with
/// `swiftc -sanitize=fuzzer` in one module with `Sources/ClaimModel`. Any bytes must either be
/// refused with an error or parse; whatever parses must write canonically and read back equal, and
/// every record type that accepts it must encode and decode back to itself.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRecords(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  guard let value = try? JSONParser.parse(bytes) else { return 0 }
  let canonical = JSONWriter.canonicalBytes(of: value)
  guard let reread = try? JSONParser.parse(canonical) else { preconditionFailure("canonical JSON does not parse") }
  precondition(reread == value, "canonical JSON reads back different")
  precondition(JSONWriter.canonicalBytes(of: reread) == canonical, "canonical JSON is not stable")
  roundTrip(Claim.self, bytes)
  roundTrip(Review.self, bytes)
  roundTrip(Assignment.self, bytes)
  roundTrip(SourceRecord.self, bytes)
  roundTrip(LedgerConfig.self, bytes)
  return 0
}

private func roundTrip<R: LedgerRecord>(_ type: R.Type, _ bytes: [UInt8]) {
  guard let record = try? R(decoding: bytes) else { return }
  let encoded = record.encoded()
  guard let decoded = try? R(decoding: encoded) else { preconditionFailure("\(R.self) does not read its own encoding") }
  precondition(decoded == record, "\(R.self) reads back different")
}

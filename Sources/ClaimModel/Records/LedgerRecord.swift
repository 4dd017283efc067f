/// A record the ledger stores as one canonical JSON file.
public protocol LedgerRecord: Sendable, Equatable {
  /// The record as a JSON value.
  var json: JSONValue { get }
  /// The canonical file contents of the record: the canonical bytes of ``json``. A record written
  /// in bulk (a claim: an import writes ten thousand) streams them itself, without building the
  /// value and sorting its keys; its tests hold it to the bytes of ``json``.
  func encoded() -> [UInt8]
  /// Reads the record from a JSON value, checking every field.
  init(json: JSONValue) throws(RecordError)
}

/// The format version this build writes and the newest it reads.
public let currentFormatVersion = 2

extension LedgerRecord {
  /// The canonical file contents of the record.
  public func encoded() -> [UInt8] {
    JSONWriter.canonicalBytes(of: json)
  }

  /// Reads a record from a file's bytes: valid UTF-8, valid JSON, the expected fields.
  public init(decoding bytes: [UInt8]) throws(RecordError) {
    let value: JSONValue
    do {
      value = try JSONParser.parse(bytes)
    } catch {
      throw RecordError(.invalidJSON, "not valid JSON: \(error.description)")
    }
    try self.init(json: value)
  }
}

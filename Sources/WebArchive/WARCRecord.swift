public import HTTPMessage

/// One WARC record (ISO 28500, WARC/1.1): named fields and a block of bytes.
///
/// A record is data only: nothing in it is ever run, rendered or followed.
public struct WARCRecord: Sendable {
  /// The version line's version (`WARC/1.1`).
  public let version: String
  /// The named fields in order, `Content-Length` included.
  public let fields: [HeaderField]
  /// The block: for `request` and `response` records, the HTTP message as sent or received.
  public let block: [UInt8]

  /// Makes a record from its parts; `fields` must already hold `Content-Length`.
  public init(version: String = "WARC/1.1", fields: [HeaderField], block: [UInt8]) {
    self.version = version
    self.fields = fields
    self.block = block
  }

  /// The value of the first field named `name` (case-insensitive), or nil.
  public func field(_ name: String) -> String? {
    let wanted = name.lowercased()
    return fields.first { $0.name.lowercased() == wanted }?.value
  }

  /// `WARC-Type` (`response`, `request`, `warcinfo`…).
  public var type: String { field("WARC-Type") ?? "" }
  /// `WARC-Record-ID`, angle brackets included (`<urn:uuid:…>`).
  public var recordID: String { field("WARC-Record-ID") ?? "" }
  /// `WARC-Target-URI`, or nil (a `warcinfo` record has none).
  public var targetURI: String? { field("WARC-Target-URI") }
  /// `WARC-Date`, or nil when missing or unreadable.
  public var date: WARCDate? { field("WARC-Date").flatMap(WARCDate.init) }
  /// `WARC-Block-Digest`.
  public var blockDigest: String? { field("WARC-Block-Digest") }
  /// `WARC-Payload-Digest`.
  public var payloadDigest: String? { field("WARC-Payload-Digest") }
  /// `WARC-IP-Address`.
  public var ipAddress: String? { field("WARC-IP-Address") }
  /// `Content-Type` of the block.
  public var contentType: String? { field("Content-Type") }

  /// Whether the block is an HTTP message (`application/http`).
  public var holdsHTTP: Bool {
    contentType.flatMap(MediaType.init)?.essence == "application/http"
  }

  /// The record as it is written: version line, fields, empty line, block, two line ends.
  public var serialized: [UInt8] {
    var bytes: [UInt8] = []
    serialize(into: &bytes)
    return bytes
  }

  /// Appends `serialized` to `bytes` without an intermediate copy.
  public func serialize(into bytes: inout [UInt8]) {
    var head = version + "\r\n"
    for field in fields { head += "\(field.name): \(field.value)\r\n" }
    head += "\r\n"
    bytes.reserveCapacity(bytes.count + head.utf8.count + block.count + 4)
    bytes.append(contentsOf: head.utf8)
    bytes.append(contentsOf: block)
    bytes.append(contentsOf: [13, 10, 13, 10])
  }
}

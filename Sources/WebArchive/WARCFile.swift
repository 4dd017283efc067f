import HTTPMessage

/// Whole WARC files for export: a `warcinfo` record first, then records, each record its own gzip
/// member, so that tools can seek to any record (the `.warc.gz` convention).
public enum WARCFile {
  /// A `warcinfo` record describing the file (WARC 1.1 §6.2).
  ///
  /// - Parameters:
  ///   - filename: the file's name, for `WARC-Filename`.
  ///   - software: the writer, e.g. `claims/0.1.0`.
  ///   - fields: further `name: value` lines for the block (`description`, `isPartOf`…).
  public static func warcinfo(filename: String, date: WARCDate, software: String, fields: [(String, String)] = [])
    -> WARCRecord
  {
    var lines: [(String, String)] = [
      ("software", software), ("format", "WARC File Format 1.1"),
      ("conformsTo", "http://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/"),
    ]
    lines += fields
    let block = Array(lines.map { "\($0.0): \(WARCCapture.fieldValue($0.1))\r\n" }.joined().utf8)
    let digest = WARCDigest.make(block)
    let id = WARCCapture.recordID(type: "warcinfo", uri: filename, date: date, blockDigest: digest)
    return WARCRecord(
      fields: [
        HeaderField(name: "WARC-Type", value: "warcinfo"),
        HeaderField(name: "WARC-Record-ID", value: id),
        HeaderField(name: "WARC-Date", value: date.description),
        HeaderField(name: "WARC-Filename", value: WARCCapture.fieldValue(filename)),
        HeaderField(name: "WARC-Block-Digest", value: digest),
        HeaderField(name: "Content-Type", value: "application/warc-fields"),
        HeaderField(name: "Content-Length", value: "\(block.count)"),
      ], block: block)
  }

  /// `records` as a `.warc.gz`: one gzip member per record.
  public static func gzipped(_ records: [WARCRecord]) throws(WARCError) -> [UInt8] {
    var output: [UInt8] = []
    for record in records {
      do {
        output += try Gzip.compress(record.serialized)
      } catch {
        throw WARCError(.malformed, "cannot compress record \(record.recordID): \(error.message)")
      }
    }
    return output
  }
}

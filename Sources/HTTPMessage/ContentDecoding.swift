/// Undoing HTTP content codings (RFC 9110 §8.4): what `Accept-Encoding` may offer, and decoding a
/// body by its `Content-Encoding`.
public enum ContentDecoding {
  /// The codings `decode` undoes, for a request's `Accept-Encoding`.
  public static let acceptEncoding = "gzip, deflate, br"

  /// The codings a `Content-Encoding` value lists, lowercased, in the order they were applied,
  /// without `identity`.
  public static func codings(in contentEncoding: String) -> [String] {
    contentEncoding.split(separator: ",").map { $0.trimmingASCIISpaces().lowercased() }
      .filter { !$0.isEmpty && $0 != "identity" }
  }

  /// `bytes` with the codings of `contentEncoding` undone, last applied first.
  ///
  /// - Parameters:
  ///   - contentEncoding: the header's value (several headers joined with `, `); nil for none.
  ///   - limit: the most decoded bytes accepted; decoding stops as soon as it would pass it.
  /// - Throws: `.unsupportedCoding` for a coding other than gzip, x-gzip, deflate and br;
  ///   `.corrupt`, `.truncated` or `.tooLarge` from the decoder.
  public static func decode(_ bytes: [UInt8], contentEncoding: String?, limit: Int = .max) throws(CodingError)
    -> [UInt8]
  {
    guard let contentEncoding else { return bytes }
    var decoded = bytes
    for coding in codings(in: contentEncoding).reversed() {
      // A body with no bytes (a HEAD answer, a 204) carries the header but nothing to decode.
      if decoded.isEmpty { return decoded }
      switch coding {
      case "gzip", "x-gzip": decoded = try Gzip.decompress(decoded, limit: limit)
      case "deflate": decoded = try Deflate.decompress(decoded, limit: limit)
      case "br": decoded = try Brotli.decompress(decoded, limit: limit)
      default: throw CodingError(.unsupportedCoding, "unsupported content coding '\(coding)'")
      }
    }
    return decoded
  }
}

extension Substring {
  fileprivate func trimmingASCIISpaces() -> Substring {
    var text = self
    while let first = text.first, first == " " || first == "\t" { text.removeFirst() }
    while let last = text.last, last == " " || last == "\t" { text.removeLast() }
    return text
  }
}

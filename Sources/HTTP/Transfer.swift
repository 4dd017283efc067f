internal import CCurl

/// What libcurl's callbacks collect during one request: the request head as sent, the response
/// head and body as received, and whether a limit cut the transfer.
///
/// Passed to the callbacks as an unretained pointer; the caller keeps it alive for the transfer.
final class Transfer {
  /// The most bytes of response head accepted (libcurl limits single lines, not the whole block).
  static let headLimit = 1 << 20

  var requestHead: [UInt8] = []
  var responseHead: [UInt8] = []
  var body: [UInt8] = []
  var bodyLimit = Int.max
  /// Set when the body passed `bodyLimit` and the transfer was stopped.
  var bodyTooLarge = false
  /// Set when the head passed `headLimit` and the transfer was stopped.
  var headTooLarge = false

  func reset(bodyLimit: Int) {
    requestHead.removeAll(keepingCapacity: true)
    responseHead.removeAll(keepingCapacity: true)
    body = []
    self.bodyLimit = bodyLimit
    bodyTooLarge = false
    headTooLarge = false
  }

  /// Takes one header line; a status line starts a new head (after a `100 Continue` or `103 Early
  /// Hints`, only the final response's head is kept).
  func receiveHeaderLine(_ line: UnsafeRawBufferPointer) -> Int {
    if line.starts(with: "HTTP/".utf8) { responseHead.removeAll(keepingCapacity: true) }
    guard responseHead.count + line.count <= Self.headLimit else {
      headTooLarge = true
      return 0
    }
    responseHead.append(contentsOf: line)
    return line.count
  }

  /// Takes body bytes; refuses (stopping the transfer) as soon as the limit would be passed, so
  /// an oversized answer is never buffered whole.
  func receiveBody(_ bytes: UnsafeRawBufferPointer) -> Int {
    guard body.count + bytes.count <= bodyLimit else {
      bodyTooLarge = true
      return 0
    }
    if body.isEmpty { body.reserveCapacity(min(bodyLimit, max(bytes.count, 16 * 1024))) }
    body.append(contentsOf: bytes)
    return bytes.count
  }

  /// Keeps the header lines of the request as libcurl sent them.
  func sentHeader(_ bytes: UnsafeRawBufferPointer) {
    requestHead.append(contentsOf: bytes)
  }

  /// The context pointer the callbacks receive.
  var context: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }

  static func from(_ context: UnsafeMutableRawPointer) -> Transfer {
    Unmanaged<Transfer>.fromOpaque(context).takeUnretainedValue()
  }

  static let bodyCallback: claims_curl_data_callback = { data, size, count, context in
    guard let context else { return 0 }
    return Transfer.from(context).receiveBody(UnsafeRawBufferPointer(start: data, count: size * count))
  }

  static let headerCallback: claims_curl_data_callback = { data, size, count, context in
    guard let context else { return 0 }
    return Transfer.from(context).receiveHeaderLine(UnsafeRawBufferPointer(start: data, count: size * count))
  }

  static let debugCallback: claims_curl_debug_callback = { _, type, data, size, context in
    if type == CURLINFO_HEADER_OUT, let context {
      Transfer.from(context).sentHeader(UnsafeRawBufferPointer(start: data, count: size))
    }
    return 0
  }
}

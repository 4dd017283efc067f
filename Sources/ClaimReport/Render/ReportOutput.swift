/// Where a report is written: bytes collected in a buffer and handed on in chunks, so a report of
/// any size passes through a megabyte of memory; pieces larger than that are handed on as they
/// are, without a copy. The caller's `sink` does the writing; this module never touches a file.
///
/// Every write is whole UTF-8 characters, and chunks are cut only between writes, so a sink may
/// decode chunks one by one.
public final class ReportOutput {
  private let buffer: UnsafeMutableBufferPointer<UInt8>
  private var count = 0
  private let sink: (UnsafeBufferPointer<UInt8>) -> Void

  /// An output handing chunks of about `chunkSize` bytes to `sink`.
  public init(chunkSize: Int = 1 << 20, sink: @escaping (UnsafeBufferPointer<UInt8>) -> Void) {
    buffer = .allocate(capacity: max(16, chunkSize))
    self.sink = sink
  }

  deinit {
    buffer.deallocate()
  }

  /// Writes text.
  public func write(_ text: String) {
    var text = text
    text.withUTF8 { write($0) }
  }

  /// Writes bytes holding whole UTF-8 characters.
  public func write(_ bytes: [UInt8]) {
    bytes.withUnsafeBufferPointer { write($0) }
  }

  /// Writes bytes holding whole UTF-8 characters.
  public func write(_ bytes: UnsafeBufferPointer<UInt8>) {
    if count + bytes.count > buffer.count { flush() }
    if bytes.count >= buffer.count {
      sink(bytes)
    } else if let source = bytes.baseAddress, let target = buffer.baseAddress {
      (target + count).update(from: source, count: bytes.count)
      count += bytes.count
    }
  }

  /// Writes `length` bytes that `fill` puts straight into the buffer (a read from a file, say),
  /// saving a copy; when `fill` returns false nothing is written, and false is returned.
  public func write(length: Int, _ fill: (UnsafeMutableBufferPointer<UInt8>) -> Bool) -> Bool {
    if count + length > buffer.count { flush() }
    guard length < buffer.count else {
      let bytes = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: length)
      defer { bytes.deallocate() }
      guard fill(bytes) else { return false }
      sink(UnsafeBufferPointer(bytes))
      return true
    }
    guard fill(UnsafeMutableBufferPointer(rebasing: buffer[count..<count + length])) else { return false }
    count += length
    return true
  }

  /// Hands on everything written; call once at the end.
  public func finish() {
    flush()
  }

  private func flush() {
    guard count > 0 else { return }
    sink(UnsafeBufferPointer(rebasing: buffer[0..<count]))
    count = 0
  }
}

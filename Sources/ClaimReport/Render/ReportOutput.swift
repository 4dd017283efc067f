/// Where a report is written: bytes collected in a buffer and handed on in chunks, so a report of
/// any size passes through a megabyte of memory; pieces larger than that are handed on as they
/// are, without a copy. The caller's `sink` does the writing; this module never touches a file.
///
/// Every write is whole UTF-8 characters, and chunks are cut only between writes, so a sink may
/// decode chunks one by one.
public final class ReportOutput {
  private var buffer: [UInt8] = []
  private let chunkSize: Int
  private let sink: (UnsafeBufferPointer<UInt8>) -> Void

  /// An output handing chunks of about `chunkSize` bytes to `sink`.
  public init(chunkSize: Int = 1 << 20, sink: @escaping (UnsafeBufferPointer<UInt8>) -> Void) {
    self.chunkSize = max(16, chunkSize)
    self.sink = sink
    buffer.reserveCapacity(self.chunkSize)
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
    if buffer.count + bytes.count > chunkSize { flush() }
    if bytes.count >= chunkSize {
      sink(bytes)
    } else {
      buffer.append(contentsOf: bytes)
    }
  }

  /// Hands on everything written; call once at the end.
  public func finish() {
    flush()
  }

  private func flush() {
    guard !buffer.isEmpty else { return }
    buffer.withUnsafeBufferPointer { sink($0) }
    buffer.removeAll(keepingCapacity: true)
  }
}

internal import CLibCrypto

/// An OpenSSL SHA-256 context (`EVP_MD_CTX`), freed in `deinit`.
///
/// Archiving hashes every page three times (block, payload, and the capture's content address);
/// OpenSSL uses the processor's SHA instructions, about 1.5 GB/s here against 250 MB/s for the
/// portable `ClaimModel.SHA256`, which keeps a 5 MB page's archiving under 20 ms. Results are the
/// same SHA-256 (tests compare both with `sha256sum`).
final class DigestContext {
  private let context: OpaquePointer

  /// A context ready for SHA-256 (`EVP_DigestInit_ex`). OpenSSL fails here only when memory runs
  /// out, where Swift's own allocations trap as well.
  init() {
    guard let context = EVP_MD_CTX_new(), EVP_DigestInit_ex(context, EVP_sha256(), nil) == 1 else {
      fatalError("OpenSSL could not set up a SHA-256 context (out of memory)")
    }
    self.context = context
  }

  deinit {
    EVP_MD_CTX_free(context)
  }

  /// Adds bytes (`EVP_DigestUpdate`).
  func update(_ bytes: UnsafeRawBufferPointer) {
    guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
    _ = EVP_DigestUpdate(context, base, bytes.count)
  }

  /// The 32-byte digest (`EVP_DigestFinal_ex`).
  func finalize() -> [UInt8] {
    var digest = [UInt8](repeating: 0, count: 32)
    var length: UInt32 = 0
    _ = digest.withUnsafeMutableBufferPointer { EVP_DigestFinal_ex(context, $0.baseAddress, &length) }
    return digest
  }
}

/// SHA-256 of archived bytes, through OpenSSL.
enum SHA256Digest {
  /// The 32-byte SHA-256 of the concatenation of `parts`.
  static func digest(_ parts: [UnsafeRawBufferPointer]) -> [UInt8] {
    let context = DigestContext()
    for part in parts { context.update(part) }
    return context.finalize()
  }

  /// The 32-byte SHA-256 of `bytes`.
  static func digest(_ bytes: [UInt8]) -> [UInt8] {
    bytes.withUnsafeBytes { digest([$0]) }
  }

  /// `digest` as lowercase hexadecimal.
  static func hex(_ digest: [UInt8]) -> String {
    let digits = Array("0123456789abcdef".utf8)
    var text: [UInt8] = []
    text.reserveCapacity(digest.count * 2)
    for byte in digest {
      text.append(digits[Int(byte >> 4)])
      text.append(digits[Int(byte & 0xF)])
    }
    return String(decoding: text, as: UTF8.self)
  }
}

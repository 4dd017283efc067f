/// Byte counts written for people: `20 MB`, `512 KB`, `1234 bytes` (decimal units, as limits are given).
package enum ByteCount {
  /// `count` in the largest decimal unit that divides it evenly, else in bytes.
  package static func text(_ count: Int) -> String {
    if count >= 1_000_000_000, count % 1_000_000_000 == 0 { return "\(count / 1_000_000_000) GB" }
    if count >= 1_000_000, count % 1_000_000 == 0 { return "\(count / 1_000_000) MB" }
    if count >= 1_000, count % 1_000 == 0 { return "\(count / 1_000) KB" }
    return count == 1 ? "1 byte" : "\(count) bytes"
  }
}

/// A fast 64-bit checksum over words, in four independent lanes so it runs near memory speed: it
/// catches a damaged or overwritten cache file, not an adversary (the cache is the user's own).
package enum CacheChecksum {
  package static func of(_ bytes: some Collection<UInt8>) -> UInt64 {
    if let sum = bytes.withContiguousStorageIfAvailable({ of(UnsafeRawBufferPointer($0)) }) { return sum }
    return Array(bytes).withUnsafeBytes { of($0) }
  }

  package static func of(_ raw: UnsafeRawBufferPointer) -> UInt64 {
    let prime: UInt64 = 0x0000_0100_0000_01B3
    var lanes: (UInt64, UInt64, UInt64, UInt64) = (
      0xCBF2_9CE4_8422_2325, 0x9E37_79B9_7F4A_7C15, 0xC2B2_AE3D_27D4_EB4F, 0x1656_67B1_9E37_79F9
    )
    var offset = 0
    while offset + 32 <= raw.count {
      lanes.0 = (lanes.0 ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* prime
      lanes.1 = (lanes.1 ^ raw.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self)) &* prime
      lanes.2 = (lanes.2 ^ raw.loadUnaligned(fromByteOffset: offset + 16, as: UInt64.self)) &* prime
      lanes.3 = (lanes.3 ^ raw.loadUnaligned(fromByteOffset: offset + 24, as: UInt64.self)) &* prime
      offset += 32
    }
    var hash = lanes.0 ^ (lanes.1 &* 31) ^ (lanes.2 &* 961) ^ (lanes.3 &* 29_791) ^ UInt64(raw.count)
    while offset < raw.count {
      hash = (hash ^ UInt64(raw[offset])) &* prime
      offset += 1
    }
    return hash ^ (hash >> 32)
  }
}

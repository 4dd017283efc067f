#if canImport(Glibc)
  import Glibc
#endif

/// What the writer of the last index knows of it: the file's identity, its checksum, and the hash
/// state every ``ChecksumStates/interval`` bytes. Kept beside the index by its caller (in the
/// ledger's caches), so that the next process to update that same file neither hashes 26 MB to
/// verify a checksum this code computed itself, nor loses the states that let it hash only what
/// follows the first changed byte.
///
/// It is trusted only for the very file it describes: same device, inode, size, modification and
/// inode-change times, and the same trailing checksum; any other program that replaces the index
/// or writes into it changes at least one of them, and then the file is verified in full as
/// before. Such a file was written by ``IndexFileWriter`` from a checked file and checked
/// entries, byte for byte what libgit2 writes, so its entries are not checked one by one again
/// either (their bounds are). The record carries its own SHA-1, and its last state must finish into the file's
/// checksum over the file's own last bytes, so a torn or stale record is never used. (Git itself
/// never verifies the index checksum on reading; libgit2 does on every read.)
struct ChecksumRecord: Equatable {
  static let magic: [UInt8] = Array("CLAIMS-INDEX-SHA1-STATES-1\n".utf8)

  var identity: FileIdentity
  var checksum: [UInt8]
  var states: [SHA1BlockState]

  /// The record's bytes: magic, identity (7 × 8 bytes), checksum, count, states (5 × 4 + 8 bytes
  /// each), all little-endian, then the SHA-1 of everything before it.
  var encoded: [UInt8] {
    var bytes = Self.magic
    func append<Integer: FixedWidthInteger>(_ value: Integer) {
      withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }
    for value in identity.values { append(value) }
    bytes += checksum
    append(UInt32(states.count))
    for state in states {
      let (a, b, c, d, e) = state.words
      for word in [a, b, c, d, e] { append(word) }
      append(state.length)
    }
    bytes += SHA1.digest(bytes)
    return bytes
  }

  init(identity: FileIdentity, checksum: [UInt8], states: [SHA1BlockState]) {
    self.identity = identity
    self.checksum = checksum
    self.states = states
  }

  /// Decodes `bytes`; nil when they are not a whole, intact record.
  init?(decoding bytes: [UInt8]) {
    let fixed = Self.magic.count + 7 * 8 + 20 + 4
    guard bytes.count >= fixed + 20, bytes.starts(with: Self.magic),
      SHA1.digest(Array(bytes.dropLast(20))) == Array(bytes.suffix(20))
    else { return nil }
    var offset = Self.magic.count
    func read<Integer: FixedWidthInteger>(_: Integer.Type) -> Integer {
      var value = Integer.zero
      withUnsafeMutableBytes(of: &value) { target in
        for index in 0..<target.count { target[index] = bytes[offset + index] }
      }
      offset += MemoryLayout<Integer>.size
      return Integer(littleEndian: value)
    }
    identity = FileIdentity(values: (0..<7).map { _ in read(UInt64.self) })
    checksum = Array(bytes[offset..<offset + 20])
    offset += 20
    let count = Int(read(UInt32.self))
    guard bytes.count == fixed + count * 28 + 20 else { return nil }
    states = (0..<count).map { _ in
      let words = (read(UInt32.self), read(UInt32.self), read(UInt32.self), read(UInt32.self), read(UInt32.self))
      return SHA1BlockState(words: words, length: read(UInt64.self))
    }
  }

  /// The record at `path`, or nil.
  static func read(from path: String) -> ChecksumRecord? {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    var bytes = [UInt8](repeating: 0, count: 1 << 16)
    var total = 0
    while total < bytes.count {
      let count = bytes.withUnsafeMutableBytes { buffer in
        buffer.baseAddress.map { Glibc.read(descriptor, $0 + total, buffer.count - total) } ?? -1
      }
      if count < 0 && errno == EINTR { continue }
      guard count > 0 else { break }
      total += count
    }
    guard total < bytes.count else { return nil }
    return ChecksumRecord(decoding: Array(bytes[..<total]))
  }

  /// Replaces the record at `path` (through a temporary file and a rename, so that a reader sees
  /// the old record or the new one), or removes it when `record` is nil. Not synced: a record
  /// lost to a power cut only costs one full verification.
  static func replace(at path: String, with record: ChecksumRecord?) {
    guard let record else {
      unlink(path)
      return
    }
    let temporary = "\(path).\(getpid()).tmp"
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0o644)
    guard descriptor >= 0 else {
      unlink(path)
      return
    }
    let bytes = record.encoded
    let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
    close(descriptor)
    if written != bytes.count || rename(temporary, path) != 0 {
      unlink(temporary)
      unlink(path)
    }
  }

  /// The hash states of `file` as `Hasher`s, when this record describes exactly that file and its
  /// last state finishes into the file's checksum; nil otherwise.
  func states<Hasher: SHA1Hashing>(of file: MappedFile, as _: Hasher.Type) -> [any SHA1Hashing]? {
    let length = file.count - IndexFormat.checksumSize
    guard identity == file.identity, checksum.elementsEqual(file.bytes[length...]),
      states.count == length / ChecksumStates.interval + 1
    else { return nil }
    var hashers: [any SHA1Hashing] = []
    hashers.reserveCapacity(states.count)
    for (index, state) in states.enumerated() {
      guard state.length == UInt64(index * ChecksumStates.interval), let hasher = Hasher(resuming: state) else {
        return nil
      }
      hashers.append(hasher)
    }
    guard var last = hashers.last as? Hasher else { return nil }
    let tail = states.count - 1
    last.update(
      UnsafeRawBufferPointer(
        start: file.base + tail * ChecksumStates.interval, count: length - tail * ChecksumStates.interval))
    guard last.finalize() == checksum else { return nil }
    return hashers
  }
}

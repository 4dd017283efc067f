import HTTPMessage

#if canImport(Glibc)
  import Glibc
#endif

/// Reads a page saved as a file, refusing directories and files over the page size limit.
enum PageFile {
  static func read(_ path: String, name: String, limit: Int) throws(WebSourceError) -> [UInt8] {
    var info = stat()
    guard stat(path, &info) == 0 else {
      let reason = String(cString: strerror(errno))
      let advice =
        errno == ENOENT && looksLikeAddress(name)
        ? "; to fetch a web address, write it in full, starting with https://" : "; check the path"
      throw WebSourceError(.unreadableFile, "cannot read '\(name)': \(reason)\(advice)")
    }
    if (info.st_mode & S_IFMT) == S_IFDIR {
      throw WebSourceError(.unreadableFile, "'\(name)' is a directory; give a file")
    }
    guard Int(info.st_size) <= limit else {
      throw WebSourceError(
        .tooLarge, "'\(name)' is \(info.st_size) bytes, more than the \(ByteCount.text(limit)) a page may have")
    }
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else {
      throw WebSourceError(.unreadableFile, "cannot read '\(name)': \(String(cString: strerror(errno)))")
    }
    defer { close(descriptor) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let count = chunk.withUnsafeMutableBytes { raw in Glibc.read(descriptor, raw.baseAddress, raw.count) }
      if count < 0 && errno == EINTR { continue }
      guard count >= 0 else {
        throw WebSourceError(.unreadableFile, "cannot read '\(name)': \(String(cString: strerror(errno)))")
      }
      if count == 0 { break }
      bytes.append(contentsOf: chunk[..<count])
      guard bytes.count <= limit else {
        throw WebSourceError(.tooLarge, "'\(name)' is more than the \(ByteCount.text(limit)) a page may have")
      }
    }
    return bytes
  }

  /// Whether a path that is not there reads as a web address without its scheme:
  /// `example.org/story`, `www.courier.example/news`.
  static func looksLikeAddress(_ name: String) -> Bool {
    let parts = name.split(separator: "/", maxSplits: 1)
    guard parts.count == 2 else { return false }
    let labels = parts[0].split(separator: ".", omittingEmptySubsequences: false)
    guard labels.count >= 2, labels.allSatisfy({ !$0.isEmpty }), let last = labels.last else { return false }
    let fileExtensions: Set<Substring> = ["html", "htm", "txt", "text", "json", "xml", "d"]
    return (2...12).contains(last.count) && last.allSatisfy({ $0.isASCII && $0.isLetter })
      && !fileExtensions.contains(last.lowercased()[...])
  }
}

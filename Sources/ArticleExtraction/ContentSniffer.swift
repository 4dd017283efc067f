/// Recognises what kind of bytes a page is from their first bytes (magic numbers), before any
/// attempt to read them as text.
enum ContentSniffer {
  /// What the first bytes say.
  enum Sniffed: Equatable {
    case pdf
    /// A known binary format, by name (`PNG image`, `ZIP archive`), or `binary data`.
    case binary(String)
    /// Text that looks like HTML.
    case html
    /// Text that does not look like HTML.
    case text
  }

  /// Formats recognised by a fixed prefix, with the name used in messages.
  private static let signatures: [(prefix: [UInt8], name: String)] = [
    ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "a PNG image"),
    ([0xFF, 0xD8, 0xFF], "a JPEG image"),
    (Array("GIF87a".utf8), "a GIF image"),
    (Array("GIF89a".utf8), "a GIF image"),
    ([0x50, 0x4B, 0x03, 0x04], "a ZIP archive (or an Office document)"),
    ([0x50, 0x4B, 0x05, 0x06], "a ZIP archive"),
    ([0x1F, 0x8B], "gzip-compressed data"),
    (Array("BZh".utf8), "bzip2-compressed data"),
    ([0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00], "xz-compressed data"),
    ([0x28, 0xB5, 0x2F, 0xFD], "zstd-compressed data"),
    ([0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C], "a 7-Zip archive"),
    (Array("Rar!".utf8), "a RAR archive"),
    ([0x7F, 0x45, 0x4C, 0x46], "an ELF executable"),
    (Array("MZ".utf8), "a Windows executable"),
    ([0xCF, 0xFA, 0xED, 0xFE], "a Mach-O executable"),
    ([0x00, 0x61, 0x73, 0x6D], "a WebAssembly module"),
    (Array("OggS".utf8), "an Ogg media file"),
    (Array("ID3".utf8), "an MP3 audio file"),
    (Array("fLaC".utf8), "a FLAC audio file"),
    ([0x1A, 0x45, 0xDF, 0xA3], "a Matroska/WebM video"),
    (Array("SQLite format 3".utf8), "an SQLite database"),
    ([0x49, 0x49, 0x2A, 0x00], "a TIFF image"),
    ([0x4D, 0x4D, 0x00, 0x2A], "a TIFF image"),
    (Array("wOFF".utf8), "a web font"),
    (Array("wOF2".utf8), "a web font"),
    ([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], "an old Office document"),
    (Array("{\\rtf".utf8), "an RTF document"),
  ]

  static func sniff(_ bytes: [UInt8]) -> Sniffed {
    let head = bytes.prefix(1024)
    // PDF readers accept the header anywhere in the first kilobyte.
    if contains(Array("%PDF-".utf8), in: head) { return .pdf }
    for signature in signatures where head.starts(with: signature.prefix) {
      return .binary(signature.name)
    }
    if head.count >= 12, head[head.startIndex + 4..<head.startIndex + 8].elementsEqual("ftyp".utf8) {
      return .binary("an MP4 or QuickTime media file")
    }
    if head.count >= 12, head.starts(with: "RIFF".utf8) {
      return .binary("a RIFF media file (WebP, WAV or AVI)")
    }
    if head.starts(with: [0xFE, 0xFF]) || head.starts(with: [0xFF, 0xFE]) {
      return looksLikeHTML(utf16: head) ? .html : .text
    }
    // Text never holds NUL or most other C0 controls; a few in the first kilobyte mean binary data.
    let controls = head.lazy.filter { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D && $0 != 0x0C && $0 != 0x1B }
    if head.contains(0) || controls.count > head.count / 100 + 1 {
      return .binary("binary data")
    }
    return looksLikeHTML(bytes.prefix(8192)) ? .html : .text
  }

  /// Tags whose presence near the start of a document marks it as HTML (compared lowercased).
  private static let htmlMarkers = [
    "<!doctype html", "<html", "<head", "<body", "<meta", "<title", "<p>", "<p ", "<div", "<br", "<table",
    "<script", "<article", "<h1", "<a href", "<!--",
  ].map { Array($0.utf8) }

  private static func looksLikeHTML(_ head: ArraySlice<UInt8>) -> Bool {
    let lowered = head.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
    return htmlMarkers.contains { contains($0, in: lowered[...]) }
  }

  private static func looksLikeHTML(utf16 head: ArraySlice<UInt8>) -> Bool {
    // Dropping the zero bytes of ASCII characters is enough to look for tags.
    looksLikeHTML(head.filter { $0 != 0 }[...])
  }

  static func contains(_ needle: [UInt8], in haystack: ArraySlice<UInt8>) -> Bool {
    guard let first = needle.first, needle.count <= haystack.count else { return false }
    var index = haystack.startIndex
    let last = haystack.endIndex - needle.count
    while index <= last {
      if haystack[index] == first, haystack[index..<index + needle.count].elementsEqual(needle) { return true }
      index += 1
    }
    return false
  }
}

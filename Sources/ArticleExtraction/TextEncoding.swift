/// A character set a page can be written in, named as the WHATWG Encoding Standard names it.
enum TextEncoding: Equatable {
  case utf8
  case utf16LittleEndian
  case utf16BigEndian
  /// Also what `ISO-8859-1`, `latin1` and `US-ASCII` labels mean on the web: browsers have read
  /// them as windows-1252 for decades, and pages written under those labels rely on it (curly
  /// quotes in 0x93/0x94).
  case windows1252
  /// Any other character set iconv knows, by the name iconv is given.
  case other(String)

  /// The name reported to the caller.
  var name: String {
    switch self {
    case .utf8: "UTF-8"
    case .utf16LittleEndian: "UTF-16LE"
    case .utf16BigEndian: "UTF-16BE"
    case .windows1252: "windows-1252"
    case .other(let name): name
    }
  }

  /// The encoding a label (from a header or a `<meta>`) stands for, or nil for labels nobody
  /// should honour (`replacement`, `x-user-defined`) and unknown ones.
  init?(label: String) {
    let label = label.trimmingASCIIWhitespace().lowercasedASCII()
    switch label {
    case "":
      return nil
    case "utf-8", "utf8", "unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8", "x-unicode20utf8":
      self = .utf8
    case "utf-16", "utf-16le", "unicode", "ucs-2", "csunicode", "iso-10646-ucs-2", "unicodefeff":
      self = .utf16LittleEndian
    case "utf-16be", "unicodefffe":
      self = .utf16BigEndian
    case "windows-1252", "cp1252", "x-cp1252", "iso-8859-1", "iso8859-1", "iso88591", "iso_8859-1",
      "iso_8859-1:1987", "iso-ir-100", "latin1", "l1", "csisolatin1", "ibm819", "cp819", "us-ascii", "ascii",
      "ansi_x3.4-1968":
      self = .windows1252
    case "gb2312", "gbk", "x-gbk", "gb_2312", "gb_2312-80", "chinese", "csgb2312", "iso-ir-58", "gb18030":
      self = .other("GB18030")
    case "euc-kr", "ks_c_5601-1987", "ks_c_5601-1989", "ksc5601", "ksc_5601", "windows-949", "korean", "cseuckr":
      self = .other("CP949")
    case "shift_jis", "shift-jis", "sjis", "ms_kanji", "ms932", "windows-31j", "x-sjis", "csshiftjis":
      self = .other("CP932")
    case "big5", "big5-hkscs", "cn-big5", "x-x-big5", "csbig5":
      self = .other("BIG5-HKSCS")
    case "iso-8859-9", "latin5", "l5", "iso8859-9", "windows-1254":
      self = .other("WINDOWS-1254")
    case "tis-620", "iso-8859-11", "windows-874", "dos-874":
      self = .other("WINDOWS-874")
    case "replacement", "x-user-defined", "iso-2022-kr", "hz-gb-2312", "iso-2022-cn", "iso-2022-cn-ext":
      return nil
    default:
      // Everything else (ISO-8859-2..16, windows-125x, KOI8-R, EUC-JP, ...) by its own name, if
      // iconv knows it; only letters, digits and a few separators reach iconv.
      guard label.utf8.count <= 40,
        label.utf8.allSatisfy({ $0.isASCIIAlphanumeric || $0 == 0x2D || $0 == 0x5F || $0 == 0x2E || $0 == 0x3A }),
        IconvDecoder.isSupported(label)
      else { return nil }
      self = .other(label.uppercased())
    }
  }
}

extension UInt8 {
  var isASCIIAlphanumeric: Bool {
    (self >= 0x30 && self <= 0x39) || (self >= 0x41 && self <= 0x5A) || (self >= 0x61 && self <= 0x7A)
  }

  var isASCIIWhitespace: Bool {
    self == 0x20 || self == 0x09 || self == 0x0A || self == 0x0D || self == 0x0C
  }

  var lowercasedASCII: UInt8 {
    self >= 0x41 && self <= 0x5A ? self | 0x20 : self
  }
}

extension String {
  /// The string with ASCII capitals lowercased (tag and attribute values are ASCII keywords).
  func lowercasedASCII() -> String {
    guard utf8.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) else { return self }
    return String(decoding: utf8.map(\.lowercasedASCII), as: UTF8.self)
  }

  /// The string without leading and trailing ASCII whitespace.
  func trimmingASCIIWhitespace() -> String {
    let bytes = Array(utf8)
    guard let first = bytes.firstIndex(where: { !$0.isASCIIWhitespace }),
      let last = bytes.lastIndex(where: { !$0.isASCIIWhitespace })
    else { return "" }
    if first == 0 && last == bytes.count - 1 { return self }
    return String(decoding: bytes[first...last], as: UTF8.self)
  }
}

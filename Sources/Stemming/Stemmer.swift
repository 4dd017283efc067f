internal import CStemmer

/// A Snowball stemmer for one language (`sb_stemmer`): reduces inflected words to a common stem,
/// so "shooting", "shoots" and "shot"… meet in a search index where they should.
///
/// One instance is not thread-safe (libstemmer keeps the last result in the stemmer), so it is not
/// `Sendable`: make one per task. Making one costs microseconds.
public final class Stemmer {
  private let pointer: OpaquePointer
  /// The canonical algorithm name, e.g. `english`.
  public let language: String

  /// A stemmer for `language`, given as Snowball's algorithm name (`english`, `french`) or a two- or
  /// three-letter ISO 639 code (`en`, `fr`, `deu`); case does not matter. Nil when libstemmer has no
  /// algorithm for it (`sb_stemmer_new`).
  public init?(language: String) {
    let name = language.lowercased()
    guard !name.isEmpty, name.utf8.allSatisfy({ $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") || $0 == 0x5F })
    else { return nil }
    guard let pointer = sb_stemmer_new(name, "UTF_8") else { return nil }
    self.pointer = pointer
    self.language = Stemmer.canonicalName(of: name) ?? name
  }

  deinit {
    sb_stemmer_delete(pointer)
  }

  /// The stem of `word`, which should already be lower-cased (Snowball's algorithms expect it).
  /// A word libstemmer cannot stem (out of memory) comes back unchanged.
  public func stem(_ word: String) -> String {
    var word = word
    return word.withUTF8 { utf8 -> String in
      guard utf8.count < Int(Int32.max), let base = utf8.baseAddress else {
        return String(decoding: utf8, as: UTF8.self)
      }
      guard let result = sb_stemmer_stem(pointer, base, Int32(utf8.count)) else {
        return String(decoding: utf8, as: UTF8.self)
      }
      let length = Int(sb_stemmer_length(pointer))
      return String(decoding: UnsafeBufferPointer(start: result, count: length), as: UTF8.self)
    }
  }

  /// The canonical names of the algorithms this libstemmer provides (`sb_stemmer_list`), e.g.
  /// `english`, `french`, `porter`.
  public static var availableLanguages: [String] {
    var names: [String] = []
    guard let list = sb_stemmer_list() else { return names }
    var index = 0
    while let name = list[index] {
      names.append(String(cString: name))
      index += 1
    }
    return names
  }

  /// The canonical algorithm name `alias` stands for: itself when it is one, else the language its
  /// ISO code names (libstemmer resolves aliases but has no call that says to what).
  private static func canonicalName(of alias: String) -> String? {
    let names = availableLanguages
    if names.contains(alias) { return alias }
    return isoCodes[alias]
  }

  /// ISO 639-1 and -2 codes of the languages Snowball has stemmers for, to their canonical names.
  private static let isoCodes: [String: String] = [
    "ar": "arabic", "ara": "arabic", "eu": "basque", "eus": "basque", "baq": "basque", "ca": "catalan",
    "cat": "catalan", "da": "danish", "dan": "danish", "nl": "dutch", "nld": "dutch", "dut": "dutch",
    "en": "english", "eng": "english", "fi": "finnish", "fin": "finnish", "fr": "french", "fra": "french",
    "fre": "french", "de": "german", "deu": "german", "ger": "german", "el": "greek", "ell": "greek",
    "gre": "greek", "hi": "hindi", "hin": "hindi", "hu": "hungarian", "hun": "hungarian", "id": "indonesian",
    "ind": "indonesian", "ga": "irish", "gle": "irish", "it": "italian", "ita": "italian", "lt": "lithuanian",
    "lit": "lithuanian", "ne": "nepali", "nep": "nepali", "no": "norwegian", "nor": "norwegian",
    "nb": "norwegian", "pt": "portuguese", "por": "portuguese", "ro": "romanian", "ron": "romanian",
    "rum": "romanian", "ru": "russian", "rus": "russian", "sr": "serbian", "srp": "serbian", "es": "spanish",
    "spa": "spanish", "sv": "swedish", "swe": "swedish", "ta": "tamil", "tam": "tamil", "tr": "turkish",
    "tur": "turkish", "yi": "yiddish", "yid": "yiddish", "hy": "armenian", "hye": "armenian", "arm": "armenian",
  ]
}

@available(*, unavailable)
extension Stemmer: Sendable {}

/// What an element's `class`, `id` and `role` say about its content, in general words used
/// across the web (never a particular site's names).
struct ClassSignal: Equatable {
  /// How sure the words are that the element is page furniture.
  enum Furniture: Int, Comparable {
    case none = 0
    /// Words page builders also put on content wrappers (`widget`, `header`, `meta`).
    case weak
    /// Words of furniture (`share`, `related`, `footer`, `sidebar`, `ad`).
    case strong
    /// Comments: as long and sentence-like as an article, so only their names tell them apart.
    case comments

    static func < (lhs: Furniture, rhs: Furniture) -> Bool { lhs.rawValue < rhs.rawValue }
  }

  var furniture = Furniture.none
  /// Words that name an article's body (`article-body`, `post-content`, `entry-content`).
  var isArticleBody = false
  /// Words of hidden or screen-reader-only content.
  var isHidden = false
  /// Words of a picture's caption or credit.
  var isCaption = false
}

enum ClassVocabulary {
  /// Whole words (after splitting on punctuation and camelCase) that mark furniture, by how
  /// sure they are.
  static let furnitureWords: [String: ClassSignal.Furniture] = {
    var words: [String: ClassSignal.Furniture] = [:]
    for word in ["comment", "comments", "commenting", "disqus"] { words[word] = .comments }
    for word in [
      "nav", "navbar", "navigation", "menu", "menus", "submenu", "footer", "sidebar", "share", "shares", "sharing",
      "sharebar", "social", "related", "recommended", "recommendation", "recommendations", "cookie", "cookies",
      "consent", "gdpr", "ad", "ads", "advert", "adverts", "advertisement", "advertising", "adslot", "adunit",
      "sponsor", "sponsored", "promo", "promoted", "promotion", "newsletter", "subscribe", "subscription", "signup",
      "popup", "modal", "overlay", "lightbox", "breadcrumb", "breadcrumbs", "pagination", "pager",
      "byline", "bylines", "bio", "masthead", "login", "signin", "trending", "popular", "copyright", "legal",
      "carousel", "slider",
    ] {
      words[word] = .strong
    }
    for word in [
      "widget", "widgets", "rail", "aside", "author", "authors", "tags", "tagged", "taxonomy", "header", "toolbar",
      "tools", "search", "follow", "print", "banner", "skip", "meta", "date", "timestamp", "button", "btn", "logo",
      "dropdown", "player",
    ] {
      words[word] = .weak
    }
    return words
  }()

  /// Words that, placed just before a furniture word, describe the page's state rather than
  /// the element (`has-sidebar`, `no-comments`, `with-ads`).
  static let stateModifiers: Set<String> = [
    "has", "with", "without", "no", "show", "hide", "enable", "disable", "is", "on",
  ]

  /// The subject and body words that together name an article's text.
  static let articleSubjects: Set<String> = ["article", "story", "post", "entry", "blog", "news", "main", "single"]
  static let articleBodies: Set<String> = ["body", "content", "text", "copy", "inner"]

  /// Words of content quoted from elsewhere (social posts embedded in the text).
  static let embedWords: Set<String> = ["embed", "embedded", "tweet"]

  static let captionWords: Set<String> = ["caption", "credit", "credits", "figcaption"]

  static let hiddenPhrases = [
    "sr-only", "screen-reader", "visually-hidden", "visuallyhidden", "screenreader", "offscreen",
  ]

  /// What one word says; every vocabulary in one table, so each word costs one lookup.
  private struct WordMeaning {
    var furniture = ClassSignal.Furniture.none
    var isStateModifier = false
    var isSubject = false
    var isBody = false
    var isArticleBody = false
    var isCaption = false
    var isEmbed = false
  }

  private static let meanings: [String: WordMeaning] = {
    var table: [String: WordMeaning] = [:]
    for (word, furniture) in furnitureWords { table[word, default: WordMeaning()].furniture = furniture }
    for word in stateModifiers { table[word, default: WordMeaning()].isStateModifier = true }
    for word in articleSubjects { table[word, default: WordMeaning()].isSubject = true }
    for word in articleBodies { table[word, default: WordMeaning()].isBody = true }
    for word in captionWords { table[word, default: WordMeaning()].isCaption = true }
    for word in embedWords { table[word, default: WordMeaning()].isEmbed = true }
    for word in [
      "articlebody", "storybody", "postbody", "entrycontent", "postcontent", "articlecontent", "storycontent",
      "articletext",
    ] {
      table[word, default: WordMeaning()].isArticleBody = true
    }
    return table
  }()

  private static let hiddenPhraseBytes = hiddenPhrases.map { Array($0.utf8) }

  /// Reads the signal of an element's attributes.
  static func signal(classAndID: String) -> ClassSignal {
    var signal = ClassSignal()
    let lowered = classAndID.utf8.map(\.lowercasedASCII)
    for phrase in hiddenPhraseBytes where ContentSniffer.contains(phrase, in: lowered[...]) {
      signal.isHidden = true
    }
    var previousIsModifier = false
    var hasSubject = false
    var hasBody = false
    var isEmbed = false
    for word in splitWords(classAndID) {
      guard let meaning = meanings[word] else {
        previousIsModifier = false
        continue
      }
      if meaning.furniture > signal.furniture, !previousIsModifier { signal.furniture = meaning.furniture }
      if meaning.isCaption { signal.isCaption = true }
      if meaning.isSubject { hasSubject = true }
      if meaning.isBody { hasBody = true }
      if meaning.isArticleBody { signal.isArticleBody = true }
      if meaning.isEmbed { isEmbed = true }
      previousIsModifier = meaning.isStateModifier
    }
    if hasSubject && hasBody { signal.isArticleBody = true }
    // A post quoted from a social network (`social-media-embed`, `twitter-tweet`) is part of
    // the article, however social its wrapper's name.
    if isEmbed && signal.furniture < .comments { signal.furniture = .none }
    return signal
  }

  /// Lowercase words of a class list: split on anything but letters and digits, and between a
  /// lowercase letter and a capital (`shareBar` is `share`, `bar`). Each whole class name is
  /// also given joined (`article-body` adds `articlebody`).
  static func splitWords(_ text: String) -> [String] {
    var words: [String] = []
    var current: [UInt8] = []
    var joined: [UInt8] = []
    var previousWasLower = false
    func endWord() {
      if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)) }
      current.removeAll(keepingCapacity: true)
    }
    func endClass() {
      endWord()
      if joined.count > 3 { words.append(String(decoding: joined, as: UTF8.self)) }
      joined.removeAll(keepingCapacity: true)
    }
    for byte in text.utf8 {
      if byte.isASCIIWhitespace {
        endClass()
        previousWasLower = false
      } else if byte.isASCIIAlphanumeric {
        let isUpper = byte >= 0x41 && byte <= 0x5A
        if isUpper && previousWasLower { endWord() }
        current.append(byte.lowercasedASCII)
        joined.append(byte.lowercasedASCII)
        previousWasLower = byte >= 0x61 && byte <= 0x7A
      } else {
        endWord()
        previousWasLower = false
      }
    }
    endClass()
    return words
  }
}

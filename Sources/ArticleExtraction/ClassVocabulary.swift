/// What an element's `class`, `id` and `role` say about its content, in general words used
/// across the web (never a particular site's names).
struct ClassSignal: Equatable {
  /// Words of page furniture: navigation, share bars, related lists, comments, ads, bylines...
  var isBoilerplate = false
  /// Words that name an article's body (`article-body`, `post-content`, `entry-content`).
  var isArticleBody = false
  /// Words of hidden or screen-reader-only content.
  var isHidden = false
  /// Words of a picture's caption or credit.
  var isCaption = false
}

enum ClassVocabulary {
  /// Whole words (after splitting on punctuation and camelCase) that mark furniture.
  static let boilerplateWords: Set<String> = [
    "nav", "navbar", "navigation", "menu", "menus", "submenu", "footer", "sidebar", "aside", "rail", "widget",
    "widgets", "share", "shares", "sharing", "sharebar", "social", "related", "recommended", "recommendation",
    "recommendations", "comment", "comments", "commenting", "disqus", "cookie", "cookies", "consent", "gdpr",
    "ad", "ads", "advert", "adverts", "advertisement", "advertising", "adslot", "adunit", "sponsor", "sponsored",
    "promo", "promoted", "promotion", "newsletter", "subscribe", "subscription", "signup", "paywall", "popup",
    "modal", "overlay", "lightbox", "breadcrumb", "breadcrumbs", "pagination", "pager", "byline", "bylines",
    "author", "authors", "bio", "tags", "tagged", "taxonomy", "masthead", "header", "toolbar", "tools", "login",
    "signin", "search", "trending", "popular", "follow", "print", "banner", "skip", "meta", "date", "timestamp",
    "copyright", "legal", "button", "btn", "logo", "dropdown", "carousel", "slider", "player",
  ]

  /// Words that, placed just before a furniture word, describe the page's state rather than
  /// the element (`has-sidebar`, `no-comments`, `with-ads`).
  static let stateModifiers: Set<String> = ["has", "with", "without", "no", "show", "hide", "enable", "disable", "is", "on"]

  /// The subject and body words that together name an article's text.
  static let articleSubjects: Set<String> = ["article", "story", "post", "entry", "blog", "news", "main", "single"]
  static let articleBodies: Set<String> = ["body", "content", "text", "copy", "inner"]

  static let captionWords: Set<String> = ["caption", "credit", "credits", "figcaption"]

  static let hiddenPhrases = ["sr-only", "screen-reader", "visually-hidden", "visuallyhidden", "screenreader", "offscreen"]

  /// Reads the signal of an element's attributes.
  static func signal(classAndID: String) -> ClassSignal {
    var signal = ClassSignal()
    let lowered = classAndID.lowercasedASCII()
    for phrase in hiddenPhrases where lowered.contains(phrase) {
      signal.isHidden = true
    }
    let words = splitWords(classAndID)
    var previous = ""
    var hasSubject = false
    var hasBody = false
    for word in words {
      if boilerplateWords.contains(word), !stateModifiers.contains(previous) {
        signal.isBoilerplate = true
      }
      if captionWords.contains(word) { signal.isCaption = true }
      if articleSubjects.contains(word) { hasSubject = true }
      if articleBodies.contains(word) { hasBody = true }
      if word == "articlebody" || word == "storybody" || word == "postbody" || word == "entrycontent"
        || word == "postcontent" || word == "articlecontent" || word == "storycontent" || word == "articletext"
      {
        signal.isArticleBody = true
      }
      previous = word
    }
    if hasSubject && hasBody { signal.isArticleBody = true }
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

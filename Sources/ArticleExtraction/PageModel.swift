/// A page reduced to what extraction needs: its text as blocks in document order, the
/// block-level elements that hold them, and the metadata the page states about itself.
struct PageModel {
  var elements: [PageElement] = []
  var blocks: [TextBlock] = []
  var metadata = MetadataTags()
}

/// A block-level element of the page's body.
struct PageElement {
  /// The tag name.
  var name: String
  /// The index of the enclosing block-level element, or -1 for the body.
  var parent: Int
  /// The blocks inside this element: `blocks[blockRange]`.
  var blockRange: Range<Int>
  /// What its class, id and role say.
  var signal: ClassSignal
  /// Marked up as the article itself: `<article>`, `<main>`, `itemprop="articleBody"`,
  /// `role="main"` or article-body class words.
  var isArticleMarker: Bool
  /// What the tag says (`header`, `footer`, `aside`, `form` are furniture).
  var furnitureTag: ClassSignal.Furniture

  /// The stronger of what the tag and the class words say.
  var furniture: ClassSignal.Furniture { max(signal.furniture, furnitureTag) }
}

/// A run of text between two block boundaries (a paragraph, a heading, a list item...).
struct TextBlock {
  /// Whitespace collapsed; line breaks (`<br>`) kept as `\n`.
  var text: String
  /// Characters other than whitespace.
  var characterCount: Int
  /// Characters other than whitespace inside links.
  var linkCharacterCount: Int
  /// The innermost block-level element holding the text.
  var element: Int
  /// 1–6 inside `<h1>`–`<h6>`, else 0.
  var headingLevel: Int
  /// Where the block sits.
  var context: BlockContext

  var linkDensity: Double {
    characterCount == 0 ? 0 : Double(linkCharacterCount) / Double(characterCount)
  }
}

/// The structures a block is inside.
struct BlockContext: OptionSet {
  let rawValue: UInt16
  static let listItem = BlockContext(rawValue: 1 << 0)
  static let quote = BlockContext(rawValue: 1 << 1)
  static let preformatted = BlockContext(rawValue: 1 << 2)
  static let tableCell = BlockContext(rawValue: 1 << 3)
  static let figure = BlockContext(rawValue: 1 << 4)
  static let caption = BlockContext(rawValue: 1 << 5)
}

/// Metadata as the page's tags give it, before choosing between sources.
struct MetadataTags {
  /// `<title>`.
  var title: String?
  /// `<meta name|property|itemprop=... content=...>`, keys lowercased, values in order.
  var meta: [String: [String]] = [:]
  /// The texts of `<script type="application/ld+json">`.
  var jsonLD: [String] = []
  /// `<link rel="canonical">`.
  var canonical: String?
  /// `<html lang>`.
  var htmlLanguage: String?
  /// Texts of `<h1>` elements, in order.
  var firstHeadings: [String] = []
  /// `datetime` attributes of `<time>` elements, in order, with whether they are marked as the
  /// publication date (`pubdate`, `itemprop="datePublished"`).
  var times: [(value: String, isPublication: Bool)] = []
  /// Microdata values (`itemprop` on an element, its `content`/`datetime` or text).
  var itemprops: [String: [String]] = [:]
  /// Texts of links marked `rel="author"`.
  var authorLinks: [String] = []
}

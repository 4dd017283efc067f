import HTML

/// Walks a parsed page once, collecting its metadata tags and cutting its body into text blocks
/// at block-level boundaries, with what each block sits in (links, headings, lists, figures).
struct PageReader {
  /// Elements whose content is never article text (scripts, media, forms' controls, `nav`).
  static let skippedElements: Set<String> = [
    "style", "noscript", "template", "svg", "math", "iframe", "object", "embed", "canvas", "video", "audio",
    "picture", "img", "source", "track", "map", "area", "button", "select", "option", "optgroup", "datalist",
    "input", "textarea", "nav", "dialog", "head", "base", "frame", "frameset", "applet",
  ]

  /// Elements inside a line of text; all others start a new block.
  static let inlineElements: Set<String> = [
    "a", "abbr", "acronym", "b", "bdi", "bdo", "big", "cite", "code", "data", "del", "dfn", "em", "font", "i",
    "ins", "kbd", "mark", "nobr", "q", "rp", "rt", "ruby", "s", "samp", "small", "span", "strike", "strong",
    "sub", "sup", "time", "tt", "u", "var", "wbr", "br", "label", "output", "meter", "progress",
  ]

  private enum ElementKind { case skipped, inline, block }

  /// Both lists in one table, so each element costs one lookup.
  private static let elementKinds: [String: ElementKind] = {
    var kinds: [String: ElementKind] = [:]
    for name in skippedElements { kinds[name] = .skipped }
    for name in inlineElements { kinds[name] = .inline }
    return kinds
  }()

  /// Tags of page furniture, weighed as class words are.
  static let furnitureTags: [String: ClassSignal.Furniture] = [
    "header": .weak, "form": .weak, "footer": .strong, "aside": .strong,
  ]

  /// Microdata properties worth reading as text (others, such as `articleBody`, are large).
  static let textItemprops: Set<String> = ["author", "name", "headline", "datepublished", "datemodified", "creator"]

  private(set) var model = PageModel()
  private var buffer: [UInt8] = []
  private var characterCount = 0
  private var linkCharacterCount = 0
  private var pendingSpace = false
  private var afterLineBreak = false
  private var linkDepth = 0
  private var preformattedDepth = 0
  private var headingLevel = 0
  private var context: BlockContext = []
  private var currentElement = -1
  private var inHead = false

  static func read(_ document: HTMLDocument) -> PageModel {
    var reader = PageReader()
    reader.model.metadata.htmlLanguage = document.root.attribute("lang") ?? document.root.attribute("xml:lang")
    // The page itself is the outermost element, so text standing directly in the body has a
    // container too.
    reader.model.elements.append(
      PageElement(
        name: "body", parent: -1, blockRange: 0..<0, signal: ClassSignal(), isArticleMarker: false, furnitureTag: .none)
    )
    reader.currentElement = 0
    for child in document.root.children {
      switch child {
      case .element(let element) where element.name == "head":
        reader.inHead = true
        reader.visitChildren(of: element)
        reader.inHead = false
      case .element(let element) where element.name == "body":
        reader.visitChildren(of: element)
      case .element(let element):
        reader.visit(element)
      case .text(let text):
        reader.append(text)
      }
    }
    reader.flush()
    reader.model.elements[0].blockRange = 0..<reader.model.blocks.count
    return reader.model
  }

  private mutating func visitChildren(of element: HTMLElement) {
    for child in element.children {
      switch child {
      case .element(let element): visit(element)
      case .text(let text): if !inHead { append(text) }
      }
    }
  }

  private mutating func visit(_ element: HTMLElement) {
    let name = element.name
    switch name {
    case "script":
      if let type = element.attribute("type"), type.lowercasedASCII().contains("ld+json") {
        model.metadata.jsonLD.append(element.textContent)
      }
      return
    case "meta":
      recordMeta(element)
      return
    case "link":
      recordLink(element)
      return
    case "title":
      if model.metadata.title == nil, inHead || currentElement <= 0 {
        model.metadata.title = collapsedText(element)
      }
      return
    default:
      break
    }
    let kind = Self.elementKinds[name] ?? .block
    if kind == .skipped || inHead || isHidden(element) { return }
    recordMicrodata(element)

    if kind == .inline {
      visitInline(element)
      return
    }

    flush()
    let signal = signal(of: element)
    if signal.isHidden { return }
    let index = model.elements.count
    let start = model.blocks.count
    let itemprop = element.attribute("itemprop")?.lowercasedASCII()
    let role = element.attribute("role")?.lowercasedASCII()
    var elementSignal = signal
    if let role,
      ["navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar", "dialog", "alert"]
        .contains(role)
    {
      elementSignal.furniture = max(elementSignal.furniture, .strong)
    }
    let isMarker =
      name == "article" || name == "main" || itemprop == "articlebody" || role == "main" || signal.isArticleBody
    model.elements.append(
      PageElement(
        name: name, parent: currentElement, blockRange: start..<start, signal: elementSignal, isArticleMarker: isMarker,
        furnitureTag: Self.furnitureTags[name] ?? .none))

    let saved = (currentElement, headingLevel, context, preformattedDepth)
    currentElement = index
    switch name {
    case "h1", "h2", "h3", "h4", "h5", "h6":
      headingLevel = Int(name.utf8.last.map { $0 - UInt8(ascii: "0") } ?? 2)
      if name == "h1" { model.metadata.firstHeadings.append(collapsedText(element)) }
    case "li", "dd", "dt": context.insert(.listItem)
    case "blockquote": context.insert(.quote)
    case "pre": preformattedDepth += 1
    case "td", "th": context.insert(.tableCell)
    case "figure": context.insert(.figure)
    case "figcaption", "caption": context.insert(.caption)
    default: break
    }
    if signal.isCaption { context.insert(.caption) }
    visitChildren(of: element)
    flush()
    model.elements[index].blockRange = start..<model.blocks.count
    (currentElement, headingLevel, context, preformattedDepth) = saved
  }

  private mutating func visitInline(_ element: HTMLElement) {
    switch element.name {
    case "br":
      lineBreak()
      return
    case "a":
      if let rel = element.attribute("rel"), rel.lowercasedASCII().contains("author") {
        model.metadata.authorLinks.append(collapsedText(element))
      }
      linkDepth += 1
      visitChildren(of: element)
      linkDepth -= 1
      return
    case "time":
      if let value = element.attribute("datetime") {
        let isPublication =
          element.attribute("pubdate") != nil || element.attribute("itemprop")?.lowercasedASCII() == "datepublished"
        model.metadata.times.append((value, isPublication))
      }
    default:
      break
    }
    // A span of screen-reader text, a share button or a caption credit inside a line.
    if element.attribute("class") != nil || element.attribute("id") != nil {
      let signal = signal(of: element)
      if signal.isHidden || signal.furniture >= .strong || signal.isCaption { return }
    }
    visitChildren(of: element)
  }

  /// Pages repeat the same class lists hundreds of times; each is read once.
  private var signalCache: [String: ClassSignal] = [:]

  private mutating func signal(of element: HTMLElement) -> ClassSignal {
    let classes = element.attribute("class")
    let id = element.attribute("id")
    guard classes != nil || id != nil else { return ClassSignal() }
    let key = (classes ?? "") + " " + (id ?? "")
    if let known = signalCache[key] { return known }
    let signal = ClassVocabulary.signal(classAndID: key)
    signalCache[key] = signal
    return signal
  }

  private func isHidden(_ element: HTMLElement) -> Bool {
    if element.attribute("hidden") != nil { return true }
    guard let style = element.attribute("style") else { return false }
    let compact = style.lowercasedASCII().utf8.filter { !$0.isASCIIWhitespace }
    return ContentSniffer.contains(Array("display:none".utf8), in: compact[...])
      || ContentSniffer.contains(Array("visibility:hidden".utf8), in: compact[...])
  }

  // MARK: Metadata

  private mutating func recordMeta(_ element: HTMLElement) {
    guard let content = element.attribute("content") else {
      if let charset = element.attribute("charset") { _ = charset }
      return
    }
    for attribute in ["name", "property", "itemprop", "http-equiv"] {
      guard let keys = element.attribute(attribute) else { continue }
      // `itemprop="datePublished dateCreated"` names two properties.
      for key in keys.lowercasedASCII().split(separator: " ").map(String.init) {
        model.metadata.meta[key, default: []].append(content)
        if attribute == "itemprop" { model.metadata.itemprops[key, default: []].append(content) }
      }
    }
  }

  private mutating func recordLink(_ element: HTMLElement) {
    guard let rel = element.attribute("rel")?.lowercasedASCII(), let href = element.attribute("href") else { return }
    let relations = rel.split(separator: " ")
    if relations.contains("canonical"), model.metadata.canonical == nil {
      model.metadata.canonical = href.trimmingASCIIWhitespace()
    }
  }

  private mutating func recordMicrodata(_ element: HTMLElement) {
    guard let itemprop = element.attribute("itemprop") else { return }
    for property in itemprop.lowercasedASCII().split(separator: " ") {
      let key = String(property)
      if let value = element.attribute("content") ?? element.attribute("datetime") {
        model.metadata.itemprops[key, default: []].append(value)
      } else if Self.textItemprops.contains(key) {
        let text = collapsedText(element)
        if !text.isEmpty && text.utf8.count < 300 { model.metadata.itemprops[key, default: []].append(text) }
      }
    }
  }

  /// An element's text with whitespace collapsed, for metadata.
  private func collapsedText(_ element: HTMLElement) -> String {
    TextCleaner.collapseWhitespace(element.textContent)
  }

  // MARK: Blocks

  private mutating func append(_ text: String) {
    for byte in text.utf8 {
      if preformattedDepth > 0 {
        if byte == 0x0D { continue }
        buffer.append(byte)
        if !byte.isASCIIWhitespace && byte & 0xC0 != 0x80 { countCharacter() }
        continue
      }
      if byte.isASCIIWhitespace {
        pendingSpace = !buffer.isEmpty
        continue
      }
      if pendingSpace {
        if buffer.last != 0x0A { buffer.append(0x20) }
        pendingSpace = false
      }
      buffer.append(byte)
      afterLineBreak = false
      if byte & 0xC0 != 0x80 { countCharacter() }
    }
  }

  private mutating func countCharacter() {
    characterCount += 1
    if linkDepth > 0 { linkCharacterCount += 1 }
  }

  /// `<br>`: a line break; two in a row end the paragraph.
  private mutating func lineBreak() {
    if afterLineBreak {
      flush()
      return
    }
    guard !buffer.isEmpty else { return }
    while buffer.last == 0x20 { buffer.removeLast() }
    buffer.append(0x0A)
    pendingSpace = false
    afterLineBreak = true
  }

  private mutating func flush() {
    defer {
      buffer.removeAll(keepingCapacity: true)
      characterCount = 0
      linkCharacterCount = 0
      pendingSpace = false
      afterLineBreak = false
    }
    while let last = buffer.last, last.isASCIIWhitespace { buffer.removeLast() }
    guard characterCount > 0 else { return }
    var text = String(decoding: buffer, as: UTF8.self)
    if text.unicodeScalars.contains("\u{A0}") {
      text = TextCleaner.collapseWhitespace(text, keepingLineBreaks: preformattedDepth == 0)
    }
    model.blocks.append(
      TextBlock(
        text: text, characterCount: characterCount, linkCharacterCount: linkCharacterCount,
        element: currentElement, headingLevel: headingLevel, context: context))
  }
}

/// Finds the article's body among a page's text blocks.
///
/// 1. Each block gets a content value and a noise weight from its own text: long, sentence-like
///    text with few links is content; link lists and link-heavy headings are noise; short lines
///    are neutral.
/// 2. Elements whose tag or class words name furniture (share bars, related lists, comments,
///    footers...) are believed when they hold a small part of the page's content, or always for
///    comments; their text becomes noise.
/// 3. The container is the block-level element whose content minus weighted noise is largest:
///    going up a level pays only when it adds more article than furniture.
/// 4. Inside it, blocks are kept in order except furniture, captions (listed apart), link lists,
///    the headline and lines of page furniture at the edges.
struct BodyExtractor {
  let model: PageModel
  let title: String?
  /// The page's own statement of its article text, when it gives one.
  var hint: ArticleBodyHint? = nil

  /// A block the page's JSON-LD `articleBody` confirms counts this many times its value.
  static let confirmedBonus = 2.0

  /// How much a character of noise costs against a character of content when choosing the
  /// container.
  static let noiseWeight = 0.6

  struct Result {
    var paragraphs: [String]
    var captions: [String]
  }

  func extract() -> Result? {
    extract(explaining: nil)
  }

  /// The extraction, writing to `log` (when given) each block with its element path, weights
  /// and fate, for tuning.
  func extract(explaining log: UnsafeMutablePointer<String>?) -> Result? {
    let blocks = model.blocks
    guard !blocks.isEmpty else { return nil }

    // Content by text alone, to judge how much of the page a furniture-named element holds.
    let plain = PrefixSums(adjusted(blocks.map { weigh($0, inFurniture: false) }))
    let regions = FurnitureRegions(elements: model.elements, content: plain)
    var weights = adjusted(blocks.map { weigh($0, inFurniture: regions.isFurniture($0.element)) })
    if let hint {
      for (index, block) in blocks.enumerated() where weights[index].value > 0 && hint.confirms(block.text) {
        weights[index].value *= Self.confirmedBonus
      }
    }
    let sums = PrefixSums(weights)

    var best = -1
    var bestScore = 0.0
    for (index, element) in model.elements.enumerated() {
      let range = element.blockRange
      let content = sums.value(range)
      guard content > 0 else { continue }
      let score = content - Self.noiseWeight * sums.noise(range)
      if score > bestScore || (best >= 0 && score == bestScore && isInside(index, best)) {
        best = index
        bestScore = score
      }
    }
    guard best >= 0 else { return nil }
    let range = model.elements[best].blockRange
    let result = select(in: range, container: best, regions: regions)
    if let log {
      log.pointee += "container: \(path(best)) score \(bestScore)\n"
      for (index, block) in blocks.enumerated() {
        let (value, noise) = weights[index]
        let inside = range.contains(index) ? "*" : " "
        let kept = result.paragraphs.contains(block.text) ? "K" : " "
        log.pointee +=
          "\(inside)\(kept) v\(Int(value)) n\(Int(noise)) c\(block.characterCount) l\(block.linkCharacterCount) "
          + "h\(block.headingLevel) \(path(block.element)) | \(block.text.prefix(90))\n"
      }
    }
    return result
  }

  private func path(_ element: Int) -> String {
    var parts: [String] = []
    var current = element
    while current >= 0, parts.count < 7 {
      let element = model.elements[current]
      let furniture = String(repeating: "!", count: element.furniture.rawValue)
      parts.append(
        element.name + furniture + (element.isArticleMarker ? "+" : "") + (element.signal.isCaption ? "~" : ""))
      current = element.parent
    }
    return parts.reversed().joined(separator: ">")
  }

  /// Link text costs this many times its length in a block's value: a paragraph with a few
  /// inline links stays content, a teaser (a linked headline and a sentence) does not.
  static let linkCost = 2.5

  /// A long sentence may carry many links (a news digest links every item) and stay text.
  private func isLinkedSentence(_ block: TextBlock) -> Bool {
    block.characterCount >= 100 && block.linkDensity < 0.8 && TextShape.endsLikeSentence(block.text)
  }

  private func isLinkList(_ block: TextBlock) -> Bool {
    block.linkDensity > 0.5 && !isLinkedSentence(block)
  }

  private func weigh(_ block: TextBlock, inFurniture: Bool) -> (value: Double, noise: Double) {
    let characters = Double(block.characterCount)
    let links = Double(block.linkCharacterCount)
    if inFurniture || isLinkList(block) { return (0, characters) }
    if block.headingLevel > 0 || block.context.contains(.caption) { return (0, links) }
    // Teasers end cut short.
    if TextShape.isTruncated(block.text) { return (0, characters * 0.5) }
    let cost = isLinkedSentence(block) ? 1 : Self.linkCost
    let value = max(0, characters - cost * links)
    if block.characterCount >= 80 { return (value, links) }
    if block.characterCount >= 25, TextShape.endsLikeSentence(block.text) { return (value * 0.5, links) }
    return (0, links)
  }

  /// The weights of blocks after looking at their neighbours.
  private func adjusted(_ weights: [(value: Double, noise: Double)]) -> [(value: Double, noise: Double)] {
    runWeighted(teaserSummaries(continuingCuts(weights)))
  }

  /// A paragraph under a linked headline of its own small box (with at most a byline or a date
  /// between) is a teaser's summary, the card of another article: it counts a fifth. A linked
  /// headline from a box of its own (a related link set into the article) is not the paragraph's.
  private func teaserSummaries(_ weights: [(value: Double, noise: Double)]) -> [(value: Double, noise: Double)] {
    var result = weights
    let blocks = model.blocks
    for index in blocks.indices where weights[index].value > 0 {
      var previous = index - 1
      while previous >= 0, previous >= index - 3 {
        let block = blocks[previous]
        let isHeadline =
          block.characterCount >= 15
          && (block.headingLevel > 0 ? block.linkDensity > 0.5 : block.linkDensity >= 0.95)
        if isHeadline {
          if areCardmates(block.element, blocks[index].element) { result[index].value *= 0.2 }
          break
        }
        // Only short lines (a byline, a date, a category) may stand between.
        guard block.characterCount < 40, block.headingLevel == 0 else { break }
        previous -= 1
      }
    }
    return result
  }

  /// True when two elements stand within two levels of a common ancestor, as a card's headline
  /// and summary do.
  private func areCardmates(_ first: Int, _ second: Int) -> Bool {
    var ancestors: [Int] = []
    var current = first
    while current >= 0, ancestors.count < 3 {
      ancestors.append(current)
      current = model.elements[current].parent
    }
    current = second
    var steps = 0
    while current >= 0, steps < 3 {
      if ancestors.contains(current) { return true }
      current = model.elements[current].parent
      steps += 1
    }
    return false
  }

  /// A paragraph cut short right after a paragraph of the same element is where a paywall
  /// cuts the article, not a teaser: it counts as half content.
  private func continuingCuts(_ weights: [(value: Double, noise: Double)]) -> [(value: Double, noise: Double)] {
    var result = weights
    let blocks = model.blocks
    for index in blocks.indices.dropFirst() where weights[index - 1].value > 0 && weights[index].value == 0 {
      let block = blocks[index]
      let previous = blocks[index - 1]
      guard TextShape.isTruncated(block.text), block.headingLevel == 0, block.linkDensity < 0.5 else { continue }
      let parent = model.elements[block.element].parent
      guard previous.element == block.element || model.elements[previous.element].parent == parent else { continue }
      result[index] = (Double(block.characterCount) * 0.5, 0)
    }
    return result
  }

  /// Scales each block's value by the length of the run of content blocks it stands in: an
  /// article is paragraphs one after another, while teasers stand alone between linked
  /// headlines, bylines and dates. Blocks that are mostly links end a run; short neutral lines
  /// (a subheading, a dateline) do not.
  private func runWeighted(_ weights: [(value: Double, noise: Double)]) -> [(value: Double, noise: Double)] {
    var result = weights
    var runStart = 0
    var index = 0
    func close(_ end: Int) {
      let count = weights[runStart..<end].lazy.filter { $0.value > 0 }.count
      let factor = count >= 3 ? 1 : count == 2 ? 0.75 : 0.5
      for position in runStart..<end { result[position].value = weights[position].value * factor }
    }
    for block in model.blocks {
      if block.linkCharacterCount > 0 && isLinkList(block) {
        close(index)
        runStart = index + 1
      }
      index += 1
    }
    close(weights.count)
    return result
  }

  /// True when element `inner` is `outer` or inside it.
  private func isInside(_ inner: Int, _ outer: Int) -> Bool {
    var current = inner
    while current >= 0 {
      if current == outer { return true }
      current = model.elements[current].parent
    }
    return false
  }

  /// True when some element between `container` (exclusive) and the block's element
  /// (inclusive) is furniture.
  private func isFurniture(_ element: Int, below container: Int, regions: FurnitureRegions) -> Bool {
    var current = element
    while current >= 0 && current != container {
      if regions.isFurnitureElement(current) { return true }
      current = model.elements[current].parent
    }
    return false
  }

  private func select(in range: Range<Int>, container: Int, regions: FurnitureRegions) -> Result {
    var kept: [TextBlock] = []
    var captions: [String] = []
    let normalizedTitle = title.map(TextShape.comparable)
    for block in model.blocks[range] {
      if isFurniture(block.element, below: container, regions: regions) { continue }
      if block.context.contains(.caption) || block.context.contains(.figure) {
        captions.append(block.text)
        continue
      }
      if isLinkList(block) { continue }
      if block.headingLevel > 0, let normalizedTitle, TextShape.comparable(block.text) == normalizedTitle { continue }
      if block.headingLevel == 1 { continue }
      if TextShape.isFurnitureLine(block.text) { continue }
      kept.append(block)
    }
    trimEdges(&kept)
    return Result(paragraphs: kept.map(\.text), captions: captions)
  }

  /// Drops lines before the first and after the last paragraph that are not the article's:
  /// short lines (bylines, dates, "Advertisement"), and paragraphs of furniture (credits,
  /// contact details, copyright, calls to subscribe).
  private func trimEdges(_ blocks: inout [TextBlock]) {
    func isParagraph(_ block: TextBlock) -> Bool {
      block.headingLevel == 0 && !TextShape.isEdgeFurniture(block.text)
        && ((block.characterCount >= 80 && block.linkDensity < 0.25) || TextShape.endsLikeSentence(block.text))
    }
    // Indices rather than removals, so a page of a million short lines costs one pass.
    var first = blocks.startIndex
    while first < blocks.endIndex,
      blocks[first].headingLevel > 0 ? TextShape.isEdgeFurniture(blocks[first].text) : !isParagraph(blocks[first])
    {
      first += 1
    }
    var end = blocks.endIndex
    // A list or table closing the article (the teams qualified, the items reviewed) is part of it.
    while end > first, !isParagraph(blocks[end - 1]),
      blocks[end - 1].headingLevel > 0 || TextShape.isEdgeFurniture(blocks[end - 1].text)
        || blocks[end - 1].context.isDisjoint(with: [.listItem, .tableCell])
    {
      end -= 1
    }
    blocks = Array(blocks[first..<end])
  }
}

/// Running totals of block values and noise, so any element's totals cost two subtractions.
struct PrefixSums {
  private var values: [Double]
  private var noises: [Double]

  init(_ weights: [(value: Double, noise: Double)]) {
    values = [0]
    noises = [0]
    values.reserveCapacity(weights.count + 1)
    noises.reserveCapacity(weights.count + 1)
    for weight in weights {
      values.append(values[values.count - 1] + weight.value)
      noises.append(noises[noises.count - 1] + weight.noise)
    }
  }

  func value(_ range: Range<Int>) -> Double { values[range.upperBound] - values[range.lowerBound] }
  func noise(_ range: Range<Int>) -> Double { noises[range.upperBound] - noises[range.lowerBound] }
  var totalValue: Double { values[values.count - 1] }
}

/// Which block-level elements are page furniture. An element named furniture by its tag or
/// class words is believed unless it holds the marked-up article, or (for the words page
/// builders also put on wrappers) unless it holds much of the page's content: a `widget` holding
/// 90% of the page's text is the article's wrapper, not a widget.
struct FurnitureRegions {
  /// The largest share of the page's content an element named by weak or strong words may hold.
  static let weakShare = 0.25
  static let strongShare = 0.6

  private let furniture: [Bool]
  private let inherited: [Bool]

  /// The share of the page's content a marked-up article must hold to be taken as the article
  /// (lists of teasers are often `<article>` elements too).
  static let markerShare = 0.3
  /// An element named furniture inside the marked-up article that holds this share of it is a
  /// wrapper of the article's text (a `paywall` wrapper, a builder's `widget-container`).
  static let shareOfArticle = 0.3

  init(elements: [PageElement], content: PrefixSums) {
    let total = max(content.totalValue, 1)
    let isMarker = elements.map { $0.isArticleMarker && content.value($0.blockRange) >= Self.markerShare * total }
    var containsMarker = isMarker
    for index in elements.indices.reversed() where containsMarker[index] {
      let parent = elements[index].parent
      if parent >= 0 { containsMarker[parent] = true }
    }
    // The nearest marked-up article around each element.
    var enclosingMarker = [Int](repeating: -1, count: elements.count)
    for (index, element) in elements.enumerated() where element.parent >= 0 {
      enclosingMarker[index] = isMarker[element.parent] ? element.parent : enclosingMarker[element.parent]
    }
    var furniture = [Bool](repeating: false, count: elements.count)
    var inherited = [Bool](repeating: false, count: elements.count)
    for (index, element) in elements.enumerated() {
      var own: Bool
      let share = content.value(element.blockRange) / total
      switch element.furniture {
      case .none: own = false
      case .weak: own = share < Self.weakShare
      case .strong: own = share < Self.strongShare
      case .comments: own = true
      }
      if containsMarker[index] { own = false }
      if own, element.furniture < .comments, enclosingMarker[index] >= 0 {
        let article = content.value(elements[enclosingMarker[index]].blockRange)
        if content.value(element.blockRange) >= Self.shareOfArticle * article { own = false }
      }
      furniture[index] = own
      inherited[index] = own || (element.parent >= 0 && inherited[element.parent])
    }
    self.furniture = furniture
    self.inherited = inherited
  }

  /// True when the element itself is furniture.
  func isFurnitureElement(_ index: Int) -> Bool { index >= 0 && furniture[index] }

  /// True when the element or one of its ancestors is furniture.
  func isFurniture(_ index: Int) -> Bool { index >= 0 && inherited[index] }
}

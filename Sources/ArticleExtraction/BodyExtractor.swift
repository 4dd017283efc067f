/// Finds the article's body among a page's text blocks.
///
/// 1. Each block gets a content value and a noise weight from its own text: long, sentence-like
///    text with few links is content; link lists, text inside furniture (by tag or class words)
///    and link-heavy headings are noise; short lines are neutral.
/// 2. The container is the block-level element whose content minus weighted noise is largest:
///    going up a level pays only when it adds more article than furniture.
/// 3. Inside it, blocks are kept in order except furniture, captions (listed apart), link lists,
///    the headline and lines of page furniture at the edges.
struct BodyExtractor {
  let model: PageModel
  let title: String?

  /// How much a character of noise costs against a character of content when choosing the
  /// container.
  static let noiseWeight = 0.6

  struct Result {
    var paragraphs: [String]
    var captions: [String]
  }

  func extract() -> Result? {
    let blocks = model.blocks
    guard !blocks.isEmpty else { return nil }
    let regions = FurnitureRegions(elements: model.elements)

    var value = [Double](repeating: 0, count: blocks.count + 1)
    var noise = [Double](repeating: 0, count: blocks.count + 1)
    for (index, block) in blocks.enumerated() {
      let (blockValue, blockNoise) = weigh(block, inFurniture: regions.isFurniture(block.element))
      value[index + 1] = value[index] + blockValue
      noise[index + 1] = noise[index] + blockNoise
    }

    var best = -1
    var bestScore = 0.0
    for (index, element) in model.elements.enumerated() {
      let range = element.blockRange
      let content = value[range.upperBound] - value[range.lowerBound]
      guard content > 0 else { continue }
      let score = content - Self.noiseWeight * (noise[range.upperBound] - noise[range.lowerBound])
      if score > bestScore || (best >= 0 && score == bestScore && isInside(index, best)) {
        best = index
        bestScore = score
      }
    }
    let range = best >= 0 ? model.elements[best].blockRange : 0..<blocks.count
    guard value[range.upperBound] - value[range.lowerBound] > 0 || best < 0 else { return nil }
    return select(in: range, container: best)
  }

  private func weigh(_ block: TextBlock, inFurniture: Bool) -> (value: Double, noise: Double) {
    let characters = Double(block.characterCount)
    let links = Double(block.linkCharacterCount)
    if inFurniture { return (0, characters) }
    if block.linkDensity > 0.5 { return (0, characters) }
    if block.headingLevel > 0 || block.context.contains(.caption) { return (0, links) }
    if block.characterCount >= 80 { return (characters - links, links) }
    if block.characterCount >= 25, TextShape.endsLikeSentence(block.text) { return ((characters - links) * 0.5, links) }
    return (0, links)
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

  private func select(in range: Range<Int>, container: Int) -> Result {
    let regions = FurnitureRegions(elements: model.elements)
    var kept: [TextBlock] = []
    var captions: [String] = []
    let normalizedTitle = title.map(TextShape.comparable)
    for block in model.blocks[range] {
      if isFurniture(block.element, below: container, regions: regions) { continue }
      if block.context.contains(.caption) || block.context.contains(.figure) {
        captions.append(block.text)
        continue
      }
      if block.linkDensity > 0.5 { continue }
      if block.headingLevel > 0, let normalizedTitle, TextShape.comparable(block.text) == normalizedTitle { continue }
      if block.headingLevel == 1 { continue }
      if TextShape.isFurnitureLine(block.text) { continue }
      kept.append(block)
    }
    trimEdges(&kept)
    return Result(paragraphs: kept.map(\.text), captions: captions)
  }

  /// Drops short lines before the first and after the last paragraph-like block: bylines,
  /// dates, "Advertisement", tag lists.
  private func trimEdges(_ blocks: inout [TextBlock]) {
    func isParagraph(_ block: TextBlock) -> Bool {
      block.headingLevel == 0 && (block.characterCount >= 80 || TextShape.endsLikeSentence(block.text))
    }
    while let first = blocks.first, !isParagraph(first), first.headingLevel == 0 { blocks.removeFirst() }
    while let last = blocks.last, !isParagraph(last) { blocks.removeLast() }
  }
}

/// Which block-level elements are page furniture: a furniture tag (`header`, `footer`,
/// `aside`, `form`) or class words, unless the element holds the marked-up article itself.
struct FurnitureRegions {
  private let furniture: [Bool]
  private let inherited: [Bool]

  init(elements: [PageElement]) {
    var containsMarker = elements.map(\.isArticleMarker)
    for index in elements.indices.reversed() where containsMarker[index] {
      let parent = elements[index].parent
      if parent >= 0 { containsMarker[parent] = true }
    }
    var furniture = [Bool](repeating: false, count: elements.count)
    var inherited = [Bool](repeating: false, count: elements.count)
    for (index, element) in elements.enumerated() {
      let own =
        (element.signal.isBoilerplate || element.isFurnitureTag) && !containsMarker[index]
        && element.name != "article" && element.name != "main"
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

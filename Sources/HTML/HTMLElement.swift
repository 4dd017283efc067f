/// An HTML element: its lowercased name, its attributes in document order and its children.
///
/// A value type: a parsed page is a tree of these that can be read from any thread. Trees that
/// come from `HTMLDocument` are never deeper than the parse's depth limit, so the recursive
/// operations that Swift synthesises (equality, hashing, destruction) cannot exhaust the stack.
public struct HTMLElement: Sendable, Hashable {
  /// The tag name in lowercase (`p`, `article`, `h2`).
  public var name: String
  /// The attributes in the order written; a name repeated in the source is kept once, as
  /// libxml2 keeps it.
  public var attributes: [HTMLAttribute]
  /// Elements and text, in document order.
  public var children: [HTMLNode]

  /// Makes an element.
  public init(name: String, attributes: [HTMLAttribute] = [], children: [HTMLNode] = []) {
    self.name = name
    self.attributes = attributes
    self.children = children
  }

  /// The value of the attribute named `name` (lowercase), or nil when the element has none.
  public func attribute(_ name: String) -> String? {
    for attribute in attributes where attribute.name == name {
      return attribute.value
    }
    return nil
  }

  /// The element children, in order, skipping text.
  public var childElements: [HTMLElement] {
    children.compactMap { node in
      if case .element(let element) = node { return element }
      return nil
    }
  }

  /// All the text inside the element, concatenated in document order, as the DOM's
  /// `textContent` gives it (script and style text included).
  public var textContent: String {
    var text = ""
    appendText(to: &text)
    return text
  }

  private func appendText(to text: inout String) {
    for child in children {
      switch child {
      case .text(let run): text += run
      case .element(let element): element.appendText(to: &text)
      }
    }
  }

  /// The first element at or below this one, in document order, whose name is `name`.
  public func firstElement(named name: String) -> HTMLElement? {
    if self.name == name { return self }
    for case .element(let child) in children {
      if let found = child.firstElement(named: name) { return found }
    }
    return nil
  }

  /// Calls `body` on this element and every element below it, in document order.
  public func forEachElement(_ body: (HTMLElement) throws -> Void) rethrows {
    try body(self)
    for case .element(let child) in children {
      try child.forEachElement(body)
    }
  }
}

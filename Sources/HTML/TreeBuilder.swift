internal import CLibXML2

/// Copies a libxml2 document into `HTMLElement` values without recursion, so that a page nested
/// a million levels deep costs memory, not stack; elements below the depth limit are dissolved
/// into their ancestor at the limit.
struct TreeBuilder {
  private let limits: HTMLParseLimits
  private var nodeCount = 0
  private var isTruncated = false

  init(limits: HTMLParseLimits) {
    self.limits = limits
  }

  /// One element being built: its children so far and the next libxml2 node to copy into it.
  private struct Frame {
    var element: HTMLElement
    var next: xmlNodePtr?
    /// A frame past the depth limit: its children go to the frame below it.
    var isDissolved: Bool
  }

  mutating func build(_ document: xmlDocPtr) -> HTMLDocument {
    // The document's children are the doctype, comments and usually one `html` element; text
    // or other elements at the top level (libxml2 leaves some there) join the root.
    var root = HTMLElement(name: "html")
    var topLevel: [HTMLNode] = []
    var node = document.pointee.children
    while let current = node {
      if current.pointee.type == XML_ELEMENT_NODE, lowercasedName(current) == "html" {
        let element = copyElement(current)
        root.attributes += element.attributes
        topLevel += element.children
      } else if let copied = copyNode(current) {
        topLevel.append(copied)
      }
      node = current.pointee.next
    }
    root.children = topLevel
    return HTMLDocument(root: root, isTruncated: isTruncated)
  }

  /// Copies one top-level node (an element with all below it, or text); nil for anything else.
  private mutating func copyNode(_ node: xmlNodePtr) -> HTMLNode? {
    switch node.pointee.type {
    case XML_ELEMENT_NODE: return .element(copyElement(node))
    case XML_TEXT_NODE, XML_CDATA_SECTION_NODE: return text(of: node).map(HTMLNode.text)
    default: return nil
    }
  }

  private mutating func copyElement(_ top: xmlNodePtr) -> HTMLElement {
    var stack = [Frame(element: shallowCopy(top), next: top.pointee.children, isDissolved: false)]
    nodeCount += 1
    while true {
      let depth = stack.count
      guard let node = stack[depth - 1].next else {
        // This element is complete: hand it (or, past the depth limit, its children) to its parent.
        let finished = stack.removeLast()
        guard !stack.isEmpty else { return finished.element }
        if finished.isDissolved {
          stack[stack.count - 1].element.children += finished.element.children
        } else {
          stack[stack.count - 1].element.children.append(.element(finished.element))
        }
        continue
      }
      stack[depth - 1].next = node.pointee.next
      guard nodeCount < limits.maximumNodes else {
        isTruncated = true
        stack[depth - 1].next = nil
        continue
      }
      switch node.pointee.type {
      case XML_ELEMENT_NODE:
        nodeCount += 1
        // Only frames past the limit are dissolved, so the stack's height is the depth.
        let dissolved = depth >= limits.maximumDepth
        stack.append(Frame(element: shallowCopy(node), next: node.pointee.children, isDissolved: dissolved))
      case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
        if let run = text(of: node) {
          nodeCount += 1
          stack[depth - 1].element.children.append(.text(run))
        }
      default:
        continue  // Comments, processing instructions, entity declarations.
      }
    }
  }

  /// The element's name and attributes, without children.
  private func shallowCopy(_ node: xmlNodePtr) -> HTMLElement {
    var attributes: [HTMLAttribute] = []
    var attribute = node.pointee.properties
    while let current = attribute {
      if let name = current.pointee.name {
        attributes.append(HTMLAttribute(name: lowercased(name), value: value(of: current)))
      }
      attribute = current.pointee.next
    }
    return HTMLElement(name: lowercasedName(node), attributes: attributes)
  }

  private func lowercasedName(_ node: xmlNodePtr) -> String {
    guard let name = node.pointee.name else { return "" }
    return lowercased(name)
  }

  /// libxml2's HTML parser lowercases tag and attribute names already; this keeps that true
  /// for names it leaves alone (namespaced ones such as `FB:LIKE`).
  private func lowercased(_ name: UnsafePointer<xmlChar>) -> String {
    let string = String(cString: name)
    return string.utf8.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) ? string.lowercased() : string
  }

  private func text(of node: xmlNodePtr) -> String? {
    guard let content = node.pointee.content, content.pointee != 0 else { return nil }
    return String(cString: content)
  }

  /// An attribute's value: the concatenation of its text children, cut to the byte limit.
  private func value(of attribute: xmlAttrPtr) -> String {
    var bytes: [UInt8] = []
    var child = attribute.pointee.children
    while let current = child, bytes.count < limits.maximumAttributeBytes {
      if let content = current.pointee.content {
        let length = Int(xmlStrlen(content))
        let take = min(length, limits.maximumAttributeBytes - bytes.count)
        bytes.append(contentsOf: UnsafeBufferPointer(start: content, count: take))
      }
      child = current.pointee.next
    }
    return String(decoding: bytes, as: UTF8.self)
  }
}

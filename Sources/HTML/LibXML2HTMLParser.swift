internal import CLibXML2

/// Initialises libxml2 once per process, before the first parse from any thread, as its
/// documentation asks of threaded programs.
let libxml2Ready: Void = { xmlInitParser() }()

/// Runs libxml2's HTML parser over UTF-8 bytes and copies the result into value types.
enum LibXML2HTMLParser {
  /// Recover from any markup; no network, no default doctype, no error output, no blank-node
  /// removal (spaces between inline elements are words' boundaries); the encoding is the one we
  /// pass (UTF-8), whatever the page declares.
  static let options: Int32 = {
    let flags: [htmlParserOption] = [
      HTML_PARSE_RECOVER, HTML_PARSE_NONET, HTML_PARSE_NODEFDTD, HTML_PARSE_NOERROR, HTML_PARSE_NOWARNING,
      HTML_PARSE_COMPACT, HTML_PARSE_IGNORE_ENC,
    ]
    return flags.reduce(Int32(0)) { $0 | Int32($1.rawValue) }
  }()

  static func parse(_ buffer: UnsafeBufferPointer<UInt8>, limits: HTMLParseLimits) throws(HTMLParseError)
    -> HTMLDocument
  {
    _ = libxml2Ready
    guard let base = buffer.baseAddress, buffer.count > 0, let size = Int32(exactly: buffer.count) else {
      return HTMLDocument(root: HTMLElement(name: "html"))
    }
    guard let context = claims_html_new_silent_context() else {
      throw HTMLParseError(kind: .outOfMemory, message: "libxml2 could not allocate an HTML parser")
    }
    defer { htmlFreeParserCtxt(context) }
    let document = base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { characters in
      htmlCtxtReadMemory(context, characters, size, nil, "UTF-8", options)
    }
    guard let document else {
      return HTMLDocument(root: HTMLElement(name: "html"))
    }
    defer { xmlFreeDoc(document) }
    var builder = TreeBuilder(limits: limits)
    return builder.build(document)
  }
}

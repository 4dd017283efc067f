extension Citation {
  /// A citation read from CSL-JSON, the format Zotero, Mendeley and most reference managers export:
  /// an array of items (or one item), each with `URL` or `DOI`, `title`, `publisher` or
  /// `container-title`, and `issued`/`accessed` dates as `date-parts`.
  /// - Parameters:
  ///   - itemID: which item to take when the file holds several (its `id`); nil takes the only one.
  /// - Throws: ``RecordError`` when the document is not CSL-JSON or the item has no location.
  public init(cslJSON value: JSONValue, itemID: String? = nil) throws(RecordError) {
    let item = try Self.cslItem(value, itemID: itemID)
    let url: String
    if let link = Self.text(item["URL"]) {
      url = link
    } else if let doi = Self.text(item["DOI"]) {
      url = doi.lowercased().hasPrefix("doi:") ? doi : "doi:\(doi)"
    } else {
      throw RecordError(
        .invalidField, "the CSL-JSON reference has neither 'URL' nor 'DOI'; pass the URL on the command line")
    }
    self.init(
      url: url, title: Self.text(item["title"]),
      publisher: Self.text(item["publisher"]) ?? Self.text(item["container-title"]),
      published: Self.date(item["issued"]), accessed: Self.date(item["accessed"]))
  }

  /// The CSL date fields (`issued`, `accessed`) the reference has but that are no date a citation
  /// can hold (`{"raw": "Spring 2019"}`, a thirteenth month): the caller should say so.
  public static func cslDatesNotRead(in value: JSONValue, itemID: String? = nil) -> [String] {
    guard let item = try? cslItem(value, itemID: itemID) else { return [] }
    return ["issued", "accessed"].filter { item[$0] != nil && item[$0] != .null && date(item[$0]) == nil }
  }

  /// The reference a CSL-JSON document holds, or the one with `itemID` of several.
  private static func cslItem(_ value: JSONValue, itemID: String?) throws(RecordError) -> [String: JSONValue] {
    var items: [[String: JSONValue]] = []
    switch value {
    case .array(let elements):
      for element in elements {
        guard case .object(let item) = element else {
          throw RecordError(.invalidField, "not CSL-JSON: the array holds a \(element.typeName)")
        }
        items.append(item)
      }
    case .object(let item): items = [item]
    default: throw RecordError(.invalidField, "not CSL-JSON: expected an array of references, found \(value.typeName)")
    }
    guard !items.isEmpty else { throw RecordError(.notFound, "the CSL-JSON file holds no references") }
    for item in items where item["type"] == nil && item["title"] == nil {
      throw RecordError(.invalidField, "not CSL-JSON: a reference has neither 'type' nor 'title'")
    }
    let item: [String: JSONValue]
    if let itemID {
      guard let found = items.first(where: { text($0["id"]) == itemID }) else {
        throw RecordError(.notFound, "no reference with id '\(itemID.escapedForMessage)' in the CSL-JSON file")
      }
      item = found
    } else {
      guard items.count == 1, let only = items.first else {
        let ids = items.compactMap { text($0["id"]) }.prefix(10).joined(separator: ", ")
        throw RecordError(
          .ambiguous, "the CSL-JSON file holds \(items.count) references (\(ids)); choose one with --csl-id")
      }
      item = only
    }
    return item
  }

  private static func text(_ value: JSONValue?) -> String? {
    switch value {
    case .string(let text): text.isEmpty ? nil : text
    case .integer(let number): String(number)
    default: nil
    }
  }

  /// A CSL date: `{"date-parts": [[2024, 9, 18]]}`, or `{"raw": "2024-09-18"}`.
  private static func date(_ value: JSONValue?) -> CalendarDate? {
    guard case .object(let members) = value else { return nil }
    if case .array(let outer) = members["date-parts"], case .array(let parts) = outer.first {
      let numbers = parts.compactMap { part -> Int? in
        switch part {
        case .integer(let number): number
        case .string(let text): Int(text)
        default: nil
        }
      }
      func pad(_ number: Int, _ width: Int) -> String {
        let digits = String(number)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
      }
      let fields = numbers.prefix(3).enumerated().map { pad($0.element, $0.offset == 0 ? 4 : 2) }
      return CalendarDate(fields.joined(separator: "-"))
    }
    if case .string(let raw) = members["raw"] { return CalendarDate(raw) }
    return nil
  }
}

import ClaimModel

/// Merges two versions of a source record (`seeds/<id>.json`) field by field: a field changed on
/// one side takes that side's value; a field changed differently on both takes the value of the
/// later change (the author time of the commit that made it, then the larger value), and the other
/// is named. The text's digest and claim count follow the text the merge keeps.
enum SourceRecordMerge {
  struct Side {
    var record: SourceRecord
    /// When this side's version was made.
    var time: Int64
  }

  static func merge(base: SourceRecord?, ours: Side, theirs: Side, path: String) -> (
    SourceRecord, [MergeResolution]
  ) {
    var merged = ours.record
    var resolutions: [MergeResolution] = []
    let oursLater = (ours.time, ours.record.json.debugText) >= (theirs.time, theirs.record.json.debugText)
    func settle<Value: Equatable>(
      _ field: String, _ keyPath: WritableKeyPath<SourceRecord, Value>, show: (Value) -> String
    ) {
      let mine = ours.record[keyPath: keyPath]
      let other = theirs.record[keyPath: keyPath]
      guard mine != other else { return }
      let baseValue = base?[keyPath: keyPath]
      // Imported on both sides (no earlier record): a field one side did not give is not a removal.
      if base == nil, isUnset(other) { return }
      if base == nil, isUnset(mine) {
        merged[keyPath: keyPath] = other
        return
      }
      if let baseValue, baseValue == mine {
        merged[keyPath: keyPath] = other
        return
      }
      if let baseValue, baseValue == other { return }
      merged[keyPath: keyPath] = oursLater ? mine : other
      let (kept, lost) = oursLater ? (mine, other) : (other, mine)
      resolutions.append(
        MergeResolution(
          kind: .field, path: path, kept: oursLater ? .ours : .theirs,
          oursTime: Timestamp(secondsSince1970: ours.time), theirsTime: Timestamp(secondsSince1970: theirs.time),
          detail: "\(field) of source \(ours.record.id) \(show(lost)) replaced by \(show(kept)), made later"))
    }
    func isUnset<Value>(_ value: Value) -> Bool {
      if let optional = value as? (any OptionalProtocol) { return optional.isNone }
      return false
    }
    let quoted = { (text: String?) in text.map { "'\($0.escapedForMessage)'" } ?? "(none)" }
    settle("the title", \.title, show: quoted)
    settle("the URL", \.url, show: quoted)
    settle("the publication date", \.published) { $0?.text ?? "(none)" }
    settle("the authors", \.authors) { $0.map { "'\($0.joined(separator: "; ").escapedForMessage)'" } ?? "(none)" }
    settle("the publisher", \.publisher, show: quoted)
    settle("the language", \.language, show: quoted)
    settle("the canonical URL", \.canonicalURL, show: quoted)
    settle("the modification date", \.modified) { $0?.text ?? "(none)" }
    settle("the fetched URL", \.fetchedURL, show: quoted)
    settle("the fetch time", \.fetched) { $0?.text ?? "(none)" }
    settle("the page digest", \.pageSHA256, show: quoted)
    settle("the page's content type", \.pageContentType, show: quoted)
    return (merged, resolutions)
  }
}

extension JSONValue {
  /// The value's canonical text, to break ties between two records deterministically.
  var debugText: String { JSONWriter.canonicalText(of: self) }
}

/// Tells whether a value of some `Optional` type is `nil`, for the generic field merge.
protocol OptionalProtocol {
  var isNone: Bool { get }
}

extension Optional: OptionalProtocol {
  var isNone: Bool { self == nil }
}

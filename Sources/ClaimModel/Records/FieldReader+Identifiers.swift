extension FieldReader {
  /// The claim id in field `key`.
  /// - Throws: ``RecordError`` when it is missing or not a claim id.
  func claimID(_ key: String) throws(RecordError) -> ClaimID {
    let text = try string(key)
    guard let id = ClaimID(text) else {
      throw RecordError(.invalidField, "field '\(key)' is not a claim id: '\(text.escapedForMessage)'")
    }
    return id
  }

  /// The source id in field `key`.
  /// - Throws: ``RecordError`` when it is missing or not a source id.
  func sourceID(_ key: String) throws(RecordError) -> SourceID {
    let text = try string(key)
    guard let id = SourceID(text) else {
      throw RecordError(.invalidField, "field '\(key)' is not a source id: '\(text.escapedForMessage)'")
    }
    return id
  }

  /// The person (`Name <email>`) in field `key`.
  /// - Throws: ``RecordError`` when it is missing or not a usable identity.
  func identity(_ key: String) throws(RecordError) -> Identity {
    let text = try string(key)
    guard let identity = Identity(parsing: text) else {
      throw RecordError(.invalidField, "field '\(key)' is not a usable identity: '\(text.escapedForMessage)'")
    }
    return identity
  }
}

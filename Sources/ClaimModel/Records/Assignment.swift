/// Who should check a claim, as one editor set it; stored in
/// `Assignments/<source-id>/<claim-id>/<editor-slug>.json` so that two editors never write the same
/// file. When several editors assigned the same claim, the latest assignment stands.
public struct Assignment: LedgerRecord {
  public var claim: ClaimID
  public var source: SourceID
  /// The reviewer the claim is assigned to, or nil once unassigned.
  public var assignee: Identity?
  /// Who made the assignment.
  public var assignedBy: Identity
  /// When.
  public var updated: Timestamp

  public init(claim: ClaimID, source: SourceID, assignee: Identity?, assignedBy: Identity, updated: Timestamp) {
    self.claim = claim
    self.source = source
    self.assignee = assignee
    self.assignedBy = assignedBy
    self.updated = updated
  }

  public var json: JSONValue {
    var fields = FieldWriter()
    fields.set("format_version", .integer(currentFormatVersion))
    fields.set("claim", .string(claim.rawValue))
    fields.set("source", .string(source.rawValue))
    fields.set("assignee", assignee.map { .string($0.description) } ?? .null)
    fields.set("assigned_by", .string(assignedBy.description))
    fields.set("updated", .string(updated.text))
    return fields.value
  }

  public init(json: JSONValue) throws(RecordError) {
    let fields = try FieldReader(json, what: "an assignment")
    try fields.checkFormatVersion(supported: currentFormatVersion)
    let claimText = try fields.string("claim")
    let sourceText = try fields.string("source")
    guard let claim = ClaimID(claimText), let source = SourceID(sourceText) else {
      throw RecordError(.invalidField, "fields 'claim' and 'source' must hold a claim id and a source id")
    }
    let byText = try fields.string("assigned_by")
    guard let assignedBy = Identity(parsing: byText) else {
      throw RecordError(.invalidField, "field 'assigned_by' is not a usable identity")
    }
    var assignee: Identity?
    if let assigneeText = try fields.optionalString("assignee") {
      guard let parsed = Identity(parsing: assigneeText) else {
        throw RecordError(.invalidField, "field 'assignee' is not a usable identity")
      }
      assignee = parsed
    }
    let updatedText = try fields.string("updated")
    guard let updated = Timestamp(updatedText) else {
      throw RecordError(.invalidField, "field 'updated' is not a UTC timestamp")
    }
    self.init(claim: claim, source: source, assignee: assignee, assignedBy: assignedBy, updated: updated)
  }
}

/// One step of a ledger's verdict scale.
public struct Verdict: Sendable, Equatable {
  /// The name reviewers type: `supported`, `refuted`, …
  public var id: String
  /// How it reads in reports: `Supported`, `Refuted`, …
  public var label: String
  /// What it means, in one line.
  public var meaning: String
  /// The single key that records it in `claims review`.
  public var key: String
  /// Its schema.org ClaimReview rating, or nil for verdicts off the truth scale
  /// (`unverifiable`, `opinion`).
  public var rating: Rating?
  /// Whether this verdict flags the claim for an editor's attention (`refuted`, `misleading`).
  public var flags: Bool

  /// A schema.org `Rating`: `ratingValue` between `worstRating` and `bestRating`.
  public struct Rating: Sendable, Equatable {
    public var value: Int
    public var best: Int
    public var worst: Int

    public init(value: Int, best: Int, worst: Int) {
      self.value = value
      self.best = best
      self.worst = worst
    }
  }

  public init(id: String, label: String, meaning: String, key: String, rating: Rating?, flags: Bool = false) {
    self.id = id
    self.label = label
    self.meaning = meaning
    self.key = key
    self.rating = rating
    self.flags = flags
  }

  var json: JSONValue {
    var fields = FieldWriter()
    fields.set("id", .string(id))
    fields.set("label", .string(label))
    fields.set("meaning", .string(meaning))
    fields.set("key", .string(key))
    fields.set("flags", .bool(flags))
    if let rating {
      fields.set(
        "rating",
        .object(["value": .integer(rating.value), "best": .integer(rating.best), "worst": .integer(rating.worst)])
      )
    }
    return fields.value
  }

  init(json: JSONValue) throws(RecordError) {
    let fields = try FieldReader(json, what: "a verdict")
    id = try fields.string("id")
    guard VerdictScale.isWellFormedName(id) else {
      throw RecordError(.invalidField, "verdict id '\(id.escapedForMessage)' must be lowercase letters, digits and '-'")
    }
    label = try fields.string("label")
    meaning = try fields.string("meaning")
    key = try fields.string("key")
    guard key.count == 1, let scalar = key.unicodeScalars.first, scalar.isASCII,
      scalar.properties.isAlphabetic
        || ("0"..."9").contains(scalar)
    else { throw RecordError(.invalidField, "verdict '\(id)': field 'key' must be one letter or digit") }
    flags = try fields.optionalBool("flags") ?? false
    if let ratingValue = fields.optionalObject("rating") {
      let rating = try FieldReader(ratingValue, what: "verdict '\(id)': field 'rating'")
      let value = try rating.integer("value")
      let best = try rating.integer("best")
      let worst = try rating.integer("worst")
      guard worst < best, (worst...best).contains(value) else {
        throw RecordError(.invalidField, "verdict '\(id)': rating must satisfy worst <= value <= best and worst < best")
      }
      self.rating = Rating(value: value, best: best, worst: worst)
    } else {
      rating = nil
    }
  }
}

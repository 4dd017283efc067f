/// Why a ClaimReview file, or one record in it, could not be taken: a kind to branch on and one
/// line to show.
public struct ClaimReviewProblem: Error, Equatable, Sendable, CustomStringConvertible {
  /// What went wrong.
  public enum Kind: String, Sendable, Equatable {
    /// The file is larger than the reader accepts.
    case tooLarge
    /// The file is not JSON at all.
    case notJSON
    /// JSON, but not JSON-LD: no `@type` where a record should be.
    case notJSONLD
    /// JSON-LD, but nothing in it is a `ClaimReview`.
    case noClaimReview
    /// An element of a list of records is not an object.
    case notAnObject
    /// An element of a list of records is JSON-LD of another type.
    case notClaimReview
    /// A ClaimReview without `claimReviewed` (or with an empty one).
    case missingClaimReviewed
    /// A ClaimReview without `url`.
    case missingURL
    /// A ClaimReview whose `url` is not an `http`/`https` address.
    case invalidURL
    /// A field of the wrong type (`claimReviewed` a number, …).
    case invalidField
    /// A second ClaimReview with an address already read from the same file; the first is kept.
    case duplicateURL
  }

  public var kind: Kind
  /// Where in the file: `[3]`, `@graph[2]`, `dataFeedElement[5].item`; nil for the whole file.
  public var location: String?
  /// What is wrong, in one line.
  public var message: String

  public init(_ kind: Kind, at location: String? = nil, _ message: String) {
    self.kind = kind
    self.location = location
    self.message = message
  }

  public var description: String { location.map { "\($0): \(message)" } ?? message }
}

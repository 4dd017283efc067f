/// Reads schema.org ClaimReview JSON-LD as publishers and aggregators publish it: one object, an
/// array of them, an `@graph`, a `DataFeed` whose `dataFeedElement`s hold them (directly or in an
/// `item`), or an `ItemList` of `ListItem`s. Other nodes of a graph (the publisher's
/// `Organization`, the `WebPage`) are passed over; a record that is not a usable ClaimReview is
/// reported and skipped.
public struct ClaimReviewReader: Sendable {
  /// The default size limit: a feed is an import, not a record, so it may be far larger than the
  /// 1 MiB a ledger record may be (the 10,389 fact-checks of the CheckThat! 2020 lab take 5 MB).
  public static let defaultMaximumSize = 256 << 20

  /// Files larger than this many bytes are refused before parsing.
  public var maximumSize: Int

  public init(maximumSize: Int = defaultMaximumSize) {
    self.maximumSize = maximumSize
  }

  /// Reads a file's bytes.
  /// - Throws: ``ClaimReviewProblem`` of kind `tooLarge`, `notJSON`, `notJSONLD` or
  ///   `noClaimReview` when the file as a whole yields nothing; problems with single records are
  ///   returned in the feed instead.
  public func read(_ bytes: [UInt8]) throws(ClaimReviewProblem) -> ClaimReviewFeed {
    guard bytes.count <= maximumSize else {
      throw ClaimReviewProblem(.tooLarge, "the file is \(bytes.count) bytes, more than the \(maximumSize) accepted")
    }
    let root: JSONValue
    do {
      root = try JSONParser.parse(bytes)
    } catch {
      throw ClaimReviewProblem(.notJSON, "not JSON-LD: not valid JSON (\(error.description))")
    }
    return try read(root)
  }

  /// Reads a parsed document; see ``read(_:)-(Array<UInt8>)``.
  public func read(_ root: JSONValue) throws(ClaimReviewProblem) -> ClaimReviewFeed {
    var walk = Walk()
    switch root {
    case .object:
      walk.visit(root, at: "", listed: true)
    case .array:
      walk.visit(root, at: "", listed: true)
    default:
      throw ClaimReviewProblem(
        .notJSONLD, "not JSON-LD: the file holds a JSON \(root.typeName), not an object or array")
    }
    if walk.feed.factChecks.isEmpty {
      if case .object = root, walk.feed.problems.count == 1, let only = walk.feed.problems.first {
        // A lone object that is no record: the whole file is the problem.
        throw ClaimReviewProblem(only.kind, only.message)
      }
      if walk.feed.problems.isEmpty {
        throw walk.sawJSONLD
          ? ClaimReviewProblem(.noClaimReview, "no ClaimReview in the file")
          : ClaimReviewProblem(.notJSONLD, "not JSON-LD: no '@type' anywhere in the file")
      }
    }
    return walk.feed
  }
}

/// One pass over a document, collecting records and problems.
private struct Walk {
  var feed = ClaimReviewFeed()
  var sawJSONLD = false
  private var urlsSeen: Set<String> = []

  /// Visits `value` at JSON path `path`. `listed` says whether the value stands where records are
  /// expected (the top, an array of records, a feed's elements), so that anything else there is a
  /// problem; in a graph other nodes are simply not records.
  mutating func visit(_ value: JSONValue, at path: String, listed: Bool) {
    switch value {
    case .array(let elements):
      for (index, element) in elements.enumerated() { visit(element, at: "\(path)[\(index)]", listed: listed) }
    case .object(let members):
      let types = JSONLD.types(of: members)
      if !types.isEmpty || members["@context"] != nil || members["@graph"] != nil { sawJSONLD = true }
      if types.contains("ClaimReview") {
        record(members, at: path.isEmpty ? nil : path)
      } else if let graph = members["@graph"] {
        visit(graph, at: JSONLD.join(path, "@graph"), listed: false)
      } else if let elements = members["dataFeedElement"] {
        visit(elements, at: JSONLD.join(path, "dataFeedElement"), listed: true)
      } else if let elements = members["itemListElement"] {
        visit(elements, at: JSONLD.join(path, "itemListElement"), listed: true)
      } else if let item = members["item"] {
        visit(item, at: JSONLD.join(path, "item"), listed: listed)
      } else if let entity = members["mainEntity"], !types.isEmpty {
        visit(entity, at: JSONLD.join(path, "mainEntity"), listed: false)
      } else if listed {
        let location = path.isEmpty ? nil : path
        if types.isEmpty {
          feed.problems.append(ClaimReviewProblem(.notJSONLD, at: location, "not JSON-LD: an object without '@type'"))
        } else {
          let names = types.sorted().joined(separator: ", ")
          feed.problems.append(ClaimReviewProblem(.notClaimReview, at: location, "a \(names), not a ClaimReview"))
        }
      }
    default:
      if listed {
        feed.problems.append(
          ClaimReviewProblem(.notAnObject, at: path.isEmpty ? nil : path, "a JSON \(value.typeName), not a ClaimReview")
        )
      }
    }
  }

  private mutating func record(_ members: [String: JSONValue], at location: String?) {
    switch ClaimReviewRecord.factCheck(from: members) {
    case .success(let factCheck):
      guard urlsSeen.insert(factCheck.url).inserted else {
        feed.problems.append(
          ClaimReviewProblem(
            .duplicateURL, at: location, "a second ClaimReview of \(factCheck.url.escapedForMessage); the first is kept"
          ))
        return
      }
      feed.factChecks.append(factCheck)
    case .failure(let problem):
      var problem = problem
      problem.location = location
      feed.problems.append(problem)
    }
  }
}

public import ClaimModel
import Git

extension Ledger {
  /// Tags the branch tip as `name` with an annotated tag, so that the review as it stands can be
  /// compared with later (`claims diff NAME`).
  /// - Returns: the tagged commit, 40 hexadecimal digits.
  public func tagSnapshot(named name: String, message: String?, by author: Identity, at time: Timestamp)
    throws(LedgerError) -> String
  {
    guard Repository.isValidReferenceName("refs/tags/\(name)"), !name.hasPrefix("-") else {
      throw LedgerError(
        .invalidInput, "'\(name.escapedForMessage)' is not a valid tag name; use letters, digits, '-', '_', '.' and '/'"
      )
    }
    guard let tip = try branchTip().tip else { throw LedgerError(.wrongState, "the ledger has no commit to tag yet") }
    do {
      _ = try repository.createTag(
        named: name, on: tip,
        tagger: Signature(author: author, at: time),
        message: (message ?? "claims snapshot \(name)") + "\n")
    } catch {
      if error.code == .exists {
        throw LedgerError(.alreadyExists, "a snapshot (tag) named '\(name)' already exists; choose another name")
      }
      throw LedgerError(.git(error), "cannot create the tag '\(name)': \(error.message)")
    }
    return tip.hex
  }

  /// The ledger's tags, by name.
  public func snapshotNames() throws(LedgerError) -> [String] {
    do {
      return try repository.referenceNames(matching: "refs/tags/*").map { String($0.dropFirst("refs/tags/".count)) }
    } catch {
      throw LedgerError(.git(error), "cannot list the tags: \(error.message)")
    }
  }
}

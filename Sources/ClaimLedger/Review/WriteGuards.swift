import ClaimModel

/// Checks a review action makes before it writes, so that nothing a reviewer did is lost to a file
/// the ledger could not read, or to someone else's file.
extension LedgerSnapshot {
  /// Refuses to go on when the file at `path` is in the ledger but cannot be read: writing over it
  /// would destroy what it holds.
  func requireReadable(_ path: String) throws(LedgerError) {
    guard let problem = problems.first(where: { $0.path == path }) else { return }
    if problem.kind == .newerFormat {
      throw LedgerError(.newerFormat, "\(path): \(problem.problem); upgrade claims before writing to this ledger")
    }
    throw LedgerError(
      .unreadableFile(path: path),
      "\(path) cannot be read (\(problem.problem)); fix it or remove it with 'git rm', commit, then try again")
  }
}

extension Ledger {
  /// Refuses a review that the ledger would not read back, or that carries control characters
  /// (escape sequences would reach every terminal that shows `git log`).
  static func requireWritable(_ review: Review, at path: String) throws(LedgerError) {
    let texts: [(String, String?)] =
      [("the note", review.note)]
      + review.citations.flatMap {
        [("a citation title", $0.title), ("a publisher", $0.publisher), ("a quote", $0.quote)]
      }
    for case (let what, let text?) in texts where text.containsControlCharacters(allowingLineBreaks: true) {
      throw LedgerError(
        .invalidInput, "\(what) contains control characters ('\(text.escapedForMessage)'); remove them and try again")
    }
    do {
      _ = try Review(decoding: review.encoded())
    } catch {
      throw LedgerError(.invalidInput, "cannot record this: \(path) would not be readable (\(error.description))")
    }
  }

  /// Refuses when the file `reviewer` would write already belongs to a different identity that
  /// maps to the same file name (a name alone and an address that reads the same).
  static func requireOwnFile(_ existing: Review?, for reviewer: Identity, at path: String) throws(LedgerError) {
    guard let existing, existing.reviewer.email.lowercased() != reviewer.email.lowercased() else { return }
    throw LedgerError(
      .wrongState,
      "\(path) belongs to '\(existing.reviewer.description.escapedForMessage)', not to '\(reviewer.description.escapedForMessage)'; give your identity with your own e-mail address ('Name <you@example.org>')"
    )
  }
}

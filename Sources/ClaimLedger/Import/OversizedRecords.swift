import ClaimModel

extension LedgerChange {
  /// Refuses a change that would write a record no reader accepts: a claim record longer than
  /// the ledger's limit (a "sentence" of megabytes, as a file with no sentence breaks gives).
  /// Seed texts are not records and may be larger.
  func refusingOversizedRecords(from fileName: String) throws(LedgerError) -> LedgerChange {
    for file in files where !file.path.hasPrefix("\(LedgerPaths.seeds)/") {
      guard let size = file.contents?.count, size > ObjectReader.maximumRecordSize else { continue }
      throw LedgerError(
        .limitExceeded,
        "\(fileName.escapedForMessage) has a sentence too long for one claim (its record would be \(size) bytes, more than \(ObjectReader.maximumRecordSize)); check that the file is an article's text, or break that sentence up, and retry"
      )
    }
    return self
  }
}

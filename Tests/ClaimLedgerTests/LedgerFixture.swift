import ClaimLedger
import ClaimModel
import Foundation
import TestSupport
import Testing

/// A scratch ledger for one test, with helpers to check it through the git CLI.
final class LedgerFixture {
  let scratch = ScratchDirectory()
  let author: Identity
  let time: Timestamp
  let ledger: Ledger

  init() throws {
    author = try Fixtures.identity("Test Importer <importer@example.org>")
    time = try Fixtures.timestamp("2026-11-24T12:00:00Z")
    ledger = try Ledger.initialize(at: scratch.path, as: author, at: time).0
  }

  var path: String { scratch.path }

  @discardableResult
  func importText(_ text: String, as source: String, title: String? = nil) throws -> ImportResult {
    try ledger.importSource(
      ImportRequest(
        bytes: Array(text.utf8), fileName: "\(source).txt", source: try Fixtures.source(source), title: title),
      as: author, at: time)
  }

  func git(_ arguments: String...) throws -> String {
    try ProcessRunner.git(arguments, in: scratch.path).stdout
  }

  var head: String { answer("rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines) }
  var commitCount: Int {
    Int(answer("rev-list", "--count", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
  }
  var status: String { answer("status", "--porcelain", "--untracked-files=all") }

  /// What git printed; a failing git is an issue of the test, and its answer (the failure) equals
  /// no output a test expects.
  private func answer(_ arguments: String..., sourceLocation: SourceLocation = #_sourceLocation) -> String {
    do {
      return try ProcessRunner.git(arguments, in: scratch.path).stdout
    } catch {
      Issue.record("\(error)", sourceLocation: sourceLocation)
      return "<\(error)>"
    }
  }
}

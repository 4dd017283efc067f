import ClaimLedger
import ClaimModel
import Foundation
import TestSupport

/// A desk: a shared bare remote holding a ledger with one imported article, and clones of it made
/// with `Ledger.clone`, each acting as one reviewer's laptop.
final class DeskFixture {
  let scratch = ScratchDirectory()
  let importer: Identity
  let start: Timestamp
  let access = RemoteAccess(environment: [:])

  static let article = """
    The storm reached the coast on Monday.

    Officials said 40 homes were damaged.

    The mayor called it the worst storm in a decade.

    Schools will reopen on Thursday.
    """

  init() throws {
    importer = try Fixtures.identity("Desk Editor <editor@example.org>")
    start = try Fixtures.timestamp("2026-11-24T12:00:00Z")
    let (origin, _) = try Ledger.initialize(at: scratch.path("origin"), as: importer, at: start)
    _ = try origin.importSource(
      ImportRequest(bytes: Array(Self.article.utf8), fileName: "storm.txt", source: try Fixtures.source("storm")),
      as: importer, at: start)
    try ProcessRunner.git(
      ["clone", "-q", "--bare", scratch.path("origin"), scratch.path("remote.git")], in: scratch.path)
  }

  /// The shared remote's path.
  var remote: String { scratch.path("remote.git") }

  /// A new clone of the remote at `name`.
  func clone(_ name: String) throws -> Ledger {
    try Ledger.clone(from: remote, into: scratch.path(name), access: access)
  }

  /// The claim ids of the article, by ordinal.
  func claimIDs(in ledger: Ledger) throws -> [String] {
    try ledger.snapshot().claims(of: try Fixtures.source("storm")).map(\.id.rawValue)
  }

  /// `git` in the clone or remote `name`, its output trimmed.
  @discardableResult
  func git(_ name: String, _ arguments: String...) throws -> String {
    try ProcessRunner.git(arguments, in: scratch.path(name)).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// Records `verdict` on claim `id` in `ledger` as `reviewer` at `time`.
  func verdict(_ ledger: Ledger, _ id: String, _ verdict: String, by reviewer: String, at time: String) throws {
    _ = try ledger.record(
      .verdict(verdict, note: nil), on: id, by: try Fixtures.identity(reviewer), at: try Fixtures.timestamp(time))
  }

  /// Syncs `ledger` with the remote, signing any merge as the desk editor at `time`.
  @discardableResult
  func sync(_ ledger: Ledger, at time: String = "2026-11-24T13:00:00Z", access: RemoteAccess? = nil) throws
    -> SyncResult
  {
    try ledger.sync(remote: nil, as: importer, at: try Fixtures.timestamp(time), access: access ?? self.access)
  }
}

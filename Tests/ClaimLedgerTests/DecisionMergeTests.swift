import ClaimLedger
import ClaimModel
import Foundation
import TestSupport
import Testing

/// The desk's decisions (not a claim, claimant) made on two machines meet in `claims sync` like
/// reviews do: the union of the events, the latest deciding on every clone (docs/RELIABILITY.md).
@Suite struct DecisionMergeTests {
  func decide(_ ledger: Ledger, _ change: DecisionEvent.Change, on id: String, by who: String, at time: String) throws {
    _ = try ledger.decide(change, by: try Fixtures.identity(who), at: try Fixtures.timestamp(time)) {
      (snapshot) throws(LedgerError) in [try snapshot.resolveClaim(id)]
    }
  }

  func decision(_ ledger: Ledger, of id: String) throws -> ClaimDecision? {
    let snapshot = try ledger.snapshot()
    return snapshot.decision(of: try snapshot.resolveClaim(id))
  }

  @Test func oneEditorsDecisionsOnTwoMachinesMergeByTheirEvents() throws {
    let desk = try DeskFixture()
    let laptop = try desk.clone("laptop")
    let desktop = try desk.clone("desktop")
    let ids = try desk.claimIDs(in: laptop)
    let editor = "Desk Editor <editor@example.org>"
    // The same editor dismisses a claim on the laptop and names a claimant on the desktop.
    try decide(laptop, .notAClaim(reason: "a quip"), on: ids[2], by: editor, at: "2026-11-24T12:05:00Z")
    try decide(desktop, .claimant(Claimant(name: "The Mayor")), on: ids[2], by: editor, at: "2026-11-24T12:06:00Z")
    try desk.sync(laptop)
    try desk.sync(desktop)
    try desk.sync(laptop)
    #expect(try desk.git("laptop", "rev-parse", "HEAD") == desk.git("desktop", "rev-parse", "HEAD"))
    for ledger in [laptop, desktop] {
      let merged = try #require(try decision(ledger, of: ids[2]))
      #expect(merged.notAClaim?.reason == "a quip")
      #expect(merged.claimant == Claimant(name: "The Mayor"))
      #expect(try ledger.check().problems.isEmpty)
    }
  }

  @Test func theLaterOfTwoEditorsDecisionsStandsOnEveryClone() throws {
    let desk = try DeskFixture()
    let laptop = try desk.clone("laptop")
    let desktop = try desk.clone("desktop")
    let ids = try desk.claimIDs(in: laptop)
    try decide(laptop, .notAClaim(reason: nil), on: ids[1], by: "Ana <ana@example.org>", at: "2026-11-24T12:05:00Z")
    try desk.sync(laptop)
    try desk.sync(desktop)
    // Bea takes it back later on the desktop while Ana names a claimant on the laptop.
    try decide(desktop, .checkable, on: ids[1], by: "Bea <bea@example.org>", at: "2026-11-24T12:10:00Z")
    try decide(
      laptop, .claimant(Claimant(name: "Officials")), on: ids[1], by: "Ana <ana@example.org>",
      at: "2026-11-24T12:11:00Z")
    try desk.sync(desktop)
    try desk.sync(laptop)
    try desk.sync(desktop)
    for ledger in [laptop, desktop] {
      let merged = try #require(try decision(ledger, of: ids[1]))
      #expect(!merged.isNotAClaim)
      #expect(merged.claimant?.name == "Officials")
    }
  }
}

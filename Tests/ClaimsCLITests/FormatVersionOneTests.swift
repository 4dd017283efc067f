import ClaimModel
import Foundation
import TestSupport
import Testing

/// A ledger written by claims before review events (format version 1, where a review file held its
/// outcome) is read by every command, and migrated on the next write.
@Suite struct FormatVersionOneTests {
  /// A ledger made by this build, with every record rewritten as format version 1 wrote it.
  func versionOneLedger() throws -> CLIFixture {
    let fixture = try CLIFixture()
    #expect(fixture.run("verdict", "storm:1", "refuted", "--note", "County data shows 12 homes.").status == 0)
    #expect(fixture.run("cite", "storm:1", "https://county.example.gov/damage", "--title", "Damage report").status == 0)
    #expect(
      fixture.run("verdict", "storm:2", "supported", "--reviewer", "Ada <ada@example.org>").status == 0)
    let files = fixture.git("ls-files").split(separator: "\n").map(String.init)
    var reviewsBy: [String: [String]] = [:]
    for path in files where path.hasSuffix(".json") {
      let text = try fixture.scratch.read(path)
      guard path.hasPrefix("Reviews/") else {
        try fixture.scratch.write(
          text.replacingOccurrences(of: "\"format_version\": \(currentFormatVersion)", with: "\"format_version\": 1"),
          to: path)
        continue
      }
      let review = try Review(decoding: Array(text.utf8))
      reviewsBy[review.reviewer.description, default: []].append(path)
      var members: [String: JSONValue] = [
        "format_version": 1, "claim": .string(review.claim.rawValue), "source": .string(review.source.rawValue),
        "reviewer": .string(review.reviewer.description), "updated": .string(review.updated.text),
        "citations": .array(
          review.citations.map { citation in
            .object(["url": .string(citation.url), "title": citation.title.map { .string($0) } ?? .null])
          }),
      ]
      if let verdict = review.verdict { members["verdict"] = .string(verdict) }
      if let note = review.note { members["note"] = .string(note) }
      try fixture.scratch.write(
        String(decoding: JSONWriter.canonicalBytes(of: .object(members)), as: UTF8.self), to: path)
    }
    // Each reviewer's files committed as that reviewer, as claims did: check names any other author.
    for (reviewer, paths) in reviewsBy.sorted(by: { $0.key < $1.key }) {
      _ = gitOutput(
        ["commit", "-q", "--author", reviewer, "-m", "as format version 1 wrote it"] + paths, in: fixture.path)
    }
    fixture.git("commit", "-q", "-am", "as format version 1 wrote it")
    #expect(try fixture.scratch.read("ledger.json").contains("\"format_version\": 1"))
    return fixture
  }

  @Test func everyCommandReadsIt() throws {
    let fixture = try versionOneLedger()
    let show = fixture.run("show", "storm:1")
    #expect(show.status == 0)
    #expect(show.stdout.contains("refuted"))
    #expect(show.stdout.contains("County data shows 12 homes."))
    #expect(show.stdout.contains("Damage report"))
    #expect(fixture.run("list", "--status", "reviewed").stdout.split(separator: "\n").count == 2)
    #expect(fixture.run("report").status == 0)
    #expect(fixture.run("blame", "storm:1").status == 0)
    let check = fixture.run("check")
    #expect(check.status == 0, "\(check.stdout)")
  }

  @Test func theNextWriteMigratesAndKeepsWhatTheOldFileSaid() throws {
    let fixture = try versionOneLedger()
    #expect(fixture.run("note", "storm:1", "Looked again.").status == 0)
    #expect(try fixture.scratch.read("ledger.json").contains("\"format_version\": \(currentFormatVersion)"))
    let path = fixture.git("ls-files", "Reviews/storm/\(fixture.id(1))").trimmingCharacters(in: .whitespacesAndNewlines)
    let review = try Review(decoding: Array(try fixture.scratch.read(path).utf8))
    #expect(review.verdict == "refuted")
    #expect(review.note == "Looked again.")
    #expect(review.citations.map(\.url) == ["https://county.example.gov/damage"])
    #expect(try fixture.scratch.read(path).contains("\"events\""))
    #expect(fixture.run("check").status == 0)
  }
}

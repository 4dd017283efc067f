import ClaimModel
import ClaimReport
import Testing

/// A report assembled the way `claims report` does with a warm cache — tallies that went through
/// their binary form, no entries but those a format reads, list pieces rendered source by source
/// and kept — must be byte for byte the report built in one go.
@Suite("Report assembly")
struct ReportAssemblyTests {
  /// Rendered pieces kept in memory, as the cache keeps them on disk.
  final class Pieces: ReportFragmentStore {
    var pieces: [SourceID: [ReportPart: [UInt8]]] = [:]

    func storedLength(of part: ReportPart, for source: SourceID) -> Int? {
      pieces[source].map { $0[part]?.count ?? 0 }
    }

    func write(_ part: ReportPart, of source: SourceID, to output: ReportOutput) {
      output.write(pieces[source]?[part] ?? [])
    }
  }

  static let inputs: [(String, ReportInput)] = [
    ("sample", SampleLedger.input), ("hostile", HostileLedger.input), ("many sources", ManySources.input),
    ("filtered", ManySources.filtered),
  ]

  /// Splits an input into sources, as the ledger stores them.
  static func sources(of input: ReportInput) -> [SourceInput] {
    var bySource: [SourceID: SourceInput] = [:]
    for claim in input.claims {
      bySource[claim.source, default: .init(id: claim.source, claims: [], reviews: [])].claims.append(claim)
    }
    for review in input.reviews {
      bySource[review.source, default: .init(id: review.source, claims: [], reviews: [])].reviews.append(review)
    }
    for assignment in input.assignments { bySource[assignment.source]?.assignments.append(assignment) }
    for record in input.sources { bySource[record.id]?.record = record }
    return bySource.values.sorted { $0.id < $1.id }
  }

  static func assembled(_ input: ReportInput, as format: ReportFormat, options: RenderOptions) throws -> String {
    let sections = sources(of: input).map { ReportBuilder.section(of: $0, config: input.config) }
    let tallies = try sections.map { try #require(SourceTally(decoding: $0.tally.encoded())) }
    #expect(tallies == sections.map(\.tally))
    var claimSources: [ClaimID: SourceID] = [:]
    for claim in input.claims { claimSources[claim.id] = claim.source }
    var report = ReportBuilder.combine(
      ReportParts(
        config: input.config, tallies: tallies, details: [], records: input.sources, actions: input.actions,
        revision: input.revision, generatedAt: input.generatedAt, sourceFilter: input.sourceFilter,
        claimSources: claimSources))
    let store = Pieces()
    let importTimes = ReportBuilder.importTimes(of: input.actions)
    for section in sections {
      store.pieces[section.tally.source] = ReportRenderer.fragments(
        of: section.details, as: format,
        context: FragmentContext(
          scale: input.config.scale, record: section.tally.record, importedAt: importTimes[section.tally.source]))
    }
    let toLoad = ReportRenderer.sourcesToLoad(for: report, as: format, options: options) { part, source in
      store.storedLength(of: part, for: source) != nil
    }
    for section in sections where toLoad.contains(section.tally.source) { report.insert(section.details) }
    var bytes: [UInt8] = []
    let output = ReportOutput(chunkSize: 64) { bytes.append(contentsOf: $0) }
    ReportRenderer.write(report, as: format, options: options, store: store, to: output)
    return String(decoding: bytes, as: UTF8.self)
  }

  @Test(arguments: ReportFormat.allCases)
  func assembledReportIsTheReportBuiltAtOnce(_ format: ReportFormat) throws {
    for (name, input) in Self.inputs {
      for options in [RenderOptions(), RenderOptions(listLimit: 1)] {
        let whole = ReportRenderer.render(ReportBuilder.build(input), as: format, options: options)
        #expect(try Self.assembled(input, as: format, options: options) == whole, "\(name), \(format)")
      }
    }
  }

  @Test func textLoadsOnlyTheSourcesItShows() throws {
    let input = ManySources.input
    let tallies = Self.sources(of: input).map { ReportBuilder.section(of: $0, config: input.config).tally }
    let report = ReportBuilder.combine(
      ReportParts(
        config: input.config, tallies: tallies, details: [], records: [], actions: input.actions, revision: nil,
        generatedAt: input.generatedAt, sourceFilter: []))
    // With one entry shown per list: the first source of each of four lists, at most.
    let toLoad = ReportRenderer.sourcesToLoad(for: report, as: .text, options: RenderOptions(listLimit: 1))
    #expect(!toLoad.isEmpty)
    #expect(toLoad.count <= 4)
    #expect(ReportRenderer.sourcesToLoad(for: report, as: .json, options: RenderOptions()).count == tallies.count)
    #expect(report.claims.count == input.claims.filter { !$0.isRetired }.count)
    #expect(!report.claims.isLoaded)
  }

  @Test func damagedTallyBytesAreRefused() throws {
    let section = ReportBuilder.section(of: Self.sources(of: SampleLedger.input)[0], config: SampleLedger.input.config)
    let bytes = section.tally.encoded()
    #expect(SourceTally(decoding: Array(bytes.dropLast())) == nil)
    #expect(SourceTally(decoding: bytes + [0]) == nil)
    #expect(SourceTally(decoding: []) == nil)
    var wrongVersion = bytes
    wrongVersion[0] = 0x7F
    #expect(SourceTally(decoding: wrongVersion) == nil)
  }

  @Test func outputChunksEndOnWholeCharacters() {
    var chunks: [[UInt8]] = []
    let output = ReportOutput(chunkSize: 16) { chunks.append(Array($0)) }
    for _ in 0..<20 { output.write("é€ ") }
    output.write(Array(repeating: UInt8(ascii: "x"), count: 40))
    output.finish()
    #expect(chunks.count > 2)
    #expect(chunks.allSatisfy { String(validating: $0, as: UTF8.self) != nil })
    #expect(
      String(decoding: chunks.joined(), as: UTF8.self) == String(repeating: "é€ ", count: 20)
        + String(repeating: "x", count: 40))
  }
}

/// Twelve sources, reviewers who disagree, stale reviews, retired claims, assignments and verdicts
/// off the scale: enough that every list has pieces from several sources, agreement has units
/// across sources, and merging the sources' tallies is tested against one walk over all claims.
enum ManySources {
  static let reviewers = ["Ada", "Bob", "Cy", "Di", "Eve"]
  static let verdicts = ["supported", "refuted", "misleading", "mostly-supported", "unverifiable", "opinion", "odd"]

  static func two(_ number: Int) -> String { number < 10 ? "0\(number)" : "\(number)" }

  static var input: ReportInput {
    var claims: [Claim] = []
    var reviews: [Review] = []
    var assignments: [Assignment] = []
    var actions: [ReportAction] = []
    for sourceIndex in 0..<12 {
      let source = "s\(two(sourceIndex))"
      actions.append(
        ReportAction(
          kind: .import, reviewer: Fixture.person("Editor"), source: Fixture.source(source),
          time: Fixture.timestamp("2026-01-\(two(28 - sourceIndex))T08:00:00Z")))
      for ordinal in 1...(3 + sourceIndex % 4) {
        let claim = Fixture.claim(
          source, ordinal, "Claim \(ordinal) of \(source): \u{201C}quoted\u{201D} & <b>.",
          kind: ordinal % 5 == 0 ? .caption : .sentence, retired: (sourceIndex + ordinal) % 9 == 0)
        claims.append(claim)
        let count = (sourceIndex * 7 + ordinal * 3) % 4
        for offset in 0..<count {
          let seed = sourceIndex * 31 + ordinal * 7 + offset * 3
          let made = Fixture.review(
            claim, by: reviewers[(sourceIndex + ordinal + offset) % reviewers.count], verdicts[seed % verdicts.count],
            citations: seed % 3, note: seed % 4 == 0 ? "Note \(seed)\nwith a line break" : nil)
          // A stale review was given to an earlier claim, here the one before it in the list.
          let earlier = claims.dropLast().last?.id
          let review = Review(
            claim: made.claim, source: made.source, reviewer: made.reviewer, verdict: made.verdict, note: made.note,
            citations: made.citations, updated: Fixture.timestamp("2026-02-\(two(1 + seed % 27))T10:00:00Z"),
            stale: seed % 11 == 0
              ? earlier.map {
                Review.Staleness(previousClaim: $0, previousText: "Old text \(seed)", since: Fixture.time)
              }
              : nil)
          reviews.append(review)
          actions.append(
            ReportAction(
              kind: .verdict, reviewer: review.reviewer, claim: claim.id, source: seed % 5 == 0 ? nil : claim.source,
              time: review.updated))
        }
        if ordinal % 3 == 1 {
          assignments.append(
            Assignment(
              claim: claim.id, source: claim.source, assignee: Fixture.person(reviewers[ordinal % reviewers.count]),
              assignedBy: Fixture.person("Editor"), updated: Fixture.time))
        }
      }
    }
    // A review of a claim the ledger lacks.
    reviews.append(Fixture.review(Fixture.claim("s03", 99, "Gone."), by: "Ada", "supported"))
    return Fixture.input(
      claims: claims, reviews: reviews,
      sources: [Fixture.record("s01", title: "One", url: "https://one.example/a#top", published: "2026-01-01")],
      assignments: assignments, actions: actions, requiredReviews: 2)
  }

  static var filtered: ReportInput {
    var input = input
    input.sourceFilter = [Fixture.source("s02"), Fixture.source("s05"), Fixture.source("s07")]
    return input
  }
}

extension HostileLedger {
  static var input: ReportInput {
    ReportInput(
      config: LedgerConfig(scale: scale, requiredReviews: 1),
      sources: [
        SourceRecord(
          id: Fixture.source("evil"), title: "</title><script>alert(7)</script>", url: "javascript:alert(9)",
          published: nil, textSHA256: "", claimCount: 3)
      ],
      claims: claims, reviews: reviews,
      assignments: [
        Assignment(
          claim: claims[2].id, source: claims[2].source, assignee: reviewer, assignedBy: Fixture.person("Dana"),
          updated: Fixture.time)
      ],
      revision: "<b>rev</b>", generatedAt: Fixture.time)
  }
}

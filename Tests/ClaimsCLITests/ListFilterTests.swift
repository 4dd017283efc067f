import Foundation
import TestSupport
import Testing

/// `claims list` and `claims review` in daily use (issue 17, points 7 and 9): what `--grep` searches,
/// several statuses at once, the same filters for `review`, and lines as wide as the terminal.
@Suite struct ListFilterTests {
  func listed(_ fixture: CLIFixture, _ arguments: String...) -> [String] {
    CLIHarness.run(["list"] + arguments, in: fixture.path, environment: fixture.environment).stdout
      .split(separator: "\n").map { String($0.prefix(10)) }
  }

  @Test func grepSearchesNotesCitationTitlesAndAddressesToo() throws {
    let fixture = try CLIFixture()
    let ids = (1...4).map { fixture.id($0) }
    fixture.run("note", "storm:1", "Checked against the harbour log.")
    fixture.run("cite", "storm:2", "https://county.example.gov/damage.pdf", "--title", "Damage Assessment")
    #expect(listed(fixture, "--grep", "HARBOUR") == [ids[0]])
    #expect(listed(fixture, "--grep", "assessment") == [ids[1]])
    #expect(listed(fixture, "--grep", "county.example") == [ids[1]])
    #expect(listed(fixture, "--grep", "thursday") == [ids[3]])
    #expect(fixture.run("list", "--help").stdout.contains("--grep looks in the claim's text, its"))
  }

  @Test func statusTakesSeveralValues() throws {
    let fixture = try CLIFixture()
    let ids = (1...4).map { fixture.id($0) }
    fixture.run("verdict", "storm:1", "supported", "--reviewer", "Ada <ada@example.org>")
    fixture.run("verdict", "storm:1", "refuted", "--reviewer", "Bob <bob@example.org>")
    fixture.run("verdict", "storm:2", "misleading")
    fixture.run("verdict", "storm:3", "supported")
    #expect(listed(fixture, "--status", "disputed") == [ids[0]])
    #expect(listed(fixture, "--status", "disputed,flagged") == [ids[0], ids[1]])
    #expect(listed(fixture, "--status", "disputed", "--status", "unreviewed") == [ids[0], ids[3]])
    #expect(listed(fixture, "--status", "flagged, unreviewed", "--verdict", "misleading") == [ids[1]])
    expectRefusal(fixture.run("list", "--status", "disputed,flaged"), status: 64, containing: "Did you mean 'flagged'?")
    let assigned = fixture.run("assign", "--status", "disputed,unreviewed", "--to", "Carol <carol@example.org>")
    #expect(assigned.stdout.hasPrefix("Assigned 2 claims to Carol"), "\(assigned.stdout)\(assigned.stderr)")
  }

  @Test func reviewTakesTheFiltersOfList() throws {
    let fixture = try CLIFixture()
    let ids = (1...4).map { fixture.id($0) }
    fixture.run("assign", "storm:2", "storm:4", "--to", "Carol <carol@example.org>")
    let assigned = fixture.run("review", "--assigned-to", "carol@example.org", input: "\n\n\n")
    #expect(assigned.status == 0, "\(assigned.stderr)")
    #expect(assigned.stdout.contains("1/2  claim \(ids[1])"))
    #expect(assigned.stdout.contains("2/2  claim \(ids[3])"))
    let grepped = fixture.run("review", "--grep", "mayor", input: "\n")
    #expect(grepped.stdout.contains("1/1  claim \(ids[2])"))
    fixture.run("verdict", "storm:1", "refuted")
    let flagged = fixture.run("review", "--status", "flagged,disputed", input: "\n")
    #expect(flagged.stdout.contains("1/1  claim \(ids[0])"))
    #expect(fixture.run("review", "--help").stdout.contains("--assigned-to"))
  }

  static let longArticle = """
    The county's independent auditors reported on Tuesday that the bridge renovation ran forty-two percent \
    over its approved budget of 18 million dollars, mostly because of steel prices.

    Schools will reopen on Thursday.
    """

  @Test func listUsesTheTerminalWidthAndFullPrintsWholeTexts() throws {
    let fixture = try CLIFixture(importing: nil)
    let file = try fixture.writeBeside(Self.longArticle, name: "bridge.txt")
    #expect(fixture.run("import", file, "--id", "bridge").status == 0)
    let ending = "mostly because of steel prices."
    // Not a terminal and no COLUMNS: lines of 100 columns, the text cut.
    let narrow = fixture.run("list").stdout
    #expect(!narrow.contains(ending))
    #expect(narrow.split(separator: "\n").allSatisfy { $0.count <= 100 })
    fixture.environment["COLUMNS"] = "250"
    let wide = fixture.run("list").stdout
    #expect(wide.contains(ending), "\(wide)")
    fixture.environment["COLUMNS"] = "80"
    #expect(fixture.run("list").stdout.split(separator: "\n").allSatisfy { $0.count <= 80 })
    #expect(fixture.run("list", "--full").stdout.contains(ending))
  }

  /// The reference column of each line of `claims list` (id, reference, kind, verdicts, text).
  static func references(_ output: String) -> [String] {
    output.split(separator: "\n").map { line in
      let fields = line.split(separator: " ", omittingEmptySubsequences: true)
      return fields.count > 1 ? String(fields[1]) : ""
    }
  }

  @Test func listPrintsLongSourceIDsWholeAndCutsTheTextInstead() throws {
    let fixture = try CLIFixture()
    let source = "2026-12-01-city-council-budget-vote"
    let file = try fixture.writeBeside(Self.longArticle, name: "budget.txt")
    #expect(fixture.run("import", file, "--id", source).status == 0)
    let whole = ["\(source):1", "\(source):2", "storm:1", "storm:2", "storm:3", "storm:4"]
    // Not a terminal (100 columns): the references whole, the text cut so that the line fits.
    let piped = fixture.run("list").stdout
    #expect(Self.references(piped) == whole, "\(piped)")
    #expect(piped.split(separator: "\n").allSatisfy { $0.count <= 100 }, "\(piped)")
    #expect(piped.contains("…"))
    #expect(piped.contains("storm:1" + String(repeating: " ", count: source.count + 2 - "storm:1".count)))
    // A narrow terminal: still whole (the lines are longer than the terminal); --full: whole texts.
    fixture.environment["COLUMNS"] = "40"
    #expect(Self.references(fixture.run("list").stdout) == whole)
    let full = fixture.run("list", "--full").stdout
    #expect(Self.references(full) == whole)
    #expect(full.contains("mostly because of steel prices."))
    // What is printed can be given to another command.
    let shown = fixture.run("show", "\(source):1")
    #expect(shown.status == 0, "\(shown.stderr)")
    #expect(shown.stdout.contains("steel prices"))
  }

  @Test func logAndTheTextReportKeepAddressesThatFit() throws {
    let fixture = try CLIFixture()
    let reviewer = "Ada Lovelace-Byron <ada.lovelace-byron@analytical.example.org>"
    let url = "https://www.county.example.gov/reports/2026/storm-damage-assessment-final-revised.pdf"
    fixture.run("verdict", "storm:2", "refuted", "--reviewer", reviewer)
    fixture.run("cite", "storm:2", url, "--reviewer", reviewer)
    // Piped: nothing is cut.
    let log = fixture.run("log").stdout
    #expect(log.contains(reviewer + "  cite     "), "\(log)")
    #expect(log.contains(url))
    // 62 columns of address fit a report 120 columns wide.
    let report = fixture.run("report", "--width", "120").stdout
    #expect(report.contains("  " + reviewer + " "), "\(report)")
    // An 87-column address with a title after it: the address keeps its line in 100 columns.
    fixture.run("cite", "storm:2", url + "#p2", "--title", "Damage assessment", "--reviewer", reviewer)
    let narrow = fixture.run("report").stdout
    #expect(narrow.contains("↳ " + url + "#p2\n"), "\(narrow)")
    #expect(narrow.contains("Damage assessment"))
  }
}

import Foundation
import TestSupport
import Testing

/// A scratch ledger driven through the command line.
final class CLIFixture {
  let scratch = ScratchDirectory()
  var environment = CLIHarness.defaultEnvironment

  static let article = """
    The storm reached the coast on Monday.

    Officials said 40 homes were damaged.

    The mayor called it the worst storm in a decade.

    Schools will reopen on Thursday.
    """

  init(importing text: String? = article) throws {
    let initialized = run("init")
    guard initialized.status == 0 else { throw Fixtures.Invalid(description: "init failed: \(initialized.stderr)") }
    if let text {
      try scratch.write(text, to: "incoming/storm.txt")
      let imported = run("import", "incoming/storm.txt", "--id", "storm", "--title", "Storm hits coast")
      guard imported.status == 0 else { throw Fixtures.Invalid(description: "import failed: \(imported.stderr)") }
      try FileManager.default.removeItem(atPath: scratch.path("incoming"))
    }
  }

  var path: String { scratch.path }

  /// Writes `text` beside the ledger (not in its work tree), in a file of this fixture's own, and
  /// returns its path relative to the ledger. Removed with the fixture.
  func writeBeside(_ text: String, name: String) throws -> String {
    let relative = "../\((scratch.path as NSString).lastPathComponent)-\(name)"
    try scratch.write(text, to: relative)
    besideFiles.append(scratch.path(relative))
    return relative
  }

  private var besideFiles: [String] = []

  deinit {
    for file in besideFiles { try? FileManager.default.removeItem(atPath: file) }
  }

  @discardableResult
  func run(_ arguments: String..., input: String = "", terminal: Bool = false) -> ProcessResult {
    CLIHarness.run(arguments, in: scratch.path, environment: environment, input: input, isOutputTerminal: terminal)
  }

  /// What `git` printed in the ledger. A git that fails is an issue of the test, and its answer
  /// (the failure) equals no output a test expects, so `#expect(fixture.status == "")` cannot pass
  /// when git could not say.
  func git(_ arguments: String..., sourceLocation: SourceLocation = #_sourceLocation) -> String {
    gitOutput(arguments, in: scratch.path, sourceLocation: sourceLocation)
  }

  var head: String { git("rev-parse", "HEAD") }
  var status: String { git("status", "--porcelain", "--untracked-files=all") }

  /// The id of the claim at `ordinal` of source `storm`.
  func id(_ ordinal: Int) -> String {
    let listed = run("list", "--json").stdout
    guard let data = listed.data(using: .utf8),
      let claims = try? JSONSerialization.jsonObject(with: data) as? [[String: Any]],
      let claim = claims.first(where: { ($0["ordinal"] as? Int) == ordinal }), let id = claim["id"] as? String
    else { return "" }
    return id
  }
}

/// Checks that a failed command printed exactly one `Error:` line, exited with `status`, and left
/// the ledger as it was.
func expectRefusal(
  _ result: ProcessResult, status: Int32 = 1, containing fragment: String, ledger fixture: CLIFixture? = nil,
  head: String? = nil, sourceLocation: SourceLocation = #_sourceLocation
) {
  #expect(result.status == status, "stderr: \(result.stderr)", sourceLocation: sourceLocation)
  #expect(result.stdout == "", sourceLocation: sourceLocation)
  let lines = result.stderr.split(separator: "\n")
  #expect(lines.first?.hasPrefix("Error: ") == true, "stderr: \(result.stderr)", sourceLocation: sourceLocation)
  if status == 1 {
    #expect(lines.count == 1, "stderr: \(result.stderr)", sourceLocation: sourceLocation)
  }
  #expect(result.stderr.contains(fragment), "stderr: \(result.stderr)", sourceLocation: sourceLocation)
  if let fixture, let head {
    #expect(fixture.head == head, sourceLocation: sourceLocation)
    #expect(fixture.status == "", sourceLocation: sourceLocation)
  }
}

/// What `git arguments` printed in `directory`; when git fails, the failure is recorded as an
/// issue and returned in place of output.
func gitOutput(_ arguments: [String], in directory: String, sourceLocation: SourceLocation = #_sourceLocation)
  -> String
{
  do {
    return try ProcessRunner.git(arguments, in: directory).stdout
  } catch {
    Issue.record("\(error)", sourceLocation: sourceLocation)
    return "<\(error)>"
  }
}

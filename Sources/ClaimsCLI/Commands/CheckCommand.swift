import ClaimLedger
import ClaimModel
import ClaimReport

/// `claims check`: every file of the ledger against the ledger's rules, one line per problem.
struct CheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    name: "check", abstract: "Check every file of the ledger and list each problem with what to do.",
    discussion:
      "Checks ledger.json, the seeds and source records, and every claim, review and assignment: the record's schema and format version, ids matching their paths, reviews and assignments of claims that do not exist, verdicts not on the ledger's scale, unsafe file names, symbolic links, text that is not UTF-8, and lock files left by dead processes; in the work tree, uncommitted edits of ledger.json that would break it, and archived evidence under Evidence/ that is edited, deleted or changed in the git index (an archived page must match the SHA-256 its citation records: 'git restore' takes the edit back), or a file there that no commit holds (untracked, or staged but not committed: commit it with git, or remove it; links are not followed, files not read). Prints one line per problem (path: problem; remedy) and exits with status 1 if there is any. A write that an interrupted claims process left half done is finished first."
  )

  @Option(help: "Check the ledger as it was at <revision> (commit, tag, branch, HEAD~N).")
  var at: Revision?

  @Flag(help: "Print the problems as JSON.")
  var json = false

  func run(_ context: CommandContext) throws -> Int32 {
    let ledger = try context.openLedger()
    let report = try ledger.check(at: at?.text)
    report.repairs.forEach(context.warn)
    if json {
      let problems: [JSONValue] = report.problems.map { problem in
        .object([
          "path": .string(problem.path), "problem": .string(problem.problem), "remedy": .string(problem.remedy),
        ])
      }
      context.output.write(
        JSONWriter.canonicalText(
          of: .object([
            "files_checked": .integer(report.fileCount), "problems": .array(problems),
            "repairs": .array(report.repairs.map { .string($0) }),
          ])))
      return report.problems.isEmpty ? ExitStatus.success : ExitStatus.failure
    }
    for problem in report.problems {
      context.print(
        "\(context.style.yellow(TerminalText.visiblePath(problem.path))): \(TerminalText.sanitize(problem.problem)); \(TerminalText.sanitize(problem.remedy))"
      )
    }
    let files = String.count(report.fileCount, "file")
    switch report.problems.count {
    case 0: context.print("Checked \(files): no problems.")
    case 1: context.print("Checked \(files): 1 problem.")
    default: context.print("Checked \(files): \(report.problems.count) problems.")
    }
    return report.problems.isEmpty ? ExitStatus.success : ExitStatus.failure
  }
}

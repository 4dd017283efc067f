import ClaimLedger
import ClaimModel

/// `claims check`: every file of the ledger against the ledger's rules, one line per problem.
enum CheckCommand {
  static let spec = CommandSpec(
    name: "check", abstract: "Check every file of the ledger and list each problem with what to do.",
    discussion:
      "Checks ledger.json, the seeds and source records, and every claim, review and assignment: the record's schema and format version, ids matching their paths, reviews and assignments of claims that do not exist, verdicts not on the ledger's scale, unsafe file names, symbolic links, text that is not UTF-8, and lock files left by dead processes. Prints one line per problem (path: problem; remedy) and exits with status 1 if there is any. A write that an interrupted claims process left half done is finished first.",
    options: [
      .value("at", "revision", help: "Check the ledger as it was at <revision> (commit, tag, branch, HEAD~N)."),
      .flag("json", help: "Print the problems as JSON."),
    ]
  ) { arguments, context in
    let ledger = try context.openLedger(arguments)
    let report = try ledger.check(at: arguments.value("at"))
    report.repairs.forEach(context.warn)
    if arguments.flag("json") {
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
    let files = "\(report.fileCount) file\(report.fileCount == 1 ? "" : "s")"
    switch report.problems.count {
    case 0: context.print("Checked \(files): no problems.")
    case 1: context.print("Checked \(files): 1 problem.")
    default: context.print("Checked \(files): \(report.problems.count) problems.")
    }
    return report.problems.isEmpty ? ExitStatus.success : ExitStatus.failure
  }
}

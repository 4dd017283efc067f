import ClaimLedger
import ClaimModel

/// `claims snapshot NAME`: tags the review as it stands.
enum SnapshotCommand {
  static let spec = CommandSpec(
    name: "snapshot", abstract: "Tag the review as it stands (an annotated git tag), e.g. at publication.",
    discussion:
      "Later, 'claims diff <name>' shows what changed since, and '--at <name>' reads the ledger as it was. Without <name>, lists the snapshots.",
    arguments: [
      ArgumentSpec(name: "name", help: "The snapshot's name, e.g. published or 2024-09-18.", isOptional: true)
    ],
    options: [
      .value("message", "text", help: "What the snapshot marks."),
      .value("author", "identity", help: "Who tags, as 'Name <email>' (default: CLAIMS_AUTHOR, then git config)."),
    ]
  ) { arguments, context in
    let ledger = try context.openLedger(arguments)
    guard let name = arguments.argument("name") else {
      for name in try ledger.snapshotNames() { context.print(TerminalText.sanitize(name)) }
      return ExitStatus.success
    }
    let author = try context.author(arguments, ledger: ledger)
    let commit = try ledger.tagSnapshot(
      named: name, message: arguments.value("message"), by: author, at: try context.now())
    context.print(
      "Tagged \(commit.prefix(7)) as '\(TerminalText.sanitize(name))'; compare later with 'claims diff \(name)'")
    return ExitStatus.success
  }
}

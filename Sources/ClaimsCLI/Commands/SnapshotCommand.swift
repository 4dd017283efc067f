import ClaimLedger
import ClaimModel

/// `claims snapshot NAME`: tags the review as it stands.
struct SnapshotCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    name: "snapshot", abstract: "Tag the review as it stands (an annotated git tag), e.g. at publication.",
    discussion:
      "Later, 'claims diff <name>' shows what changed since, and '--at <name>' reads the ledger as it was. Without <name>, lists the snapshots."
  )

  @Argument(help: "The snapshot's name, e.g. published or 2024-09-18.")
  var name: String?

  @Option(help: "What the snapshot marks.")
  var message: String?

  @Option(help: "Who tags, as 'Name <email>' (default: CLAIMS_AUTHOR, then git config).")
  var author: Identity?

  func run(_ context: CommandContext) throws -> Int32 {
    let ledger = try context.openLedger()
    guard let name else {
      for name in try ledger.snapshotNames() { context.print(TerminalText.sanitize(name)) }
      return ExitStatus.success
    }
    let author = try context.author(author, ledger: ledger)
    let commit = try ledger.tagSnapshot(
      named: name, message: message, by: author, at: try context.now())
    context.print(
      "Tagged \(commit.prefix(7)) as '\(TerminalText.sanitize(name))'; compare later with 'claims diff \(name)'")
    return ExitStatus.success
  }
}

import ClaimLedger
import ClaimModel

/// `claims clone URL [DIR]`: copies a desk's shared ledger.
struct CloneCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    name: "clone", abstract: "Copy a desk's shared ledger from a git remote.",
    discussion:
      "<url> is a path, a file:// or ssh:// URL, user@host:path, or an https:// URL. The copy's remote is named origin; share your work with 'claims sync'. \(RemoteOutput.credentialHelp)"
  )

  @Argument(help: "Where the shared ledger is.")
  var url: String

  @Argument(help: "Where the copy goes (default: the URL's last part).")
  var directory: DirectoryPath?

  @Flag(help: "Make a bare copy, without a work tree: every command works on it the same (for large ledgers).")
  var bare = false

  func run(_ context: CommandContext) throws -> Int32 {
    let url = RemoteAddress.resolve(url, relativeTo: context.currentDirectory)
    // A bare copy is named as git names one: `desk.git`.
    let name = directory?.path ?? RemoteAddress.defaultDirectoryName(for: url).map { bare ? "\($0).git" : $0 }
    guard let name, !name.isEmpty else {
      throw UsageError("Cannot name a directory after '\(url.escapedForMessage)'; give <directory>")
    }
    let directory = context.absolutePath(name)
    let progress = ProgressLine(context: context)
    let ledger: Ledger
    do {
      ledger = try Ledger.clone(
        from: url, into: directory, isBare: bare, access: RemoteOutput.access(context, progress))
      progress.finish()
    } catch {
      progress.finish()
      throw error
    }
    let snapshot = try ledger.snapshot()
    let sources = snapshot.sourceIDs().count
    context.report(snapshot.problems)
    context.print(
      "Cloned \(TerminalText.sanitize(url)) into \(TerminalText.sanitize(ledger.rootPath)) (\(String.count(sources, "source"))); share your work with 'claims sync'"
    )
    return ExitStatus.success
  }
}

import ClaimLedger
import ClaimModel

/// `claims sync [REMOTE]`: shares the ledger's work with a git remote and takes in the remote's.
struct SyncCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    name: "sync", abstract: "Share your work with the desk: fetch, merge and push through a git remote.",
    discussion:
      "<remote> is a remote's name (default: origin, or the only remote), or a URL or path. Each reviewer writes only their own files, so the work of different reviewers merges without conflict. When one file was changed on two machines (the same reviewer on the same claim), the version made by the later action is kept, both stay in history, and sync lists it. If someone pushed meanwhile, sync fetches and merges again, up to 5 times. \(RemoteOutput.credentialHelp)"
  )

  @Argument(help: "The remote to sync with.")
  var remote: String?

  @Option(help: "Who signs a merge, as 'Name <email>' (default: CLAIMS_AUTHOR, CLAIMS_REVIEWER, then git config).")
  var author: Identity?

  @Flag(help: "Print what was done as JSON.")
  var json = false

  func run(_ context: CommandContext) throws -> Int32 {
    let ledger = try context.openLedger()
    let author = try IdentityResolver.resolve(
      explicit: author, environment: context.environment["CLAIMS_AUTHOR"] ?? context.environment["CLAIMS_REVIEWER"],
      sources: ("--author", "CLAIMS_AUTHOR"), ledger: ledger)
    let progress = ProgressLine(context: context)
    let result: SyncResult
    do {
      result = try ledger.sync(
        remote: remote, as: author, at: try context.now(), access: RemoteOutput.access(context, progress))
      progress.finish()
    } catch {
      progress.finish()
      throw error
    }
    result.warnings.forEach(context.warn)
    if json {
      context.output.write(JSONWriter.canonicalText(of: RemoteOutput.json(result)))
      return ExitStatus.success
    }
    RemoteOutput.print(result, context: context)
    return ExitStatus.success
  }
}

import ClaimLedger
import ClaimModel

/// `claims init [<directory>]`: makes a ledger, or turns a git repository into one.
struct InitCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    name: "init", abstract: "Create a claims ledger, or turn a git repository into one.",
    discussion:
      "Makes <directory> (default: the current directory) a git repository if it is not one, and commits ledger.json, the ledger's settings: its format version, verdict scale and required_reviews."
  )

  @Argument(help: "Where the ledger goes.")
  var directory: DirectoryPath?

  @Option(help: "Who makes the commit, as 'Name <email>' (default: CLAIMS_AUTHOR, then git config).")
  var author: Identity?

  @Flag(help: "Make a bare ledger, without a work tree: the desk's shared remote to clone and sync with.")
  var bare = false

  func run(_ context: CommandContext) throws -> Int32 {
    let directory = directory.map { context.absolutePath($0.path) } ?? context.currentDirectory
    let author = try context.author(author, ledger: nil)
    let (ledger, outcome) = try Ledger.initialize(at: directory, as: author, at: try context.now(), isBare: bare)
    let path = TerminalText.sanitize(ledger.rootPath)
    switch outcome {
    case .created: context.print("Created a claims ledger in \(path)")
    case .converted: context.print("Made the git repository in \(path) a claims ledger")
    case .alreadyLedger: context.print("\(path) is already a claims ledger; nothing to do")
    }
    return ExitStatus.success
  }
}

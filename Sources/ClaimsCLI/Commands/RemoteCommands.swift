import ClaimLedger
import ClaimModel

/// `claims clone URL [DIR]` and `claims sync [REMOTE]`: sharing a ledger through a git remote.
enum RemoteCommands {
  static let credentialHelp =
    "ssh uses your ssh-agent, else ~/.ssh/id_ed25519, id_ecdsa or id_rsa (CLAIMS_SSH_PASSPHRASE unlocks an encrypted key), and accepts only servers listed in ~/.ssh/known_hosts. https uses the token in CLAIMS_GIT_TOKEN, else what git's store helper keeps in ~/.git-credentials."

  static let clone = CommandSpec(
    name: "clone", abstract: "Copy a desk's shared ledger from a git remote.",
    discussion:
      "<url> is a path, a file:// or ssh:// URL, user@host:path, or an https:// URL. The copy's remote is named origin; share your work with 'claims sync'. \(credentialHelp)",
    arguments: [
      ArgumentSpec(name: "url", help: "Where the shared ledger is."),
      ArgumentSpec(name: "directory", help: "Where the copy goes (default: the URL's last part).", isOptional: true),
    ]
  ) { arguments, context in
    let url = RemoteAddress.resolve(arguments.argument("url") ?? "", relativeTo: context.currentDirectory)
    let name = arguments.argument("directory") ?? RemoteAddress.defaultDirectoryName(for: url)
    guard let name, !name.isEmpty else {
      throw UsageError("Cannot name a directory after '\(url.escapedForMessage)'; give <directory>", command: "clone")
    }
    let directory = context.absolutePath(name)
    let progress = ProgressLine(context: context)
    let ledger: Ledger
    do {
      ledger = try Ledger.clone(from: url, into: directory, access: access(context, progress))
      progress.finish()
    } catch {
      progress.finish()
      throw error
    }
    let snapshot = try ledger.snapshot()
    let sources = snapshot.sourceIDs().count
    context.report(snapshot.problems)
    context.print(
      "Cloned \(TerminalText.sanitize(url)) into \(TerminalText.sanitize(ledger.rootPath)) (\(sources) source\(sources == 1 ? "" : "s")); share your work with 'claims sync'"
    )
    return ExitStatus.success
  }

  static let sync = CommandSpec(
    name: "sync", abstract: "Share your work with the desk: fetch, merge and push through a git remote.",
    discussion:
      "<remote> is a remote's name (default: origin, or the only remote), or a URL or path. Each reviewer writes only their own files, so the work of different reviewers merges without conflict. When one file was changed on two machines (the same reviewer on the same claim), the version made by the later action is kept, both stay in history, and sync lists it. If someone pushed meanwhile, sync fetches and merges again, up to 5 times. \(credentialHelp)",
    arguments: [ArgumentSpec(name: "remote", help: "The remote to sync with.", isOptional: true)],
    options: [
      .value(
        "author", "identity",
        help: "Who signs a merge, as 'Name <email>' (default: CLAIMS_AUTHOR, CLAIMS_REVIEWER, then git config)."),
      .flag("json", help: "Print what was done as JSON."),
    ]
  ) { arguments, context in
    let ledger = try context.openLedger(arguments)
    let author = try IdentityResolver.resolve(
      explicit: arguments.value("author"),
      environment: context.environment["CLAIMS_AUTHOR"] ?? context.environment["CLAIMS_REVIEWER"],
      sources: ("--author", "CLAIMS_AUTHOR"), ledger: ledger)
    let remote = arguments.argument("remote")
    let progress = ProgressLine(context: context)
    let result: SyncResult
    do {
      result = try ledger.sync(remote: remote, as: author, at: try context.now(), access: access(context, progress))
      progress.finish()
    } catch {
      progress.finish()
      throw error
    }
    result.warnings.forEach(context.warn)
    if arguments.flag("json") {
      context.output.write(JSONWriter.canonicalText(of: json(result)))
      return ExitStatus.success
    }
    print(result, context: context)
    return ExitStatus.success
  }

  private static func access(_ context: CommandContext, _ progress: ProgressLine) -> RemoteAccess {
    var access = RemoteAccess(environment: context.environment) { status in progress.update(status) }
    access.workingDirectory = context.currentDirectory
    return access
  }

  private static func print(_ result: SyncResult, context: CommandContext) {
    // `main on /srv/desk.git`: `remote/branch` reads as a path when the remote is one.
    let place = TerminalText.sanitize("\(result.branch) on \(result.remote)")
    let commits = { (count: Int) in "\(count) commit\(count == 1 ? "" : "s")" }
    switch result.integration {
    case .none: break
    case .fastForward: context.print("Brought in \(commits(result.received)) from \(place).")
    case .merge: context.print("Merged \(commits(result.received)) from \(place).")
    }
    let decisions = result.resolutions.filter { $0.kind != .file }
    if !decisions.isEmpty {
      context.print("Settled \(decisions.count) change\(decisions.count == 1 ? "" : "s") made on both sides (both stay in history):")
      for resolution in decisions { context.print("  \(TerminalText.sanitize(resolution.summary))") }
    }
    let files = result.resolutions.filter { $0.kind == .file }
    if !files.isEmpty {
      context.print(
        "Kept the later version of \(files.count) file\(files.count == 1 ? "" : "s") changed on both sides (both stay in history):"
      )
      for resolution in files {
        let kept = resolution.kept == .ours ? "yours" : "theirs"
        let keptTime = resolution.kept == .ours ? resolution.oursTime : resolution.theirsTime
        let otherTime = resolution.kept == .ours ? resolution.theirsTime : resolution.oursTime
        let removal = resolution.keptRemoval ? " (which removes it)" : ""
        let tie = keptTime == otherTime ? ", same time: larger object id" : ""
        context.print(
          "  \(TerminalText.sanitize(resolution.path)): \(kept)\(removal), made \(keptTime.text) (the other \(otherTime.text)\(tie))"
        )
      }
    }
    if result.sent > 0 { context.print("Sent \(commits(result.sent)) to \(place).") }
    if result.integration == .none && result.sent == 0 { context.print("Already in sync with \(place).") }
  }

  private static func json(_ result: SyncResult) -> JSONValue {
    let integration: String =
      switch result.integration {
      case .none: "none"
      case .fastForward: "fast-forward"
      case .merge: "merge"
      }
    return .object([
      "remote": .string(result.remote), "branch": .string(result.branch), "received": .integer(result.received),
      "sent": .integer(result.sent), "integration": .string(integration), "rounds": .integer(result.rounds),
      "tip": result.tip.map { .string($0) } ?? .null,
      "resolved": .array(
        result.resolutions.map { resolution in
          .object([
            "path": .string(resolution.path), "kept": .string(resolution.kept.rawValue),
            "ours_time": .string(resolution.oursTime.text), "theirs_time": .string(resolution.theirsTime.text),
            "removed": .bool(resolution.keptRemoval), "kind": .string(resolution.kind.rawValue),
            "summary": .string(resolution.summary),
          ])
        }),
    ])
  }
}

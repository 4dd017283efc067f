import ClaimLedger
import ClaimModel

/// What `claims clone` and `claims sync` share: the credential help, remote access with a
/// progress line, and how a sync is reported.
enum RemoteOutput {
  static let credentialHelp =
    "ssh uses your ssh-agent, else ~/.ssh/id_ed25519, id_ecdsa or id_rsa (CLAIMS_SSH_PASSPHRASE unlocks an encrypted key), and accepts only servers listed in ~/.ssh/known_hosts. https uses the token in CLAIMS_GIT_TOKEN, else what git's store helper keeps in ~/.git-credentials."

  static func access(_ context: CommandContext, _ progress: ProgressLine) -> RemoteAccess {
    var access = RemoteAccess(environment: context.environment) { status in progress.update(status) }
    access.workingDirectory = context.currentDirectory
    return access
  }

  static func print(_ result: SyncResult, context: CommandContext) {
    // `main on /srv/desk.git`: `remote/branch` reads as a path when the remote is one.
    let place = TerminalText.sanitize("\(result.branch) on \(result.remote)")
    let commits = { (count: Int) in String.count(count, "commit") }
    switch result.integration {
    case .none: break
    case .fastForward: context.print("Brought in \(commits(result.received)) from \(place).")
    case .merge: context.print("Merged \(commits(result.received)) from \(place).")
    }
    let decisions = result.resolutions.filter { $0.kind != .file }
    if !decisions.isEmpty {
      context.print(
        "Settled \(String.count(decisions.count, "change")) made on both sides (both stay in history):"
      )
      for resolution in decisions { context.print("  \(TerminalText.sanitize(resolution.summary))") }
    }
    let files = result.resolutions.filter { $0.kind == .file }
    if !files.isEmpty {
      context.print(
        "Kept the later version of \(String.count(files.count, "file")) changed on both sides (both stay in history):"
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

  static func json(_ result: SyncResult) -> JSONValue {
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

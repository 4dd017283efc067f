import ClaimModel
import Git

/// How far a transfer with a remote has come.
public enum TransferStatus: Sendable, Equatable {
  /// Objects arriving: how many of how many, and the bytes so far.
  case receiving(objects: Int, of: Int, bytes: Int)
  /// Deltas being resolved once every object has arrived.
  case resolving(deltas: Int, of: Int)
  /// Objects being sent.
  case sending(objects: Int, of: Int, bytes: Int)
}

/// What talking to remotes needs from the caller: the environment (for `HOME`, `SSH_AUTH_SOCK`,
/// `CLAIMS_GIT_TOKEN`, `CLAIMS_SSH_PASSPHRASE`) and where to report progress.
public struct RemoteAccess {
  public var environment: [String: String]
  /// Called as a transfer goes on; keep it cheap.
  public var progress: ((TransferStatus) -> Void)?
  /// What a relative path given as a remote is relative to (nil: the ledger's top).
  public var workingDirectory: String?

  public init(environment: [String: String], progress: ((TransferStatus) -> Void)? = nil) {
    self.environment = environment
    self.progress = progress
  }

  /// Callbacks for one conversation with `url`, and the credential policy they use.
  func callbacks(for url: String) -> (RemoteCallbacks, CredentialPolicy) {
    let callbacks = RemoteCallbacks()
    let policy = CredentialPolicy(environment: environment)
    callbacks.credentials = { request in policy.credential(for: request) }
    let parsed = RemoteURL(url)
    let knownHosts = KnownHosts(home: policy.home)
    callbacks.hostKeyCheck = { key in
      knownHosts.check(host: key.host, port: parsed.port ?? 22, keyType: key.keyType, key: key.key)
    }
    if let progress {
      callbacks.transferProgress = { status in
        if status.receivedObjects < status.totalObjects || status.totalDeltas == 0 {
          progress(.receiving(objects: status.receivedObjects, of: status.totalObjects, bytes: status.receivedBytes))
        } else {
          progress(.resolving(deltas: status.indexedDeltas, of: status.totalDeltas))
        }
      }
      callbacks.pushProgress = { current, total, bytes in progress(.sending(objects: current, of: total, bytes: bytes))
      }
    }
    return (callbacks, policy)
  }

  /// A one-line error for a failed conversation with `url`, saying what to do.
  static func error(
    _ error: GitError, doing action: String, url: String, callbacks: RemoteCallbacks, policy: CredentialPolicy
  ) -> LedgerError {
    let shown = url.escapedForMessage
    if let rejection = callbacks.hostKeyRejection {
      return LedgerError(.remoteRefused, "cannot \(action) \(shown): \(rejection)")
    }
    if case .local(let path) = RemoteURL(url).kind, FileSystem.node(at: path) == .missing {
      return LedgerError(
        .remoteUnreachable,
        "cannot \(action) \(shown): there is no repository at \(path.escapedForMessage); check the path")
    }
    if case .local(let path) = RemoteURL(url).kind,
      let shortage = DiskSpace.shortage(at: path, systemError: error.systemErrorNumber)
    {
      return LedgerError(
        .writeFailed(path: path), "cannot \(action) \(shown): \(shortage); free some space there, then retry")
    }
    switch error.code {
    case .authentication:
      let tried = policy.tried.isEmpty ? "no credentials found" : "tried \(policy.tried.joined(separator: ", "))"
      let remedy =
        switch RemoteURL(url).kind {
        case .ssh: "add your key to ssh-agent or put it in ~/.ssh/id_ed25519, and make sure the server accepts it"
        case .http: "set CLAIMS_GIT_TOKEN to an access token, or store your credentials in ~/.git-credentials"
        default: "check the remote's address and your access to it"
        }
      return LedgerError(.remoteRefused, "cannot \(action) \(shown): authentication failed (\(tried)); \(remedy)")
    case .certificate:
      return LedgerError(
        .remoteRefused,
        "cannot \(action) \(shown): the server's certificate is not trusted (\(error.message)); check the address, or install the authority's certificate"
      )
    default:
      return LedgerError(
        .remoteUnreachable,
        "cannot \(action) \(shown): \(error.message.escapedForMessage); check the address and that you can reach it")
    }
  }
}

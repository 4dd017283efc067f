import Git

#if canImport(Glibc)
  import Glibc
#endif

/// Which credentials to offer a remote, in order, each once: for ssh the agent (when
/// `SSH_AUTH_SOCK` is set), then `~/.ssh/id_ed25519`, `id_ecdsa` and `id_rsa` (with
/// `CLAIMS_SSH_PASSPHRASE` for an encrypted key); for https a token from `CLAIMS_GIT_TOKEN`, then
/// what `~/.git-credentials` (the file git's `store` helper writes) holds for the host. No helper
/// program is run. When every candidate has been refused, the request is declined and the
/// operation fails, so a bad key never loops.
final class CredentialPolicy {
  private let environment: [String: String]
  let home: String
  private var sshCandidates: [Credential]?
  private var passwordCandidates: [Credential]?
  /// What was offered, for the error message when nothing worked.
  private(set) var tried: [String] = []

  init(environment: [String: String]) {
    self.environment = environment
    home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? Self.passwordDatabaseHome ?? "/"
  }

  private static var passwordDatabaseHome: String? {
    guard let entry = getpwuid(getuid()), let directory = entry.pointee.pw_dir else { return nil }
    return String(cString: directory)
  }

  /// The next credential to offer for `request`, or nil when none is left.
  func credential(for request: CredentialRequest) -> Credential? {
    let url = RemoteURL(request.url)
    if request.allowed.contains(.sshKey) {
      let user = request.userNameFromURL ?? url.user ?? "git"
      if sshCandidates == nil { sshCandidates = makeSSHCandidates(user: user) }
      return next(from: &sshCandidates)
    }
    if request.allowed.contains(.userPassword) {
      if passwordCandidates == nil {
        passwordCandidates = makePasswordCandidates(url: url, user: request.userNameFromURL)
      }
      return next(from: &passwordCandidates)
    }
    if request.allowed.contains(.userName) {
      return .userName(request.userNameFromURL ?? url.user ?? "git")
    }
    return nil
  }

  private func next(from candidates: inout [Credential]?) -> Credential? {
    guard var remaining = candidates, !remaining.isEmpty else { return nil }
    let credential = remaining.removeFirst()
    candidates = remaining
    tried.append(Self.describe(credential))
    return credential
  }

  private func makeSSHCandidates(user: String) -> [Credential] {
    var candidates: [Credential] = []
    if let socket = environment["SSH_AUTH_SOCK"], !socket.isEmpty { candidates.append(.sshAgent(userName: user)) }
    for name in ["id_ed25519", "id_ecdsa", "id_rsa"] {
      let privateKey = "\(home)/.ssh/\(name)"
      guard FileSystem.node(at: privateKey) == .file else { continue }
      let publicKey = "\(privateKey).pub"
      candidates.append(
        .sshKeyFile(
          userName: user, publicKeyPath: FileSystem.node(at: publicKey) == .file ? publicKey : nil,
          privateKeyPath: privateKey, passphrase: environment["CLAIMS_SSH_PASSPHRASE"]))
    }
    return candidates
  }

  private func makePasswordCandidates(url: RemoteURL, user: String?) -> [Credential] {
    var candidates: [Credential] = []
    let user = user ?? url.user
    if let token = environment["CLAIMS_GIT_TOKEN"], !token.isEmpty {
      candidates.append(.userPassword(userName: user ?? "x-access-token", password: token))
    }
    if let bytes = FileSystem.readFile(at: "\(home)/.git-credentials", limit: 1 << 20) {
      for line in String(decoding: bytes, as: UTF8.self).split(whereSeparator: \.isNewline) {
        let stored = RemoteURL(String(line))
        guard stored.scheme == url.scheme, stored.host == url.host, stored.port == url.port,
          let storedUser = stored.user, user == nil || user == storedUser,
          let password = Self.password(inCredentialLine: String(line))
        else { continue }
        candidates.append(.userPassword(userName: storedUser, password: password))
      }
    }
    return candidates
  }

  /// The password of `scheme://user:password@host` as git's `store` helper writes it.
  private static func password(inCredentialLine line: String) -> String? {
    guard let separator = line.firstRange(of: "://") else { return nil }
    let rest = line[separator.upperBound...]
    guard let at = rest.lastIndex(of: "@") else { return nil }
    let userInfo = rest[..<at]
    guard let colon = userInfo.firstIndex(of: ":") else { return nil }
    return String(userInfo[userInfo.index(after: colon)...]).removingPercentEncodingSafely
  }

  private static func describe(_ credential: Credential) -> String {
    switch credential {
    case .sshAgent: "ssh-agent"
    case .sshKeyFile(_, _, let path, _): path
    case .userPassword(let user, _): "a password or token for \(user)"
    case .userName(let user): "user name \(user)"
    }
  }
}

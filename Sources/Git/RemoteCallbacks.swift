internal import CLibGit2

#if canImport(Glibc)
  import Glibc
#endif

/// What a remote asks for when it wants to know who we are.
public struct CredentialRequest: Sendable, Equatable {
  /// The kinds of credential the remote accepts.
  public struct Kinds: OptionSet, Sendable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }
    /// A user name and password (or token), for https.
    public static let userPassword = Kinds(rawValue: GIT_CREDENTIAL_USERPASS_PLAINTEXT.rawValue)
    /// An ssh key, from the agent or a file.
    public static let sshKey = Kinds(rawValue: GIT_CREDENTIAL_SSH_KEY.rawValue)
    /// Only a user name (ssh asks for it first when the URL has none).
    public static let userName = Kinds(rawValue: GIT_CREDENTIAL_USERNAME.rawValue)
  }

  /// The URL being connected to.
  public var url: String
  /// The user name written in the URL (`git@host:…`), if any.
  public var userNameFromURL: String?
  /// What the remote accepts.
  public var allowed: Kinds

  public init(url: String, userNameFromURL: String?, allowed: Kinds) {
    self.url = url
    self.userNameFromURL = userNameFromURL
    self.allowed = allowed
  }
}

/// A credential to answer a ``CredentialRequest`` with.
public enum Credential: Sendable, Equatable {
  /// Ask the running ssh-agent for a key (`git_credential_ssh_key_from_agent`).
  case sshAgent(userName: String)
  /// An ssh key pair read from files (`git_credential_ssh_key_new`).
  case sshKeyFile(userName: String, publicKeyPath: String?, privateKeyPath: String, passphrase: String?)
  /// A user name and a password or token (`git_credential_userpass_plaintext_new`).
  case userPassword(userName: String, password: String)
  /// Only a user name (`git_credential_username_new`).
  case userName(String)
}

/// How far a download has come.
public struct TransferProgress: Sendable, Equatable {
  public var totalObjects: Int
  public var receivedObjects: Int
  public var indexedObjects: Int
  public var receivedBytes: Int
  public var totalDeltas: Int
  public var indexedDeltas: Int
}

/// The key an ssh server presented, for checking against `known_hosts`.
public struct HostKey: Sendable, Equatable {
  /// The host name connected to.
  public var host: String
  /// The key's type as `known_hosts` names it (`ssh-ed25519`, `ssh-rsa`, …), when libgit2 knows it.
  public var keyType: String?
  /// The key's raw bytes (what `known_hosts` holds base64-encoded), when libgit2 has them.
  public var key: [UInt8]?
}

/// What to do while talking to a remote: answer credential requests, check host keys, report
/// progress. Passed to fetch, push and clone; kept alive by them for the call.
///
/// Credential requests are bounded: after ``maximumCredentialAttempts`` the operation fails, so
/// a key the server refuses never loops forever.
public final class RemoteCallbacks {
  /// Answers a credential request; nil gives up (the operation then fails with `.authentication`).
  public var credentials: ((CredentialRequest) -> Credential?)?
  /// Checks an ssh server's key; returns nil to accept it, or why it is refused.
  /// Without it, every ssh host key is refused.
  public var hostKeyCheck: ((HostKey) -> String?)?
  /// Called as objects arrive.
  public var transferProgress: ((TransferProgress) -> Void)?
  /// Called as objects are sent: (objects sent, objects in all, bytes sent).
  public var pushProgress: ((Int, Int, Int) -> Void)?
  /// How many credentials may be offered in one operation.
  public var maximumCredentialAttempts = 8

  /// How many credentials were asked for so far.
  public private(set) var credentialAttempts = 0
  /// Why the last host key was refused, if one was.
  public private(set) var hostKeyRejection: String?
  /// The references the remote refused to update in the last push, with its reasons.
  public internal(set) var pushRejections: [String: String] = [:]

  public init() {}

  /// Points libgit2's callbacks at this object; the caller keeps it alive for the operation.
  func install(into callbacks: inout git_remote_callbacks) {
    // An https remote needs the CA certificates libgit2's init left unread; failing to read
    // them, the connection fails as it would have.
    try? LibGit2.loadCertificates()
    credentialAttempts = 0
    hostKeyRejection = nil
    pushRejections = [:]
    callbacks.payload = Unmanaged.passUnretained(self).toOpaque()
    callbacks.credentials = { output, url, userName, allowed, payload in
      guard let output, let payload else { return GIT_PASSTHROUGH.rawValue }
      let this = Unmanaged<RemoteCallbacks>.fromOpaque(payload).takeUnretainedValue()
      return this.acquire(
        output,
        CredentialRequest(
          url: url.map { String(cString: $0) } ?? "", userNameFromURL: userName.map { String(cString: $0) },
          allowed: CredentialRequest.Kinds(rawValue: allowed)))
    }
    callbacks.certificate_check = { certificate, valid, host, payload in
      guard let certificate, let payload else { return GIT_ECERTIFICATE.rawValue }
      let this = Unmanaged<RemoteCallbacks>.fromOpaque(payload).takeUnretainedValue()
      return this.checkCertificate(certificate, isValid: valid != 0, host: host.map { String(cString: $0) } ?? "")
    }
    callbacks.transfer_progress = { stats, payload in
      guard let stats, let payload else { return 0 }
      let this = Unmanaged<RemoteCallbacks>.fromOpaque(payload).takeUnretainedValue()
      this.transferProgress?(
        TransferProgress(
          totalObjects: Int(stats.pointee.total_objects), receivedObjects: Int(stats.pointee.received_objects),
          indexedObjects: Int(stats.pointee.indexed_objects), receivedBytes: Int(stats.pointee.received_bytes),
          totalDeltas: Int(stats.pointee.total_deltas), indexedDeltas: Int(stats.pointee.indexed_deltas)))
      return 0
    }
    callbacks.push_transfer_progress = { current, total, bytes, payload in
      guard let payload else { return 0 }
      Unmanaged<RemoteCallbacks>.fromOpaque(payload).takeUnretainedValue().pushProgress?(
        Int(current), Int(total), Int(bytes))
      return 0
    }
    callbacks.push_update_reference = { reference, status, payload in
      guard let reference, let status, let payload else { return 0 }
      let this = Unmanaged<RemoteCallbacks>.fromOpaque(payload).takeUnretainedValue()
      this.pushRejections[String(cString: reference)] = String(cString: status)
      return 0
    }
  }

  private func acquire(
    _ output: UnsafeMutablePointer<UnsafeMutablePointer<git_credential>?>, _ request: CredentialRequest
  )
    -> Int32
  {
    credentialAttempts += 1
    guard credentialAttempts <= maximumCredentialAttempts, let credential = credentials?(request) else {
      git_error_set_str(
        Int32(GIT_ERROR_NET.rawValue), "no more credentials to try for \(request.url) after \(credentialAttempts - 1)")
      return GIT_EAUTH.rawValue
    }
    switch credential {
    case .sshAgent(let userName):
      return git_credential_ssh_key_from_agent(output, userName)
    case .sshKeyFile(let userName, let publicKeyPath, let privateKeyPath, let passphrase):
      return git_credential_ssh_key_new(output, userName, publicKeyPath, privateKeyPath, passphrase)
    case .userPassword(let userName, let password):
      return git_credential_userpass_plaintext_new(output, userName, password)
    case .userName(let userName):
      return git_credential_username_new(output, userName)
    }
  }

  private func checkCertificate(_ certificate: UnsafeMutablePointer<git_cert>, isValid: Bool, host: String) -> Int32 {
    // TLS certificates are checked by libgit2 against the system's authorities; only ssh host keys
    // are ours to check.
    guard certificate.pointee.cert_type == GIT_CERT_HOSTKEY_LIBSSH2 else {
      return isValid ? 0 : GIT_PASSTHROUGH.rawValue
    }
    let hostKey = UnsafeMutableRawPointer(certificate).assumingMemoryBound(to: git_cert_hostkey.self).pointee
    var key: [UInt8]?
    var keyType: String?
    if hostKey.type.rawValue & GIT_CERT_SSH_RAW.rawValue != 0, let raw = hostKey.hostkey {
      key = Array(UnsafeRawBufferPointer(start: raw, count: hostKey.hostkey_len))
      keyType = Self.keyTypeNames[hostKey.raw_type.rawValue]
    }
    let reason =
      hostKeyCheck.map { check in check(HostKey(host: host, keyType: keyType, key: key)) }
      ?? "ssh host keys cannot be checked"
    guard let reason else { return 0 }
    hostKeyRejection = reason
    git_error_set_str(Int32(GIT_ERROR_SSH.rawValue), reason)
    return GIT_ECERTIFICATE.rawValue
  }

  private static let keyTypeNames: [UInt32: String] = [
    GIT_CERT_SSH_RAW_TYPE_RSA.rawValue: "ssh-rsa",
    GIT_CERT_SSH_RAW_TYPE_DSS.rawValue: "ssh-dss",
    GIT_CERT_SSH_RAW_TYPE_KEY_ECDSA_256.rawValue: "ecdsa-sha2-nistp256",
    GIT_CERT_SSH_RAW_TYPE_KEY_ECDSA_384.rawValue: "ecdsa-sha2-nistp384",
    GIT_CERT_SSH_RAW_TYPE_KEY_ECDSA_521.rawValue: "ecdsa-sha2-nistp521",
    GIT_CERT_SSH_RAW_TYPE_KEY_ED25519.rawValue: "ssh-ed25519",
  ]
}

@available(*, unavailable)
extension RemoteCallbacks: Sendable {}

/// Runs `body` with `strings` as a `git_strarray` whose strings live for the call.
func withStringArray<T>(_ strings: [String], _ body: (UnsafePointer<git_strarray>) throws(GitError) -> T)
  throws(GitError) -> T
{
  var pointers: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) }
  defer { pointers.forEach { free($0) } }
  return try pointers.withUnsafeMutableBufferPointer { (buffer) throws(GitError) -> T in
    var array = git_strarray(strings: buffer.baseAddress, count: buffer.count)
    return try body(&array)
  }
}

import Foundation
import Git
import TestSupport
import Testing

@testable import ClaimLedger

@Suite struct RemoteAccessTests {
  @Test func sha1AndHMACMatchTheStandardVectors() {
    let hex = { (bytes: [UInt8]) in bytes.map { String(format: "%02x", $0) }.joined() }
    #expect(hex(SHA1.digest(Array("abc".utf8))) == "a9993e364706816aba3e25717850c26c9cd0d89d")
    #expect(hex(SHA1.digest([])) == "da39a3ee5e6b4b0d3255bfef95601890afd80709")
    #expect(
      hex(SHA1.digest(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)))
        == "84983e441c3bd26ebaae4aa1f95129e5e54670f1")
    // RFC 2202, test cases 1 and 6 (a key longer than a block).
    #expect(
      hex(SHA1.hmac(key: [UInt8](repeating: 0x0B, count: 20), message: Array("Hi There".utf8)))
        == "b617318655057264e28bc0b6fb378c8ef146be00")
    #expect(
      hex(
        SHA1.hmac(
          key: [UInt8](repeating: 0xAA, count: 80),
          message: Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8)))
        == "aa4ae5e15272d00e95705637ce8a3b55ed402112")
  }

  @Test func remoteAddressesAreClassified() {
    #expect(RemoteURL("/srv/desk.git").kind == .local(path: "/srv/desk.git"))
    #expect(RemoteURL("../desk.git").kind == .local(path: "../desk.git"))
    #expect(RemoteURL("file:///srv/desk.git").kind == .local(path: "/srv/desk.git"))
    let ssh = RemoteURL("ssh://ann@Example.org:2222/srv/desk.git")
    #expect(ssh.kind == .ssh && ssh.host == "example.org" && ssh.port == 2222 && ssh.user == "ann")
    let scp = RemoteURL("git@example.org:desk.git")
    #expect(scp.kind == .ssh && scp.host == "example.org" && scp.user == "git" && scp.port == nil)
    let https = RemoteURL("https://ann%40desk:secret@example.org/desk.git")
    #expect(https.kind == .http && https.user == "ann@desk" && https.host == "example.org")
    #expect(RemoteURL("./dir:with/colon").kind == .local(path: "./dir:with/colon"))
    #expect(RemoteAddress.resolve("desk.git", relativeTo: "/home/ann") == "/home/ann/desk.git")
    #expect(RemoteAddress.resolve("git@host:desk.git", relativeTo: "/home/ann") == "git@host:desk.git")
    #expect(RemoteAddress.defaultDirectoryName(for: "ssh://host/srv/desk.git/") == "desk")
    #expect(RemoteAddress.defaultDirectoryName(for: "git@host:team/ledger") == "ledger")
    #expect(RemoteAddress.defaultDirectoryName(for: "/") == nil)
  }

  @Test func knownHostsAcceptsTheListedKeyOnlyAndReadsHashedNames() throws {
    let home = ScratchDirectory()
    let key: [UInt8] = Array(0..<51)
    let other: [UInt8] = Array(repeating: 7, count: 51)
    let encoded = Data(key).base64EncodedString()
    let salt: [UInt8] = Array(repeating: 3, count: 20)
    let hashed =
      "|1|\(Data(salt).base64EncodedString())|\(Data(SHA1.hmac(key: salt, message: Array("[hashed.example]:2222".utf8))).base64EncodedString())"
    try home.write(
      """
      # a comment
      plain.example,*.wild.example ssh-ed25519 \(encoded)
      \(hashed) ssh-ed25519 \(encoded)
      @revoked bad.example ssh-ed25519 \(encoded)
      bad.example ssh-ed25519 \(encoded)

      """, to: ".ssh/known_hosts")
    let hosts = KnownHosts(home: home.path)
    #expect(hosts.check(host: "plain.example", port: 22, keyType: "ssh-ed25519", key: key) == nil)
    #expect(hosts.check(host: "a.wild.example", port: 22, keyType: "ssh-ed25519", key: key) == nil)
    #expect(hosts.check(host: "hashed.example", port: 2222, keyType: "ssh-ed25519", key: key) == nil)
    #expect(hosts.check(host: "hashed.example", port: 22, keyType: "ssh-ed25519", key: key)?.contains("not in") == true)
    #expect(
      hosts.check(host: "plain.example", port: 22, keyType: "ssh-ed25519", key: other)?.contains("does not match")
        == true)
    #expect(
      hosts.check(host: "plain.example", port: 22, keyType: "ssh-rsa", key: key)?.contains("does not match") == true)
    #expect(hosts.check(host: "bad.example", port: 22, keyType: "ssh-ed25519", key: key)?.contains("revoked") == true)
    #expect(hosts.check(host: "plain.example", port: 22, keyType: nil, key: nil) != nil)
  }

  @Test func credentialsAreOfferedInOrderEachOnceThenDeclined() throws {
    let home = ScratchDirectory()
    try home.write("private\n", to: ".ssh/id_ed25519")
    try home.write("public\n", to: ".ssh/id_ed25519.pub")
    try home.write("private\n", to: ".ssh/id_rsa")
    try home.write(
      "https://ann:p%40ss@example.org\nhttps://bob:other@elsewhere.org\nhttps://carol:third@example.org:8443\n",
      to: ".git-credentials")
    let policy = CredentialPolicy(environment: ["HOME": home.path, "SSH_AUTH_SOCK": "/tmp/agent"])
    let ssh = CredentialRequest(url: "ssh://example.org/desk.git", userNameFromURL: "git", allowed: [.sshKey])
    #expect(policy.credential(for: ssh) == .sshAgent(userName: "git"))
    #expect(
      policy.credential(for: ssh)
        == .sshKeyFile(
          userName: "git", publicKeyPath: home.path(".ssh/id_ed25519.pub"),
          privateKeyPath: home.path(".ssh/id_ed25519"),
          passphrase: nil))
    #expect(
      policy.credential(for: ssh)
        == .sshKeyFile(userName: "git", publicKeyPath: nil, privateKeyPath: home.path(".ssh/id_rsa"), passphrase: nil))
    #expect(policy.credential(for: ssh) == nil)
    #expect(
      policy.credential(for: CredentialRequest(url: "ssh://example.org/x", userNameFromURL: nil, allowed: [.userName]))
        == .userName("git"))

    let tokenPolicy = CredentialPolicy(environment: ["HOME": home.path, "CLAIMS_GIT_TOKEN": "t0ken"])
    let https = CredentialRequest(url: "https://example.org/desk.git", userNameFromURL: nil, allowed: [.userPassword])
    #expect(tokenPolicy.credential(for: https) == .userPassword(userName: "x-access-token", password: "t0ken"))
    #expect(tokenPolicy.credential(for: https) == .userPassword(userName: "ann", password: "p@ss"))
    #expect(tokenPolicy.credential(for: https) == nil)
    #expect(tokenPolicy.tried.count == 2)
  }
}

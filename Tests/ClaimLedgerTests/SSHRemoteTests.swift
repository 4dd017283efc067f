import ClaimLedger
import Foundation
import Git
import TestSupport
import Testing

/// An OpenSSH server on 127.0.0.1 for one test, with its own host key and one authorised user key,
/// and a home directory whose `~/.ssh` holds that key and the server in `known_hosts`.
final class SSHServer {
  static let executable = "/usr/sbin/sshd"
  static var isAvailable: Bool { FileManager.default.isExecutableFile(atPath: executable) && getuid() == 0 }

  let scratch = ScratchDirectory()
  let port: Int

  var home: String { scratch.path("home") }

  /// Starts the server as a daemon: a child that ran for the whole test would stall Foundation's
  /// wait for every other child process meanwhile.
  init() throws {
    try FileManager.default.createDirectory(atPath: scratch.path("home/.ssh"), withIntermediateDirectories: true)
    try FileManager.default.createDirectory(atPath: "/run/sshd", withIntermediateDirectories: true)
    for file in ["hostkey", "home/.ssh/id_ed25519"] {
      _ = try ProcessRunner.run("/usr/bin/ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-f", file], in: scratch.path)
    }
    try FileManager.default.copyItem(
      atPath: scratch.path("home/.ssh/id_ed25519.pub"), toPath: scratch.path("authorized"))
    for _ in 0..<10 {
      let port = Int.random(in: 20_000..<60_000)
      try scratch.write(
        """
        Port \(port)
        ListenAddress 127.0.0.1
        HostKey \(scratch.path("hostkey"))
        AuthorizedKeysFile \(scratch.path("authorized"))
        PasswordAuthentication no
        KbdInteractiveAuthentication no
        PermitRootLogin prohibit-password
        StrictModes no
        UsePAM no
        PidFile \(scratch.path("sshd.pid"))

        """, to: "sshd_config")
      let started = try ProcessRunner.run(Self.executable, ["-f", scratch.path("sshd_config")], in: scratch.path)
      for _ in 0..<100 where started.status == 0 && !Self.canConnect(port: port) { usleep(20_000) }
      if started.status == 0, Self.canConnect(port: port) {
        self.port = port
        let hostKey = try scratch.read("hostkey.pub").split(separator: " ").prefix(2).joined(separator: " ")
        try scratch.write("[127.0.0.1]:\(port) \(hostKey)\n", to: "home/.ssh/known_hosts")
        return
      }
      Self.stop(pidFile: scratch.path("sshd.pid"))
    }
    throw Fixtures.Invalid(description: "sshd would not listen on any port tried")
  }

  private static func stop(pidFile: String) {
    guard let text = try? String(contentsOfFile: pidFile, encoding: .utf8),
      let pid = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines))
    else { return }
    kill(pid, SIGTERM)
    try? FileManager.default.removeItem(atPath: pidFile)
  }

  /// `ssh://root@127.0.0.1:<port><path>`.
  func url(_ path: String) -> String { "ssh://root@127.0.0.1:\(port)\(path)" }

  private static func canConnect(port: Int) -> Bool {
    let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard descriptor >= 0 else { return false }
    defer { close(descriptor) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = in_port_t(UInt16(port).bigEndian)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    return withUnsafePointer(to: &address) { pointer in
      pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
      }
    }
  }

  deinit {
    Self.stop(pidFile: scratch.path("sshd.pid"))
  }
}

/// Clone and sync over ssh against a real OpenSSH server (skipped where `openssh-server` is not
/// installed or the tests do not run as root; `Benchmarks/reliability.sh` installs it).
@Suite(.enabled(if: SSHServer.isAvailable, "needs /usr/sbin/sshd and root")) struct SSHRemoteTests {
  @Test func cloneAndSyncOverSSHWithAKeyFileAndKnownHosts() throws {
    let server = try SSHServer()
    let desk = try DeskFixture()
    let access = RemoteAccess(environment: ["HOME": server.home, "SSH_AUTH_SOCK": ""])
    let ann = try Ledger.clone(from: server.url(desk.remote), into: desk.scratch.path("ann"), access: access)
    let bob = try desk.clone("bob")
    let ids = try desk.claimIDs(in: ann)
    try desk.verdict(bob, ids[0], "supported", by: "Bob <bob@example.org>", at: "2026-11-24T12:01:00Z")
    try desk.sync(bob)
    try desk.verdict(ann, ids[1], "refuted", by: "Ann <ann@example.org>", at: "2026-11-24T12:02:00Z")
    let result = try desk.sync(ann, access: access)
    #expect(result.integration == .merge)
    #expect(result.sent == 2)
    #expect(try desk.git("remote.git", "rev-parse", "main") == desk.git("ann", "rev-parse", "HEAD"))
  }

  @Test func anUnknownOrChangedHostKeyIsRefused() throws {
    let server = try SSHServer()
    let desk = try DeskFixture()
    let access = RemoteAccess(environment: ["HOME": server.home, "SSH_AUTH_SOCK": ""])
    try server.scratch.write("", to: "home/.ssh/known_hosts")
    #expect {
      try Ledger.clone(from: server.url(desk.remote), into: desk.scratch.path("ann"), access: access)
    } throws: { error in
      (error as? LedgerError)?.message.contains("is not in ~/.ssh/known_hosts") == true
    }
    #expect(!FileManager.default.fileExists(atPath: desk.scratch.path("ann")))
    try server.scratch.write(
      "[127.0.0.1]:\(server.port) ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIMrU3dCGn2J0n2xL2sXc8GvO4hk7vHq8HhQ1D+PdXh1K\n",
      to: "home/.ssh/known_hosts")
    #expect {
      try Ledger.clone(from: server.url(desk.remote), into: desk.scratch.path("ann"), access: access)
    } throws: { error in
      (error as? LedgerError)?.message.contains("does not match") == true
    }
  }

  @Test func aRefusedKeyEndsTheAttemptsQuickly() throws {
    let server = try SSHServer()
    let desk = try DeskFixture()
    // A key the server does not know, offered again and again by a careless policy.
    _ = try ProcessRunner.run(
      "/usr/bin/ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-f", "stranger"], in: server.scratch.path)
    let repository = try Repository.create(at: desk.scratch.path("plain"))
    let remote = try Remote(url: server.url(desk.remote), in: repository)
    let callbacks = RemoteCallbacks()
    callbacks.credentials = { request in
      .sshKeyFile(
        userName: request.userNameFromURL ?? "root", publicKeyPath: nil,
        privateKeyPath: server.scratch.path("stranger"), passphrase: nil)
    }
    callbacks.hostKeyCheck = { _ in nil }
    #expect(throws: GitError.self) {
      try remote.fetch(refspecs: ["refs/heads/main"], callbacks: callbacks, reflogMessage: "test")
    }
    #expect((1...callbacks.maximumCredentialAttempts + 1).contains(callbacks.credentialAttempts))

    let access = RemoteAccess(environment: ["HOME": desk.scratch.path("nobody"), "SSH_AUTH_SOCK": ""])
    try desk.scratch.write(try server.scratch.read("home/.ssh/known_hosts"), to: "nobody/.ssh/known_hosts")
    #expect {
      try Ledger.clone(from: server.url(desk.remote), into: desk.scratch.path("ann"), access: access)
    } throws: { error in
      (error as? LedgerError)?.message.contains("authentication failed (no credentials found)") == true
    }
  }
}

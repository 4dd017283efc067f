import ClaimLedger
import Foundation
import Git
import TestSupport
import Testing

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
    try ProcessRunner.run(
      "/usr/bin/ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-f", "stranger"], in: server.scratch.path
    ).requireSuccess("ssh-keygen stranger")
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

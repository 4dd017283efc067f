import ClaimLedger
import Foundation
import TestSupport
import Testing

/// Clone and sync over git's smart HTTP protocol with the credentials https uses: a token from
/// `CLAIMS_GIT_TOKEN`, or the password `~/.git-credentials` holds for the host.
@Suite(.enabled(if: HTTPGitServer.isAvailable, "needs python3 and git")) struct HTTPRemoteTests {
  @Test func cloneAndSyncWithATokenFromTheEnvironment() throws {
    let desk = try DeskFixture()
    let server = try HTTPGitServer(serving: desk.scratch.path)
    let access = RemoteAccess(environment: ["HOME": desk.scratch.path("nobody"), "CLAIMS_GIT_TOKEN": server.token])
    let ann = try Ledger.clone(from: server.url("remote.git"), into: desk.scratch.path("ann"), access: access)
    let ids = try desk.claimIDs(in: ann)
    try desk.verdict(ann, ids[0], "refuted", by: "Ann <ann@example.org>", at: "2026-11-24T12:01:00Z")
    let result = try desk.sync(ann, access: access)
    #expect(result.sent == 1)
    #expect(try desk.git("remote.git", "rev-parse", "main") == desk.git("ann", "rev-parse", "HEAD"))
  }

  @Test func thePasswordInGitCredentialsIsUsedForItsHost() throws {
    let desk = try DeskFixture()
    let server = try HTTPGitServer(serving: desk.scratch.path)
    try desk.scratch.write(
      "https://other.example.org:443\nhttp://desk:wrong@example.org\nhttp://desk:\(server.token)@127.0.0.1:\(server.port)\n",
      to: "home/.git-credentials")
    let access = RemoteAccess(environment: ["HOME": desk.scratch.path("home")])
    let bob = try Ledger.clone(from: server.url("remote.git"), into: desk.scratch.path("bob"), access: access)
    #expect(try desk.claimIDs(in: bob).count == 4)
  }

  @Test func aWrongTokenFailsWithWhatWasTriedAndWhatToDo() throws {
    let desk = try DeskFixture()
    let server = try HTTPGitServer(serving: desk.scratch.path)
    let access = RemoteAccess(environment: ["HOME": desk.scratch.path("nobody"), "CLAIMS_GIT_TOKEN": "not-it"])
    #expect {
      try Ledger.clone(from: server.url("remote.git"), into: desk.scratch.path("eve"), access: access)
    } throws: { error in
      let message = (error as? LedgerError)?.message ?? ""
      return message.contains("authentication failed") && message.contains("CLAIMS_GIT_TOKEN")
    }
    #expect(!FileManager.default.fileExists(atPath: desk.scratch.path("eve")))
  }
}

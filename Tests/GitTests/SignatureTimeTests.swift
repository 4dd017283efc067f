import Foundation
import Git
import TestSupport
import Testing

/// libgit2 writes a commit's time as 32-bit unsigned seconds: a time outside that range is
/// refused, never wrapped into it.
@Suite struct SignatureTimeTests {
  let scratch = ScratchDirectory()

  private func commit(at time: Int64, in repository: Repository) throws -> ObjectID {
    let signature = Signature(name: "Ada", email: "ada@example.org", time: time)
    let tree = try repository.updatedTree(
      from: nil, applying: [.upsert(path: "a.txt", blob: try repository.writeBlob(Array("a\n".utf8)))])
    return try repository.createCommit(
      tree: tree, parents: [], author: signature, committer: signature, message: "add\n")
  }

  @Test func timesOutsideWhatACommitCanHoldAreRefused() throws {
    let repository = try Repository.create(at: scratch.path)
    for time: Int64 in [-1, -86_400, Int64(UInt32.max) + 1, 7_258_118_400] {
      #expect { _ = try commit(at: time, in: repository) } throws: { error in
        (error as? GitError)?.code == .invalid
      }
    }
    let last = try commit(at: Int64(UInt32.max), in: repository)
    try repository.updateReference(named: "refs/heads/main", to: last, expecting: nil, logMessage: "test")
    let written = try ProcessRunner.git(["log", "-1", "--format=%at"], in: scratch.path)
    #expect(written.stdout == "4294967295\n")
    #expect(try repository.commit(last).author.time == Int64(UInt32.max))
  }
}

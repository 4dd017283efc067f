import Foundation
import Git
import TestSupport
import Testing

/// Trees are walked to a bounded depth: one level more than ``Repository/maximumTreeDepth``
/// allows is refused with `.tooDeep`, never followed down.
@Suite struct TreeDepthTests {
  let scratch = ScratchDirectory()

  /// A tree holding one file under `directories` nested directories.
  private func tree(nesting directories: Int, in repository: Repository) throws -> ObjectID {
    let path = Array(repeating: "d", count: directories).joined(separator: "/") + "/f"
    return try repository.updatedTree(
      from: nil, applying: [.upsert(path: path, blob: try repository.writeBlob(Array("x\n".utf8)))])
  }

  @Test func theDeepestAllowedTreeIsWalkedAndOneLevelMoreIsRefused() throws {
    let repository = try Repository.create(at: scratch.path)
    let limit = Repository.maximumTreeDepth
    let allowed = try tree(nesting: limit - 1, in: repository)
    try repository.requireTreeDepth(of: allowed)
    let changes = try repository.changedFiles(from: nil, to: allowed)
    #expect(changes.count == 1 && changes.first?.path.hasSuffix("/d/f") == true)
    let tooDeep = try tree(nesting: limit, in: repository)
    #expect { try repository.requireTreeDepth(of: tooDeep) } throws: { error in
      (error as? GitError)?.code == .tooDeep && (error as? GitError)?.message.contains("'d/d/d/…'") == true
    }
    #expect { _ = try repository.changedFiles(from: allowed, to: tooDeep) } throws: { error in
      (error as? GitError)?.code == .tooDeep
    }
  }
}

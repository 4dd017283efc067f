extension Repository {
  /// How deep trees may nest wherever claims walks them (sync, clone, check, diff, log). A ledger's
  /// records are four levels deep; documents kept beside them need a few more. A crafted tree
  /// thousands of levels deep would otherwise exhaust the stack (a recursive walk) or the memory
  /// (a path per level), so it is refused before anything of it is written.
  public static let maximumTreeDepth = 256

  /// Refuses tree `id` when any tree in it is nested deeper than ``maximumTreeDepth``. Each tree
  /// is read once, however often it recurs; the walk keeps no path longer than the limit allows.
  /// - Throws: ``GitError`` `.tooDeep` naming where, or the error met reading a tree.
  public func requireTreeDepth(of id: ObjectID) throws(GitError) {
    var shallowest: [ObjectID: Int] = [id: 0]
    var pending: [(id: ObjectID, depth: Int, path: String)] = [(id, 0, "")]
    while let (tree, depth, path) = pending.popLast() {
      for entry in try treeEntries(tree) where entry.kind == .tree {
        let childPath = path.isEmpty ? entry.name : "\(path)/\(entry.name)"
        guard depth + 1 < Self.maximumTreeDepth else { throw Self.tooDeepError(at: childPath) }
        if let seen = shallowest[entry.id], seen <= depth + 1 { continue }
        shallowest[entry.id] = depth + 1
        pending.append((entry.id, depth + 1, childPath))
      }
    }
  }

  /// The error for a tree nested too deep at `path`, which names its first components only.
  static func tooDeepError(at path: String) -> GitError {
    let components = path.split(separator: "/", omittingEmptySubsequences: false)
    let shown = components.prefix(3).map { String($0.prefix(40)) }.joined(separator: "/")
    return GitError(
      code: .tooDeep,
      message:
        "the tree at '\(shown)/…' is nested deeper than \(maximumTreeDepth) levels, more than claims reads; remove that directory with plain git (git rm -r, commit, push), then retry",
      function: "requireTreeDepth")
  }
}

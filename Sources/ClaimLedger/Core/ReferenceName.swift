/// Reference names as people type them: `main` for `refs/heads/main`, `origin/main` for
/// `refs/remotes/origin/main`.
enum ReferenceName {
  /// `reference` without its `refs/heads/` or `refs/remotes/` prefix; any other name unchanged.
  static func short(_ reference: String) -> String {
    for prefix in ["refs/heads/", "refs/remotes/"] where reference.hasPrefix(prefix) {
      return String(reference.dropFirst(prefix.count))
    }
    return reference
  }
}

internal import CLibGit2

/// Reads git configuration values.
public enum GitConfig {
  /// The value of `key` (e.g. `user.name`) as the repository sees it (its own config, then global
  /// and system), or from global and system config when `repository` is nil
  /// (`git_config_snapshot`, `git_config_get_string`). Nil when unset.
  public static func string(_ key: String, in repository: Repository?) throws(GitError) -> String? {
    _ = libgit2Ready
    var config: OpaquePointer?
    if let repository {
      try check(git_repository_config_snapshot(&config, repository.pointer), function: "git_repository_config_snapshot")
    } else {
      var live: OpaquePointer?
      try check(git_config_open_default(&live), function: "git_config_open_default")
      defer { git_config_free(live) }
      try check(git_config_snapshot(&config, live), function: "git_config_snapshot")
    }
    defer { git_config_free(config) }
    var value: UnsafePointer<CChar>?
    let result = git_config_get_string(&value, config, key)
    if result == GIT_ENOTFOUND.rawValue { return nil }
    try check(result, function: "git_config_get_string")
    return value.map { String(cString: $0) }
  }
}

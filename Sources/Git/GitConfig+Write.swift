internal import CLibGit2

extension GitConfig {
  /// Sets `key` to `value` in the repository's own configuration file (`git_config_set_string` on
  /// the local level).
  public static func set(_ key: String, to value: String, in repository: Repository) throws(GitError) {
    var config: OpaquePointer?
    try check(git_repository_config(&config, repository.pointer), function: "git_repository_config")
    defer { git_config_free(config) }
    var local: OpaquePointer?
    try check(git_config_open_level(&local, config, GIT_CONFIG_LEVEL_LOCAL), function: "git_config_open_level")
    defer { git_config_free(local) }
    try check(git_config_set_string(local, key, value), function: "git_config_set_string")
  }
}

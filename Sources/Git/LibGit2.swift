internal import CLibGit2

/// Initialises libgit2 once per process, on first use of any handle. Library code never shuts it
/// down: the process's end does that, and a shutdown racing a late handle would crash.
let libgit2Ready: Void = {
  _ = git_libgit2_init()
  // Trees are read over and over when walking history; libgit2's default keeps only trees under
  // 4 KiB in its cache, which leaves out a ledger's larger directories.
  _ = claims_git_set_cache_object_limit(GIT_OBJECT_TREE, 1 << 20)
  // Reads check objects as git's own reads do (zlib's checksum), not by hashing each one again:
  // a report reads 300,000 objects, and rehashing them cost a tenth of its time. `git fsck`
  // remains the check of a repository's integrity.
  _ = claims_git_enable_strict_hash_verification(0)
  // A reviewer's laptop may lose power mid-command: objects, references and the index reach the
  // disk before a write is reported done. About 5 ms per commit on this machine's disk.
  _ = claims_git_enable_fsync_gitdir(1)
}()

/// The libgit2 library this process is linked with.
public enum LibGit2 {
  /// libgit2's version, e.g. `1.5.1`.
  public static var version: String {
    _ = libgit2Ready
    var major: Int32 = 0
    var minor: Int32 = 0
    var revision: Int32 = 0
    git_libgit2_version(&major, &minor, &revision)
    return "\(major).\(minor).\(revision)"
  }
}

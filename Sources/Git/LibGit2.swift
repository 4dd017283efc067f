internal import CLibGit2
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// Initialises libgit2 once per process, on first use of any handle. Library code never shuts it
/// down: the process's end does that, and a shutdown racing a late handle would crash.
let libgit2Ready: Void = {
  DeferredCertificates.isInitialising.store(true, ordering: .sequentiallyConsistent)
  _ = git_libgit2_init()
  DeferredCertificates.isInitialising.store(false, ordering: .sequentiallyConsistent)
  // Trees are read over and over when walking history; libgit2's default keeps only trees under
  // 4 KiB in its cache, which leaves out a ledger's larger directories (`seeds/` of 20,000
  // sources is a 1.8 MB tree, looked into several times by one command).
  _ = claims_git_set_cache_object_limit(GIT_OBJECT_TREE, 16 << 20)
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

/// The system's CA certificates, read when a remote operation needs them rather than by
/// `git_libgit2_init`.
///
/// Debian's libgit2 (built with mbedTLS) parses the whole CA bundle at init, 6 ms of every
/// command's start, though only https remotes use it. The process defines
/// `mbedtls_x509_crt_parse_file` itself, so libgit2's call resolves here (the executable comes
/// first in the dynamic linker's search): during init the call records the bundle's path and
/// parses nothing; before a remote operation ``LibGit2/loadCertificates()`` hands that path to
/// libgit2 again (`GIT_OPT_SET_SSL_CERT_LOCATIONS`), and this time the call goes on to mbedTLS's
/// own function. A libgit2 built with OpenSSL never calls it, and then nothing changes.
enum DeferredCertificates {
  /// True while `git_libgit2_init` runs.
  static let isInitialising = Atomic<Bool>(false)
  /// The bundle libgit2 asked for at init, not yet parsed.
  static let deferredPath = Mutex<String?>(nil)
  /// Whether it has been handed back to libgit2.
  static let isLoaded = Atomic<Bool>(false)
}

/// mbedTLS's `int mbedtls_x509_crt_parse_file(mbedtls_x509_crt *chain, const char *path)`, as
/// `DeferredCertificates` describes. Public only so that the symbol is not hidden from libgit2
/// (Swift gives internal symbols hidden visibility); no Swift code calls it.
@_cdecl("mbedtls_x509_crt_parse_file")
public func _claimsDeferredParseFile(_ chain: OpaquePointer?, _ path: UnsafePointer<CChar>?) -> Int32 {
  if DeferredCertificates.isInitialising.load(ordering: .sequentiallyConsistent), let path {
    DeferredCertificates.deferredPath.withLock { $0 = String(cString: path) }
    return 0
  }
  typealias ParseFile = @convention(c) (OpaquePointer?, UnsafePointer<CChar>?) -> Int32
  // RTLD_NEXT: the definition after this one, mbedTLS's.
  guard let next = dlsym(UnsafeMutableRawPointer(bitPattern: -1), "mbedtls_x509_crt_parse_file") else {
    return -1
  }
  return unsafeBitCast(next, to: ParseFile.self)(chain, path)
}

extension LibGit2 {
  /// Hands libgit2 the CA certificates its init left unread (see `DeferredCertificates`); once
  /// per process, before anything may open an https connection.
  /// - Throws: ``GitError`` when the bundle cannot be parsed.
  public static func loadCertificates() throws(GitError) {
    _ = libgit2Ready
    guard let path = DeferredCertificates.deferredPath.withLock({ $0 }),
      !DeferredCertificates.isLoaded.exchange(true, ordering: .sequentiallyConsistent)
    else { return }
    try check(claims_git_set_ssl_cert_locations(path, nil), function: "git_libgit2_opts")
  }

  /// Whether libgit2's init left the CA certificates for later (for tests).
  static var certificatesWereDeferred: Bool {
    _ = libgit2Ready
    return DeferredCertificates.deferredPath.withLock { $0 } != nil
  }
}

/// Where a ledger keeps what it derives from its records: `<git-dir>/claims-cache/v2`. The one
/// place that spells that path; every cache asks it for its files.
///
/// Everything in it is derived and always safe to delete (except `evidence-health.json`, which
/// holds the last live check's observations and is only ever re-observed, never derived).
package struct CacheDirectory: Sendable {
  /// The directory under the git directory, named for the layout of the files inside it.
  static let relativePath = "claims-cache/v2"

  /// The ledger's git directory (`.git`, or the repository itself when it is bare).
  package let gitDirectory: String

  package init(gitDirectory: String) {
    self.gitDirectory = gitDirectory
  }

  /// `<git-dir>/claims-cache/v2`.
  package var path: String { "\(gitDirectory)/\(Self.relativePath)" }

  /// The path of the file or subdirectory `name` of the cache directory.
  package func path(of name: String) -> String { "\(path)/\(name)" }

  /// Makes the cache directory, and `subdirectory` in it, when they do not exist yet. False when they
  /// cannot be made (a read-only repository): a cache then costs only speed, so callers skip writing.
  package func prepare(_ subdirectory: String? = nil) -> Bool {
    let relative = subdirectory.map { "\(Self.relativePath)/\($0)" } ?? Self.relativePath
    return (try? FileSystem.makeDirectories(relative, under: gitDirectory)) != nil
  }
}

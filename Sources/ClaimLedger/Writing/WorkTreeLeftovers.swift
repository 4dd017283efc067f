#if canImport(Glibc)
  import Glibc
#endif

/// The temporary files a killed writer can leave beside the files it was replacing
/// (`.<name>.claims-<pid>.tmp`, see `FileSystem.writeAtomically`): never part of the ledger, and
/// in the way of `git status` being clean.
enum WorkTreeLeftovers {
  /// Removes the temporary files beside each of `paths` (relative to `root`), reading each
  /// directory once.
  static func remove(around paths: [String], under root: String) {
    var names: [String: Set<String>] = [:]
    for path in paths {
      let (directory, name) = LedgerSnapshot.split(path)
      names[directory.isEmpty ? root : "\(root)/\(directory)", default: []].insert(name)
    }
    for (directory, names) in names { removeTemporaryFiles(of: names, in: directory) }
  }

  /// Removes `.<name>.claims-<digits>.tmp` in `directory` for each of `names`, never following a
  /// link.
  static func removeTemporaryFiles(of names: Set<String>, in directory: String) {
    guard FileSystem.node(at: directory) == .directory, let handle = opendir(directory) else { return }
    defer { closedir(handle) }
    var leftovers: [String] = []
    while let entry = readdir(handle) {
      let entryName = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
      }
      guard entryName.hasPrefix("."), entryName.hasSuffix(".tmp"), let marker = entryName.lastIndex(of: "c"),
        entryName[..<marker].hasSuffix("."), entryName[marker...].hasPrefix("claims-")
      else { continue }
      let name = entryName.dropFirst().prefix(upTo: entryName.index(before: marker))
      let pid = entryName[marker...].dropFirst("claims-".count).dropLast(".tmp".count)
      guard names.contains(String(name)), !pid.isEmpty, pid.allSatisfy(\.isNumber) else { continue }
      leftovers.append("\(directory)/\(entryName)")
    }
    for path in leftovers where FileSystem.node(at: path) == .file { unlink(path) }
  }
}

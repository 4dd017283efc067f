import Foundation
import GitIndexFile
import TestSupport
import Testing

/// A repository made by the git CLI in a scratch directory, for reading the index git writes.
struct GitRepository {
  let scratch = ScratchDirectory()
  var path: String { scratch.path }
  var indexPath: String { scratch.path(".git/index") }

  /// A repository holding `files` (path: contents), committed; the files are dated in the past,
  /// so that no entry is racily clean.
  init(files: [String: String]) throws {
    try git("init", "-q", "-b", "main")
    try add(files)
    try git("commit", "-q", "-m", "files")
  }

  func add(_ files: [String: String]) throws {
    for (file, contents) in files { try scratch.write(contents, to: file) }
    try backdate(Array(files.keys))
    if !files.isEmpty { try git(["add", "--"] + files.keys.sorted()) }
  }

  /// Sets the files' times a day back, so that the index written next is newer than all of them.
  func backdate(_ files: [String]) throws {
    let past = Date(timeIntervalSinceNow: -86_400)
    for file in files {
      try FileManager.default.setAttributes([.modificationDate: past], ofItemAtPath: scratch.path(file))
    }
  }

  @discardableResult
  func git(_ arguments: String...) throws -> ProcessResult {
    try git(arguments)
  }

  @discardableResult
  func git(_ arguments: [String]) throws -> ProcessResult {
    let result = try ProcessRunner.git(arguments, in: path)
    #expect(result.status == 0, "git \(arguments.joined(separator: " ")): \(result.stderr)")
    return result
  }

  var indexBytes: [UInt8] {
    get throws { Array(try Data(contentsOf: URL(fileURLWithPath: indexPath))) }
  }

  /// Replaces the index file with `bytes`, with a correct checksum unless `checksum` is given.
  func writeIndex(_ bytes: [UInt8], checksum: [UInt8]? = nil) throws {
    let body = Array(bytes.dropLast(20))
    try Data(body + (checksum ?? SHA1.digest(body))).write(to: URL(fileURLWithPath: indexPath))
  }
}

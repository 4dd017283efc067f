import Foundation
import TestSupport
import Testing

/// The ledger this repository carries is claims' own output: building it again from the seed article
/// with `scripts/bundled-ledger` must give the committed files byte for byte.
@Suite struct BundledLedgerTests {
  static let ledgerPaths = ["ledger.json", "seeds", "Claims", "Reviews", "Assignments"]

  /// Every file under `paths` of `root`, by relative path.
  func files(under root: String) throws -> [String: Data] {
    var result: [String: Data] = [:]
    let manager = FileManager.default
    for path in Self.ledgerPaths {
      let full = "\(root)/\(path)"
      var isDirectory: ObjCBool = false
      guard manager.fileExists(atPath: full, isDirectory: &isDirectory) else { continue }
      if !isDirectory.boolValue {
        result[path] = try Data(contentsOf: URL(fileURLWithPath: full))
        continue
      }
      for case let relative as String in manager.enumerator(atPath: full) ?? FileManager.DirectoryEnumerator() {
        let file = "\(full)/\(relative)"
        manager.fileExists(atPath: file, isDirectory: &isDirectory)
        if !isDirectory.boolValue { result["\(path)/\(relative)"] = try Data(contentsOf: URL(fileURLWithPath: file)) }
      }
    }
    return result
  }

  @Test func committedLedgerIsWhatClaimsProduces() throws {
    let scratch = ScratchDirectory()
    var environment = ProcessInfo.processInfo.environment
    environment["CLAIMS"] = ProcessRunner.claimsExecutable
    let built = try ProcessRunner.run(
      "/bin/bash", [PackagePaths.root + "/scripts/bundled-ledger", scratch.path("ledger")], in: scratch.path,
      environment: environment)
    #expect(built.status == 0, "\(built.stderr)")
    let expected = try files(under: PackagePaths.root)
    let actual = try files(under: scratch.path("ledger"))
    #expect(expected.keys.sorted() == actual.keys.sorted())
    for (path, data) in expected where actual[path] != data {
      Issue.record("\(path) differs from what scripts/bundled-ledger produces")
    }
    // What is committed, not only what the work tree holds: the same trees, by git's own ids.
    if FileManager.default.fileExists(atPath: PackagePaths.root + "/.git") {
      for path in Self.ledgerPaths {
        let committed = try ProcessRunner.git(["rev-parse", "HEAD:\(path)"], in: PackagePaths.root).stdout
        let produced = try ProcessRunner.git(["rev-parse", "HEAD:\(path)"], in: scratch.path("ledger")).stdout
        #expect(committed == produced, "\(path) as committed differs from what scripts/bundled-ledger commits")
      }
    }
    #expect(expected.keys.filter { $0.hasPrefix("Claims/") }.count == 42)
    #expect(expected.keys.contains("seeds/peru-fujimori-mourning.txt"))
  }

  @Test func bundledLedgerPassesItsOwnChecks() throws {
    let result = CLIHarness.run(["list", "--status", "disputed"], in: PackagePaths.root)
    #expect(result.status == 0)
    #expect(result.stderr == "")
    #expect(result.stdout.split(separator: "\n").count == 1)
    let flagged = CLIHarness.run(["list", "--status", "flagged"], in: PackagePaths.root)
    #expect(flagged.stdout.split(separator: "\n").count == 1)
    let report = CLIHarness.run(["report"], in: PackagePaths.root)
    #expect(report.status == 0)
    #expect(report.stdout.contains("Disputed claims (1)"))
  }
}

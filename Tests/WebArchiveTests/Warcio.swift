import Foundation
import TestSupport

/// warcio (PyPI), the independent reader WARC output is checked with: `warcio check` verifies every
/// record's digests and `warcio index` lists what it parsed.
enum Warcio {
  /// Whether `python3 -m warcio.cli` can run here; `.ci/run` installs warcio.
  static let isAvailable: Bool = {
    let result = try? ProcessRunner.run("/usr/bin/env", ["python3", "-c", "import warcio"], in: "/")
    return result?.status == 0
  }()

  static let skipMessage =
    "skipped: warcio is not installed (python3 -m pip install warcio); WARC output not checked by it"

  /// Runs `warcio <arguments>` in `directory`.
  static func run(_ arguments: [String], in directory: String) throws -> ProcessResult {
    try ProcessRunner.run("/usr/bin/env", ["python3", "-m", "warcio.cli"] + arguments, in: directory)
  }
}

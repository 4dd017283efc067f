import Testing

@testable import ClaimLedger

/// `WorkTreePath.isUnsafe` reads bytes for speed; it must answer exactly as the plain definition.
@Suite struct WorkTreePathTests {
  /// The definition the byte reading replaced.
  private func isUnsafeByDefinition(_ path: String) -> Bool {
    path.split(separator: "/", omittingEmptySubsequences: false).contains { component in
      component.isEmpty || component == "." || component == ".." || component.lowercased() == ".git"
        || component.unicodeScalars.contains { $0.value == 0 || $0 == "\\" }
    }
  }

  @Test func namedCases() {
    for unsafe in ["", "/a", "a/", "a//b", ".", "a/./b", "..", "a/../b", ".git", "a/.GIT/b", ".GiT", "a\\b", "a\u{0}b"]
    {
      #expect(WorkTreePath.isUnsafe(unsafe), "\(unsafe.debugDescription)")
    }
    for safe in ["a", "Claims/s/1.json", "...", ".gitignore", "a/.gi", "git", "a/b.git", "é/ü.json", ".gİt"] {
      #expect(!WorkTreePath.isUnsafe(safe), "\(safe.debugDescription)")
    }
  }

  @Test func randomPathsAnswerAsTheDefinition() {
    var generator = SystemRandomNumberGenerator()
    let pieces = ["a", "/", ".", "..", ".git", ".GIT", "G", "i", "t", "\\", "\u{0}", "é", "İ", "-", "json"]
    for _ in 0..<20_000 {
      let count = Int.random(in: 0...6, using: &generator)
      let path = (0..<count).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined()
      #expect(WorkTreePath.isUnsafe(path) == isUnsafeByDefinition(path), "\(path.debugDescription)")
    }
  }
}

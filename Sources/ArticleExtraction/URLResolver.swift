/// Resolves a link as a browser would, for the few shapes canonical links take: absolute,
/// scheme-relative (`//host/path`), root-relative (`/path`) and relative (`path`).
enum URLResolver {
  static func resolve(_ reference: String, against base: String?) -> String {
    let reference = reference.trimmingASCIIWhitespace()
    if hasScheme(reference) { return reference }
    guard let base, let schemeEnd = base.firstRange(of: "://") else { return reference }
    let scheme = base[..<schemeEnd.lowerBound]
    if reference.hasPrefix("//") { return scheme + ":" + reference }
    let afterScheme = base[schemeEnd.upperBound...]
    let authorityEnd = afterScheme.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? afterScheme.endIndex
    let origin = base[..<authorityEnd]
    if reference.hasPrefix("/") { return origin + reference }
    let path = afterScheme[authorityEnd...].prefix { $0 != "?" && $0 != "#" }
    let directory = path.lastIndex(of: "/").map { path[...$0] } ?? "/"
    return origin + directory + reference
  }

  private static func hasScheme(_ text: String) -> Bool {
    guard let colon = text.firstIndex(of: ":") else { return false }
    let scheme = text[..<colon]
    return !scheme.isEmpty && scheme.allSatisfy { $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." }
      && scheme.first?.isLetter == true
  }
}

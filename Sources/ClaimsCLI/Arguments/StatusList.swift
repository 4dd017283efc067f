import ClaimModel

/// `--status` as given: one status, or several separated by commas (`disputed,flagged`); the option
/// may also be repeated. A claim is selected when it has any of them.
struct StatusList: ExpressibleByArgument {
  var statuses: [StatusFilter]

  init(argument text: String) throws(InvalidArgumentValue) {
    var statuses: [StatusFilter] = []
    let parts = text.split(separator: ",", omittingEmptySubsequences: false)
    for part in parts {
      let word = String(part).trimmingWhitespace()
      let status: StatusFilter
      do {
        status = try StatusFilter(argument: word)
      } catch {
        // In a list, say which of its words is wrong.
        guard parts.count > 1 else { throw error }
        throw InvalidArgumentValue("'\(word)' is not a status; " + (error.reason ?? "see 'claims list --help'"))
      }
      if !statuses.contains(status) { statuses.append(status) }
    }
    self.statuses = statuses
  }

  static var valueName: String { "status" }
  static var completion: Completion { StatusFilter.completion }
}

extension [StatusList] {
  /// Every status given, each once, in the order given.
  var statuses: [StatusFilter] {
    var result: [StatusFilter] = []
    for status in flatMap(\.statuses) where !result.contains(status) { result.append(status) }
    return result
  }
}

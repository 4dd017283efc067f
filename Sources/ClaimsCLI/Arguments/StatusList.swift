import ClaimModel

/// `--status` as given: one status, or several separated by commas (`disputed,flagged`); the option
/// may also be repeated. A claim is selected when it has any of them.
struct StatusList: ExpressibleByArgument {
  var statuses: [StatusFilter]

  init(argument text: String) throws(InvalidArgumentValue) {
    var statuses: [StatusFilter] = []
    for part in text.split(separator: ",", omittingEmptySubsequences: false) {
      let status = try StatusFilter(argument: String(part).trimmingWhitespace())
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

/// The width of the text report, in terminal columns: from 80, the narrowest its tables fit.
struct ReportWidth: ExpressibleByArgument, CustomStringConvertible {
  static let range = 80...400
  var value: Int

  init(value: Int) {
    self.value = value
  }

  init(argument text: String) throws(InvalidArgumentValue) {
    guard let value = Int(text), Self.range.contains(value) else {
      throw InvalidArgumentValue("give a whole number from \(Self.range.lowerBound) to \(Self.range.upperBound)")
    }
    self.value = value
  }

  static var valueName: String { "columns" }

  var description: String { String(value) }
}

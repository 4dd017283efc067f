import ClaimModel

extension CalendarDate: ExpressibleByArgument {
  init(argument text: String) throws(InvalidArgumentValue) {
    guard let date = CalendarDate(text) else { throw InvalidArgumentValue("write YYYY-MM-DD") }
    self = date
  }

  static var valueName: String { "date" }
}

/// A count from 1: a citation's number.
struct PositiveInteger: ExpressibleByArgument, CustomStringConvertible {
  var value: Int

  init(argument text: String) throws(InvalidArgumentValue) {
    guard let value = Int(text), value >= 1 else { throw InvalidArgumentValue("give a whole number from 1") }
    self.value = value
  }

  static var valueName: String { "n" }

  var description: String { String(value) }
}

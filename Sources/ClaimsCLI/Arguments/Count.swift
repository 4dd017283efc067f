/// A count from 0: at most how many to show.
struct Count: ExpressibleByArgument, CustomStringConvertible {
  var value: Int

  init(argument text: String) throws(InvalidArgumentValue) {
    guard let value = Int(text), value >= 0 else { throw InvalidArgumentValue("give a whole number from 0") }
    self.value = value
  }

  static var valueName: String { "n" }

  var description: String { String(value) }
}

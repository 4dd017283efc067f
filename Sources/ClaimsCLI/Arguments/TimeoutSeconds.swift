/// `--timeout`: the longest a fetch may take, in whole seconds.
struct TimeoutSeconds: ExpressibleByArgument, CustomStringConvertible {
  var seconds: Int

  init(seconds: Int) {
    self.seconds = seconds
  }

  init(argument text: String) throws(InvalidArgumentValue) {
    guard let seconds = Int(text), (1...3600).contains(seconds) else {
      throw InvalidArgumentValue("give a whole number of seconds from 1 to 3600")
    }
    self.seconds = seconds
  }

  static var valueName: String { "seconds" }

  var description: String { String(seconds) }
}

import ClaimModel

extension SourceID: ExpressibleByArgument {
  init(argument text: String) throws(InvalidArgumentValue) {
    guard let id = SourceID(text) else {
      throw InvalidArgumentValue("use 1-64 of a-z, 0-9, '-', '_', '.', starting with a letter or digit")
    }
    self = id
  }

  static var valueName: String { "source-id" }
}

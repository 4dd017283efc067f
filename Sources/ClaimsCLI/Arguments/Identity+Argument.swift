import ClaimModel

extension Identity: ExpressibleByArgument {
  init(argument text: String) throws(InvalidArgumentValue) {
    guard let identity = Identity(parsing: text) else {
      throw InvalidArgumentValue("write it as 'Name <email>' or a name, without control characters")
    }
    self = identity
  }

  static var valueName: String { "identity" }
}

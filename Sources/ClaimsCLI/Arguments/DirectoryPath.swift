/// A directory named on the command line.
struct DirectoryPath: ExpressibleByArgument, CustomStringConvertible {
  var path: String

  init(argument text: String) {
    path = text
  }

  static var valueName: String { "directory" }
  static var completion: Completion { .directories }

  var description: String { path }
}

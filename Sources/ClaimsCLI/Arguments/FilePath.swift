/// A file named on the command line (`-` for standard input where a command reads one).
struct FilePath: ExpressibleByArgument, CustomStringConvertible {
  var path: String

  init(argument text: String) {
    path = text
  }

  static var valueName: String { "file" }
  static var completion: Completion { .files }

  var description: String { path }
}

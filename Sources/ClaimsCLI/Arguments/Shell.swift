/// A shell `claims completions` writes a script for.
enum Shell: String, EnumeratedArgument {
  case bash, zsh, fish

  static var valueName: String { "shell" }
}

import ClaimsCLI

#if canImport(Glibc)
  import Glibc
#endif

let output = FileDescriptorSink(descriptor: STDOUT_FILENO)
let errorOutput = FileDescriptorSink(descriptor: STDERR_FILENO)
let input = FileDescriptorLineSource(descriptor: STDIN_FILENO, flushing: [output, errorOutput])
var environment: [String: String] = [:]
var entry = environ
while let pointer = entry.pointee {
  let pair = String(cString: pointer)
  if let equals = pair.firstIndex(of: "=") {
    environment[String(pair[..<equals])] = String(pair[pair.index(after: equals)...])
  }
  entry += 1
}
let directory =
  getcwd(nil, 0).map { pointer in
    defer { free(pointer) }
    return String(cString: pointer)
  } ?? "."
let context = CommandContext(
  output: output, errorOutput: errorOutput, input: input, environment: environment, currentDirectory: directory,
  isOutputTerminal: output.isTerminal, isErrorTerminal: errorOutput.isTerminal,
  isInputTerminal: isatty(STDIN_FILENO) == 1, terminalColumns: output.terminalColumns)
let status = ClaimsCommand.main(Array(CommandLine.arguments.dropFirst()), context: context)
output.flush()
errorOutput.flush()
exit(status)

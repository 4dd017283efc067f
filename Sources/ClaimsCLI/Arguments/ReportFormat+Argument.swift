import ClaimReport

extension ReportFormat: EnumeratedArgument {
  static var valueName: String { "format" }
}

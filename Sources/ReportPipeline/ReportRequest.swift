public import ClaimModel
public import ClaimReport

/// What a report is asked for: which sources, in which format, rendered how, and when it is made.
public struct ReportRequest: Sendable {
  /// The sources to report on, in order, each one of the snapshot's; every source when empty.
  public var sources: [SourceID]
  /// The format the report is written in.
  public var format: ReportFormat
  /// How it is rendered (colour, width, list lengths).
  public var options: RenderOptions
  /// When the report is made, as it says.
  public var generatedAt: Timestamp

  /// A request for a report of `sources` (all when empty) in `format`.
  public init(sources: [SourceID] = [], format: ReportFormat, options: RenderOptions, generatedAt: Timestamp) {
    self.sources = sources
    self.format = format
    self.options = options
    self.generatedAt = generatedAt
  }
}

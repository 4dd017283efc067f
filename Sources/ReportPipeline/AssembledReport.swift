public import ClaimLedger
public import ClaimModel
public import ClaimReport

/// A report ready to write, made only by ``ReportPipeline``: its value, with every part its format
/// shows either loaded or kept as rendered pieces, and the format and options it was made for.
///
/// The value is not handed out for rendering in another format or with other options, whose
/// renderer could then reach a part that was never loaded.
public struct AssembledReport {
  /// The report value (for tests and for what the pipeline derives from it).
  package let report: VerificationReport
  /// The format the report was assembled for.
  public let format: ReportFormat
  /// The rendering options it was assembled for.
  public let options: RenderOptions
  /// The unusable files met while reading, every path once: the snapshot's, then each source's
  /// (those found when a cached source was first computed too), in source order.
  public let problems: [LedgerProblem]
  /// The sources' parts, which hold the rendered pieces kept from earlier reports or made in this
  /// run (and render a source again should its cached pieces prove damaged while being written).
  private let sources: ReportSources

  init(
    report: VerificationReport, format: ReportFormat, options: RenderOptions, problems: [LedgerProblem],
    sources: ReportSources
  ) {
    self.report = report
    self.format = format
    self.options = options
    self.problems = problems
    self.sources = sources
  }

  /// Writes the report to `output`, then finishes it.
  public func write(to output: ReportOutput) {
    ReportRenderer.write(report, as: format, options: options, store: sources.fragments, to: output)
  }

  /// The sources whose ClaimReview objects lack what a published ClaimReview needs: the page the
  /// claims appeared on (an http(s) URL) and when (the publication date), with what each lacks.
  public var unpublishableSources: [(source: SourceID, missing: [String])] {
    report.sources.compactMap { source in
      var missing: [String] = []
      if case .web = source.record?.url.map({ CitationLocation($0) }) {} else { missing.append("http(s) URL") }
      if source.record?.published == nil { missing.append("publication date") }
      return missing.isEmpty ? nil : (source.id, missing)
    }
  }
}

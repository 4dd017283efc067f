/// Bounds on what one parse may cost, so that hostile input (deep nesting, millions of tags,
/// enormous attributes) takes bounded time and memory and never exhausts the stack.
public struct HTMLParseLimits: Sendable, Equatable {
  /// Inputs longer than this are refused with `HTMLParseError.Kind.tooLarge`.
  public var maximumBytes: Int
  /// Elements nested deeper than this are not kept as elements: their content joins the
  /// element at this depth. Real pages stay well under 100 levels.
  public var maximumDepth: Int
  /// Nodes beyond this count are dropped and the document is marked truncated.
  public var maximumNodes: Int
  /// Attribute values are cut to this many bytes of UTF-8.
  public var maximumAttributeBytes: Int

  /// Makes limits; the defaults suit web pages up to tens of megabytes.
  public init(
    maximumBytes: Int = 64 << 20,
    maximumDepth: Int = 256,
    maximumNodes: Int = 2_000_000,
    maximumAttributeBytes: Int = 64 << 10
  ) {
    self.maximumBytes = maximumBytes
    self.maximumDepth = maximumDepth
    self.maximumNodes = maximumNodes
    self.maximumAttributeBytes = maximumAttributeBytes
  }
}

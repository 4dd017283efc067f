/// One attribute of an element: its name in lowercase and its value with entities decoded.
public struct HTMLAttribute: Sendable, Hashable {
  /// The attribute's name, lowercased (`class`, `data-src`, `og:title` stays as written otherwise).
  public var name: String
  /// The attribute's value; an attribute written without a value (`<input disabled>`) has `""`.
  public var value: String

  /// Makes an attribute.
  public init(name: String, value: String) {
    self.name = name
    self.value = value
  }
}

/// A reliability coefficient and the number of units (claims) it rests on.
public struct AgreementStatistic: Sendable, Equatable {
  /// The coefficient, or nil when it is undefined: too few data, or no variation to measure
  /// agreement against (every rating in one category).
  public var value: Double?
  /// How many units entered the computation.
  public var units: Int

  /// Wraps a computed coefficient.
  public init(value: Double?, units: Int) {
    self.value = value
    self.units = units
  }
}

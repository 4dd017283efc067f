import ClaimModel

extension Citation.Stance: EnumeratedArgument {
  static var valueName: String { "stance" }
}

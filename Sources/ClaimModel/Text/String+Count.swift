extension String {
  /// `n` and the noun, singular for one: `1 claim`, `42 claims`.
  public static func count(_ n: Int, _ singular: String, plural: String? = nil) -> String {
    "\(n) \(n == 1 ? singular : plural ?? singular + "s")"
  }
}

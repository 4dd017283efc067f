import ClaimReport
import Testing

@Suite("Agreement statistics")
struct AgreementStatisticsTests {
  // MARK: Cohen's kappa

  /// The textbook 2×2 example (e.g. Wikipedia, "Cohen's kappa"): 50 proposals, both raters say yes
  /// to 20 and no to 15; A yes / B no 5, A no / B yes 10.
  /// p_o = 35/50 = 0.7; A says yes 25/50, B 30/50, so p_e = 0.5·0.6 + 0.5·0.4 = 0.5;
  /// κ = (0.7 − 0.5) / (1 − 0.5) = 0.4.
  @Test func cohenTextbookExample() throws {
    let result = CohenKappa.compute(table: [[20, 5], [10, 15]])
    let kappa = try #require(result.kappa)
    #expect(abs(kappa - 0.4) < 0.001)
    #expect(abs((result.observedAgreement ?? 0) - 0.7) < 0.001)
    #expect(abs((result.expectedAgreement ?? 0) - 0.5) < 0.001)
    #expect(result.units == 50)
  }

  /// Three units rated by A as (x, x, y) and by B as (x, y, y).
  /// p_o = 2/3; A: x 2/3, y 1/3; B: x 1/3, y 2/3; p_e = 2/9 + 2/9 = 4/9;
  /// κ = (6/9 − 4/9) / (5/9) = 0.4.
  @Test func cohenFromPairs() throws {
    let result = CohenKappa.compute(pairs: [("x", "x"), ("x", "y"), ("y", "y")])
    #expect(abs(try #require(result.kappa) - 0.4) < 0.001)
  }

  /// A 3×3 table worked by hand: rows A, columns B.
  ///   [[4, 1, 0], [1, 3, 1], [0, 0, 2]], n = 12.
  /// p_o = 9/12 = 0.75. Row totals 5, 5, 2; column totals 5, 4, 3.
  /// p_e = (25 + 20 + 6) / 144 = 51/144 = 0.354167; κ = (0.75 − 0.354167) / 0.645833 = 0.612903.
  @Test func cohenThreeCategories() throws {
    let result = CohenKappa.compute(table: [[4, 1, 0], [1, 3, 1], [0, 0, 2]])
    #expect(abs(try #require(result.kappa) - 0.612903) < 0.001)
  }

  /// Both raters always say the same single category: p_e = 1 and κ is 0/0.
  @Test func cohenUndefinedWithoutVariation() {
    let result = CohenKappa.compute(table: [[7, 0], [0, 0]])
    #expect(result.kappa == nil)
    #expect(result.observedAgreement == 1)
    #expect(CohenKappa.compute(table: []).kappa == nil)
    #expect(CohenKappa.compute(pairs: [(Int, Int)]()).units == 0)
  }

  /// Perfect disagreement on a balanced table: p_o = 0, p_e = 0.5, κ = −1.
  @Test func cohenNegative() throws {
    #expect(abs(try #require(CohenKappa.compute(table: [[0, 5], [5, 0]]).kappa) + 1) < 0.001)
  }

  // MARK: Fleiss' kappa

  /// Fleiss (1971) as reproduced on Wikipedia ("Fleiss' kappa", worked example): 10 subjects,
  /// 14 raters, 5 categories. P̄ = 0.378, P̄_e = 0.213, κ = 0.210.
  @Test func fleissPublishedExample() throws {
    let counts = [
      [0, 0, 0, 0, 14],
      [0, 2, 6, 4, 2],
      [0, 0, 3, 5, 6],
      [0, 3, 9, 2, 0],
      [2, 2, 8, 1, 1],
      [7, 7, 0, 0, 0],
      [3, 2, 6, 3, 0],
      [2, 5, 3, 2, 2],
      [6, 5, 2, 1, 0],
      [0, 2, 2, 3, 7],
    ]
    let result = FleissKappa.compute(counts: counts)
    #expect(abs(try #require(result.value) - 0.210) < 0.001)
    #expect(result.units == 10)
  }

  /// Two raters, units (x, x), (x, y), (y, y): P_i = 1, 0, 1, P̄ = 2/3; p = (1/2, 1/2), P̄_e = 1/2;
  /// κ = (2/3 − 1/2) / (1/2) = 1/3 (Scott's pi, as Fleiss reduces to for two raters).
  @Test func fleissTwoRaters() throws {
    let result = FleissKappa.compute(counts: [[2, 0], [1, 1], [0, 2]])
    #expect(abs(try #require(result.value) - 1.0 / 3.0) < 0.001)
  }

  /// Unequal raters: unit 1 has three ratings, all x; unit 2 has two, x and y.
  /// P_1 = 3·2 / (3·2) = 1, P_2 = 0, P̄ = 0.5. Pooled shares: x 4/5, y 1/5, P̄_e = 0.64 + 0.04 = 0.68.
  /// κ = (0.5 − 0.68) / (1 − 0.68) = −0.5625. A unit with one rating is skipped.
  @Test func fleissUnequalRaters() throws {
    let result = FleissKappa.compute(counts: [[3, 0], [1, 1], [0, 1]])
    #expect(abs(try #require(result.value) + 0.5625) < 0.001)
    #expect(result.units == 2)
  }

  @Test func fleissUndefined() {
    #expect(FleissKappa.compute(counts: [[3, 0], [2, 0]]).value == nil)
    #expect(FleissKappa.compute(counts: [[1, 0]]).value == nil)
    #expect(FleissKappa.compute(counts: []).units == 0)
  }

  // MARK: Krippendorff's alpha

  /// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C (also the
  /// example on Wikipedia): 4 observers, 12 units, values 1–5, missing values marked nil.
  /// Published: nominal α = 0.743, ordinal α = 0.815, interval α = 0.849 (ratio 0.797).
  /// Unit 12 has a single value and cannot be paired, so 11 units count.
  static let reliabilityData: [[Int?]] = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, nil, nil, nil],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, nil, 3],
    [nil, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, nil],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, nil],
  ]

  static var reliabilityUnits: [[Int]] {
    (0..<12).map { unit in reliabilityData.compactMap { $0[unit] } }
  }

  @Test(arguments: [
    (KrippendorffAlpha.Metric.nominal, 0.743),
    (KrippendorffAlpha.Metric.ordinal, 0.815),
    (KrippendorffAlpha.Metric.interval, 0.849),
  ])
  func krippendorffPublishedExample(metric: KrippendorffAlpha.Metric, expected: Double) throws {
    let result = KrippendorffAlpha.compute(units: Self.reliabilityUnits, metric: metric)
    #expect(abs(try #require(result.value) - expected) < 0.001)
    #expect(result.units == 11)
  }

  /// Nominal, units (1, 1), (1, 2), (2, 2). Coincidences: o_11 = 2, o_12 = o_21 = 1, o_22 = 2;
  /// n_1 = n_2 = 3, n = 6. D_o ∝ o_12 + o_21 = 2; D_e ∝ (n_1 n_2 + n_2 n_1) / (n − 1) = 18/5.
  /// α = 1 − 2 / 3.6 = 0.444444.
  @Test func krippendorffNominalByHand() throws {
    let result = KrippendorffAlpha.compute(units: [[1, 1], [1, 2], [2, 2]], metric: .nominal)
    #expect(abs(try #require(result.value) - 0.444444) < 0.001)
  }

  /// Ordinal, units (1, 2), (2, 3), (1, 1). o_12 = o_21 = 1, o_23 = o_32 = 1, o_11 = 2;
  /// n_1 = 3, n_2 = 2, n_3 = 1, n = 6.
  /// δ²_12 = (3 + 2 − 5/2)² = 6.25; δ²_23 = (2 + 1 − 3/2)² = 2.25; δ²_13 = (6 − 2)² = 16.
  /// Σ o δ² = 2·6.25 + 2·2.25 = 17; Σ n_c n_k δ² / (n − 1) = 2(6·6.25 + 2·2.25 + 3·16) / 5 = 36.
  /// α = 1 − 17/36 = 0.527778.
  @Test func krippendorffOrdinalByHand() throws {
    let result = KrippendorffAlpha.compute(units: [[1, 2], [2, 3], [1, 1]], metric: .ordinal)
    #expect(abs(try #require(result.value) - 0.527778) < 0.001)
  }

  /// Ordinal alpha depends only on the order of the values, not their spacing.
  @Test func krippendorffOrdinalIgnoresSpacing() throws {
    let spaced = KrippendorffAlpha.compute(units: [[1, 20], [20, 300], [1, 1]], metric: .ordinal)
    #expect(abs(try #require(spaced.value) - 0.527778) < 0.001)
  }

  @Test func krippendorffUndefined() {
    #expect(KrippendorffAlpha.compute(units: [[2, 2], [2, 2, 2]], metric: .nominal).value == nil)
    #expect(KrippendorffAlpha.compute(units: [[1], [2]], metric: .nominal) == .init(value: nil, units: 0))
    #expect(KrippendorffAlpha.compute(units: [], metric: .ordinal).value == nil)
  }

  /// Perfect agreement with variation: α = 1.
  @Test func krippendorffPerfect() {
    #expect(KrippendorffAlpha.compute(units: [[1, 1, 1], [2, 2], [3, 3]], metric: .interval).value == 1)
  }
}

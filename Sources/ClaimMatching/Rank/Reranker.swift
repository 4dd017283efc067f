/// The linear re-ranker's weights over the candidates' features, learnt on the CheckThat! 2020
/// training tweets by `matching-bench train` (a listwise softmax loss; see docs/MATCHING.md).
enum Reranker {
  /// The features, in order.
  static let featureNames = [
    "bm25", "bm25_ratio", "bm25_body", "bm25_claim", "bm25_headline", "char4_cosine", "query_coverage",
    "document_coverage", "max_idf", "log_rank", "pair_idf", "author_idf", "related_idf", "date_year",
    "date_month_year", "date_other_year",
  ]

  /// One weight per feature, on the features' own scale.
  static let weights: [Double] = [
    -0.02971473074648141,
    -3.5975796594822627,
    0.10622116733471676,
    0.05656939933161009,
    0.09028278493907273,
    25.116031745976855,
    3.5916087464401087,
    -2.2355606679049616,
    0.027380386188049503,
    -1.3864095483349466,
    -0.02611989628711554,
    0.023896418752113385,
    0.1267394897553389,
    0,
    0,
    0,
  ]
}

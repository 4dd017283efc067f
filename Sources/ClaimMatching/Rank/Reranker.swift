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
    -0.04528898302103964,
    -4.082175176869824,
    0.10404721961451299,
    0.06712987649974092,
    0.09129192172842046,
    25.072302834542686,
    4.112067182149693,
    -1.5053156521447515,
    0.09390139817341361,
    -1.426495075407321,
    -0.025702143884875878,
    0.025508145851055382,
    0.11828117483599737,
    0.8808015578418145,
    1.6949863819440145,
    -0.556370752492901,
  ]
}

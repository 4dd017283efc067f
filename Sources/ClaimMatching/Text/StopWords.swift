/// Words too common to say what a claim is about. English only: for other languages every word
/// counts, and BM25's idf already weighs common words down.
enum StopWords {
  static func contains(_ word: String, language: String) -> Bool {
    language == "english" && english.contains(word)
  }

  static let english: Set<String> = [
    "a", "about", "after", "again", "all", "also", "am", "an", "and", "any", "are", "as", "at", "be", "been", "before",
    "being", "both", "but", "by", "can", "cant", "could", "did", "didnt", "do", "does", "doesnt", "dont", "down",
    "each", "few", "for", "from", "further", "had", "has", "have", "he", "her", "here", "him", "his", "how", "i",
    "if", "im", "in", "into", "is", "isnt", "it", "its", "ive", "just", "me", "more", "most", "my", "no", "nor", "not",
    "now", "of", "off", "on", "once", "only", "or", "other", "our", "out", "over", "own", "s", "same", "she",
    "should", "so", "some", "such", "t", "than", "that", "thats", "the", "their", "them", "then", "there", "these",
    "they", "this", "those", "to", "too", "up", "very", "was", "wasnt", "we", "were", "what", "when", "where",
    "which", "who", "whom", "whose", "why", "will", "with", "wont", "you", "your", "youre",
  ]
}

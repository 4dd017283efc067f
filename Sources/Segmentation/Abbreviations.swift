/// How an abbreviation behaves when its period is followed by a capitalised word, which is the
/// only case where a period after a known abbreviation is in doubt.
enum AbbreviationClass: Sendable {
  /// Titles before a name (`Mr.`, `Dr.`, `Gen.`, `Sen.`): never the end of a sentence.
  case title
  /// Words that only live inside a sentence (`e.g.`, `i.e.`, `vs.`, `approx.`).
  case midSentence
  /// Words before a number (`No. 5`, `p. 55`, `Vol. 2`): a sentence ends only if a sentence
  /// opener follows.
  case numberPrefix
  /// `a.m.` and `p.m.`: a capital after them starts a new sentence unless it is a day, a month
  /// or a time zone.
  case time
  /// Words that often end a sentence (`etc.`): any capital after them starts a new one.
  case final
  /// Months (`Jan.`, `Sept.`): before a day they are inside a sentence; news style spells a
  /// month out when no day follows, so before a word they end one.
  case month
  /// Everything that may stand at the end of a sentence or in its middle before a name
  /// (`Inc.`, `Jr.`, `St.`, `Jan.`, `Calif.`, `U.S.`): a sentence ends only when the next word
  /// is one that typically opens a sentence (`The`, `He`, `But`…).
  case postpositive
}

struct AbbreviationEntry: Sendable {
  var kind: AbbreviationClass
  /// Only when written with a capital, because the lower-case spelling is an ordinary word
  /// (`Ill.` for Illinois, `ill.` at the end of a sentence).
  var needsCapital = false
  /// Only when written in lower case (`p. 55`), because the capital is an initial (`John P. Smith`).
  var needsLowercase = false

  /// Whether the word, as capitalised, is this abbreviation.
  func accepts(_ word: WordShape) -> Bool {
    !(needsCapital && !word.startsUppercase) && !(needsLowercase && word.startsUppercase)
  }
}

/// The word lists behind the boundary rules. Written out here, in one place, so that the rules
/// themselves read as logic.
enum Lexicon {
  static let abbreviations: KeyTable<AbbreviationEntry> = {
    var table: [(WordKey, AbbreviationEntry)] = []
    func add(_ words: [String], _ entry: AbbreviationEntry) {
      for word in words {
        if let key = WordKey.make(word) { table.append((key, entry)) }
      }
    }
    add(
      [
        "mr", "mrs", "ms", "messrs", "mmes", "mme", "mlle", "dr", "drs", "prof", "profs", "gen", "gens", "lt",
        "col", "maj", "capt", "cmdr", "cdr", "adm", "brig", "sgt", "cpl", "pvt", "ens", "sen", "sens", "rep",
        "reps", "gov", "govs", "pres", "supt", "det", "insp", "amb", "atty", "rev", "hon", "msgr", "fr", "sra",
        "srta", "gov't", "lt.-col", "lt.-gen", "maj.-gen", "rt",
      ],
      AbbreviationEntry(kind: .title)
    )
    add(
      ["e.g", "i.e", "vs", "cf", "viz", "approx", "incl", "esp", "resp", "a.k.a", "et", "ibid", "ca"],
      AbbreviationEntry(kind: .midSentence)
    )
    add(["v"], AbbreviationEntry(kind: .midSentence, needsLowercase: true))
    add(
      ["no", "nos", "vol", "vols", "fig", "figs", "art", "arts", "ch", "chap", "sec", "para", "op", "nr", "n°", "tel"],
      AbbreviationEntry(kind: .numberPrefix)
    )
    add(["p", "pp"], AbbreviationEntry(kind: .numberPrefix, needsLowercase: true))
    add(["a.m", "p.m"], AbbreviationEntry(kind: .time))
    add(["etc"], AbbreviationEntry(kind: .final))
    add(
      [
        // Companies, names, places.
        "inc", "corp", "co", "cos", "ltd", "llc", "plc", "bros", "assn", "assoc", "dept", "div", "univ", "govt",
        "intl", "natl", "mfg", "jr", "sr", "esq", "st", "ste", "mt", "ft", "pt", "ave", "blvd", "rd", "hwy", "pl",
        "sq", "apt", "bldg",
        "al", "est", "ph.d", "u.s", "u.k", "u.n", "e.u", "u.s.a", "d.c",
      ],
      AbbreviationEntry(kind: .postpositive)
    )
    add(
      ["jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"],
      AbbreviationEntry(kind: .month, needsCapital: true)
    )
    add(
      [
        // US states as news agencies abbreviate them.
        "ala", "ariz",
        "ark", "calif", "colo", "conn", "del", "fla", "ga", "ill", "ind", "kan", "kans", "ky", "la", "md",
        "mass", "mich", "minn", "miss", "mo", "mont", "neb", "nebr", "nev", "okla", "ore", "pa", "penn", "tenn",
        "tex", "va", "vt", "wash", "wis", "wisc", "wyo",
      ],
      AbbreviationEntry(kind: .postpositive, needsCapital: true)
    )
    return KeyTable(table)
  }()

  /// Words that typically open an English sentence and rarely follow an abbreviation inside one:
  /// after `Inc.`, `U.S.` or `St.` they mean a new sentence has begun.
  static let sentenceOpeners = WordSet([
    "a", "an", "the", "this", "that", "these", "those", "there", "here", "it", "its", "he", "she", "they",
    "we", "i", "you", "his", "her", "their", "our", "my", "your", "but", "and", "or", "so", "yet", "nor",
    "however", "meanwhile", "moreover", "furthermore", "nevertheless", "still", "then", "now", "later",
    "earlier", "today", "yesterday", "tomorrow", "last", "next", "after", "before", "when", "while", "if",
    "as", "in", "on", "at", "for", "from", "by", "with", "without", "during", "since", "although", "though",
    "because", "unlike", "despite", "what", "who", "whom", "whose", "why", "how", "where", "which", "some",
    "many", "most", "several", "all", "both", "each", "every", "few", "other", "others", "another", "one",
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "not", "such", "even", "also",
    "instead", "under", "over", "among", "according", "asked", "until", "once", "about", "more", "much",
    "no", "neither", "either", "yes", "thus", "therefore", "indeed", "overall", "separately", "similarly",
    "finally", "only", "just", "please", "let", "let's", "do", "does", "did", "is", "are", "was", "were",
    "would", "can", "could", "should", "might", "must",
    "have", "has", "had", "him", "them", "us", "me",
  ])

  /// Verbs of a speech tag: `"Who paid?" Smith asked.` is one sentence.
  static let speechVerbs = WordSet([
    "said", "says", "asked", "asks", "added", "adds", "replied", "replies", "shouted", "shouts", "yelled",
    "yells", "cried", "cries", "told", "tells", "wrote", "writes", "whispered", "whispers", "screamed",
    "exclaimed", "continued", "insisted", "demanded", "wondered", "answered", "explained", "noted", "recalled",
    "argued", "declared", "announced", "responded", "remarked", "muttered", "laughed", "quipped", "urged",
    "warned", "tweeted", "posted", "stated", "chanted", "sang", "called", "pleaded", "protested", "joked",
  ])

  /// Words that may follow `a.m.`/`p.m.` inside the same sentence.
  static let timeFollowers = WordSet([
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue", "tues", "wed",
    "thu", "thur", "thurs", "fri", "sat", "sun", "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun",
    "jul", "aug", "sep", "sept", "oct", "nov", "dec", "et", "est", "edt", "ct", "cst", "cdt", "mt", "mst",
    "mdt", "pt", "pst", "pdt", "gmt", "utc", "bst", "cet", "cest", "ist", "jst", "aest", "aedt", "eastern",
    "central", "mountain", "pacific", "atlantic", "local", "greenwich", "today", "tonight", "tomorrow",
  ])

  /// Words that open a fronted time phrase: `At 5 a.m. Mr. Smith left` is one sentence, because
  /// `At 5 a.m.` alone is no sentence.
  static let frontedTimePrepositions = WordSet([
    "at", "by", "on", "in", "before", "after", "until", "till", "since", "from", "around", "about", "shortly",
    "just", "early", "late", "starting", "beginning", "between", "through", "circa", "near",
  ])

  /// Names that end in an exclamation mark of their own.
  static let exclamatoryNames = WordSet(["yahoo", "jeopardy"])

  /// Words a line cannot end on when the sentence is complete: a line ending in one of them
  /// continues on the next, whatever that line starts with.
  static let continuationWords = WordSet([
    "a", "an", "the", "of", "to", "in", "on", "at", "for", "and", "or", "but", "nor", "with", "by", "from",
    "as", "that", "than", "is", "was", "were", "are", "be", "been", "has", "have", "had", "its", "their",
    "his", "her", "our", "this", "these", "those", "who", "whom", "which", "whose", "into", "onto", "over",
    "under", "about", "after", "before", "between", "during", "without", "within", "against", "among",
    "through", "not", "very", "more", "most", "such", "if", "when", "while", "where", "because", "although",
    "though", "so", "said", "says", "told", "will", "would", "can", "could", "should", "may", "might", "must",
    "mr.", "mrs.", "ms.", "dr.", "st.", "gen.", "sen.", "rep.", "gov.", "prof.", "lt.", "col.", "capt.",
  ])

  /// Small words that title-case leaves in lower case.
  static let titleCaseSmallWords = WordSet([
    "a", "an", "the", "of", "to", "in", "on", "at", "for", "and", "or", "but", "nor", "by", "with", "from",
    "as", "vs", "via", "per", "into", "onto", "over", "up", "off", "out",
  ])

  /// Month abbreviations, which are followed by a day far more often than they end a sentence.
  static let monthAbbreviations = WordSet([
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
  ])

  /// `No.` is also the word *no*.
  static let noKey = WordKey.make("no")

  /// Roman numerals used as list markers (`ii.`, `IV.`).
  static let romanNumerals = WordSet(["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"])
}

public import ClaimModel

extension LedgerSnapshot {
  /// The claim a user named: a unique prefix of its id (as git's short hashes) or
  /// `SOURCE-ID:ORDINAL`.
  /// - Throws: ``LedgerError`` naming the candidates when the prefix is ambiguous, or saying what
  ///   exists when nothing matches.
  public func resolveClaim(_ reference: String) throws(LedgerError) -> Claim {
    let reference = reference.trimmingWhitespace()
    if let colon = reference.lastIndex(of: ":") {
      return try resolveOrdinal(
        source: String(reference[..<colon]), ordinal: String(reference[reference.index(after: colon)...]),
        reference: reference)
    }
    let lowered = reference.lowercased()
    guard ClaimID.isPlausiblePrefix(lowered) else {
      throw LedgerError(
        .invalidInput,
        "'\(reference.escapedForMessage)' is not a claim id; give a prefix of the id (hex digits, as 'claims list' shows) or SOURCE-ID:ORDINAL"
      )
    }
    var index = ClaimIndex(snapshot: self)
    var matches = index.matches(prefix: lowered)
    if matches.count == 1, claim(matches[0].id, in: matches[0].source) == nil {
      // A cached index that names a claim its source lacks is not trusted: built again, once.
      index = ClaimIndex(snapshot: self, rebuilding: true)
      matches = index.matches(prefix: lowered)
    }
    switch matches.count {
    case 0:
      // The candidates are the ids that share the longest start with what was typed: a typo in
      // the last digits still finds the claim meant.
      var nearest: [(id: ClaimID, source: SourceID)] = []
      var length = lowered.count - 1
      while nearest.isEmpty && length > 0 {
        nearest = index.matches(prefix: String(lowered.prefix(length)))
        length -= 1
      }
      let shown = nearest.prefix(5).map { "\($0.id)" }.joined(separator: ", ")
      let candidates = shown.isEmpty ? "" : "; the nearest: \(shown)\(nearest.count > 5 ? ", …" : "")"
      throw LedgerError(
        .notFound, "no claim id starts with '\(reference.escapedForMessage)'\(candidates); 'claims list' shows the ids")
    case 1:
      let match = matches[0]
      guard let claim = claim(match.id, in: match.source) else {
        let path = LedgerPaths.claim(match.id, in: match.source)
        throw LedgerError(
          .unreadableFile(path: path), "claim \(match.id) cannot be read (\(path) is broken); run 'claims check'")
      }
      return claim
    default:
      let shown = matches.prefix(10).map { match -> String in
        let claim = claim(match.id, in: match.source)
        let label =
          claim.map { "\($0.reference) \"\(Self.excerpt($0.normalizedText).escapedForMessage)\"" }
          ?? "\(match.source)"
        return "\(match.id) (\(label))"
      }
      let more = matches.count > 10 ? " and \(matches.count - 10) more" : ""
      throw LedgerError(
        .ambiguous,
        "'\(reference.escapedForMessage)' is ambiguous: it starts \(matches.count) claim ids: \(shown.joined(separator: ", "))\(more); type more of the id"
      )
    }
  }

  private func resolveOrdinal(source sourceText: String, ordinal ordinalText: String, reference: String)
    throws(LedgerError) -> Claim
  {
    guard let source = SourceID(sourceText) else {
      throw LedgerError(
        .invalidInput, "'\(sourceText.escapedForMessage)' is not a source id; 'claims list' shows the sources")
    }
    guard let ordinal = Int(ordinalText), ordinal >= 1 else {
      throw LedgerError(
        .invalidInput, "'\(ordinalText.escapedForMessage)' is not an ordinal; write SOURCE-ID:N with N counting from 1")
    }
    let claims = claims(of: source).filter { !$0.isRetired }
    guard !claims.isEmpty else {
      let known = sourceIDs().map(\.rawValue).joined(separator: ", ")
      throw LedgerError(.notFound, "no source '\(source)' in the ledger\(known.isEmpty ? "" : "; sources: \(known)")")
    }
    let atOrdinal = claims.filter { $0.ordinal == ordinal }
    if atOrdinal.count > 1 {
      // A source mixing two imports (made with git; claims never makes one): never pick silently.
      let shown = atOrdinal.map { "\($0.id) \"\(Self.excerpt($0.normalizedText).escapedForMessage)\"" }
      throw LedgerError(
        .ambiguous,
        "\(reference.escapedForMessage) names \(atOrdinal.count) claims: \(shown.joined(separator: ", ")); give the claim's id, and run 'claims check'"
      )
    }
    guard let claim = atOrdinal.first else {
      let (first, last) = (claims.first?.ordinal ?? 1, claims.last?.ordinal ?? 1)
      let range = first == last ? "its only claim is number \(first)" : "its claims are numbered \(first)–\(last)"
      let directory = LedgerPaths.claimDirectory(source) + "/"
      let unreadable = problems.filter { $0.path.hasPrefix(directory) }.count
      let hint =
        unreadable == 0
        ? "" : "; \(String.count(unreadable, "claim file")) of it cannot be read, which 'claims check' lists"
      throw LedgerError(
        .notFound, "source '\(source)' has no claim \(ordinal); \(range)\(hint)")
    }
    return claim
  }

  /// The first 40 characters of a claim's text, its opening quotation marks left out: the excerpt
  /// is quoted in the message, and `""A rating` reads as a mistake.
  /// An ellipsis ends it only when something was cut.
  static func excerpt(_ text: String) -> String {
    let unquoted = text.drop(while: { "\"“”„'‘’«»".contains($0) })
    return unquoted.count > 40 ? String(unquoted.prefix(40)) + "…" : String(unquoted)
  }
}

extension LedgerSnapshot {
  /// Notes a problem when `claim`'s text is not its seed's text at its offsets (a claim or seed
  /// edited with git): its reviews may judge a sentence the article does not hold. A seed that no
  /// longer matches its source record is reported as such, not claim by claim.
  public func checkAgainstSeed(_ claim: Claim) {
    guard !claim.isRetired else { return }
    if seedScalars[claim.source] == nil {
      if let text = seedText(claim.source), let record = sourceRecord(claim.source),
        SHA256.hexDigest(of: Array(text.utf8)) == record.textSHA256
      {
        seedScalars[claim.source] = .some(Array(text.unicodeScalars))
      } else {
        seedScalars[claim.source] = .some(nil)
      }
    }
    guard case .some(let known) = seedScalars[claim.source], let scalars = known else { return }
    var matches = false
    if claim.start >= 0, claim.start <= claim.end, claim.end <= scalars.count {
      var text = String.UnicodeScalarView()
      text.append(contentsOf: scalars[claim.start..<claim.end])
      matches = String(text) == claim.text && claim.selector.exact == claim.text
    }
    guard !matches else { return }
    report(
      .disagreesWithSeed, LedgerPaths.claim(claim.id, in: claim.source),
      "its text is not what \(LedgerPaths.seedText(claim.source)) holds at \(claim.start)–\(claim.end) (the claim or the seed was edited by hand); its reviews may judge a sentence the article does not hold",
      remedy: "revert the edit, or import the revised article with 'claims import --replace', then commit")
  }
}

extension LedgerSnapshot {
  /// `ledger.json` with `format_version` raised to this build's, every other byte of meaning kept;
  /// nil when it is already at this version (or newer, or unreadable: the write path refuses those).
  func upgradedConfig() -> [UInt8]? {
    guard let entry = entry(at: LedgerPaths.config), let bytes = objects.fileBytes(entry, in: ""),
      case .object(var members)? = try? JSONParser.parse(bytes),
      case .integer(let version)? = members["format_version"],
      version < currentFormatVersion
    else { return nil }
    members["format_version"] = .integer(currentFormatVersion)
    return JSONWriter.canonicalBytes(of: .object(members))
  }
}

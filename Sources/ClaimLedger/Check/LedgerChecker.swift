import ClaimModel
import Git

/// Walks every file of one commit of the ledger and notes each one that breaks the ledger's rules:
/// unsafe names and links, records that do not parse or do not match their path, reviews,
/// assignments and desk decisions of claims that do not exist, verdicts not on the scale, seeds that
/// are not UTF-8 or no longer match their source record, fact-checks and links that do not parse or
/// do not match their path, and links of claims that do not exist.
struct LedgerChecker {
  let snapshot: LedgerSnapshot

  /// How many files the walk met.
  private(set) var fileCount = 0

  init(snapshot: LedgerSnapshot) {
    self.snapshot = snapshot
  }

  /// Checks everything; the problems end up in `snapshot.problems`.
  mutating func run() {
    walkTree()
    checkConfig()
    let sources = sourceDirectories()
    snapshot.loadRecords(of: sources)
    let scale = snapshot.config().scale
    for source in sources {
      let records = snapshot.records(of: source)
      let claimIDs = Set(
        snapshot.entries(ofDirectory: LedgerPaths.claimDirectory(source)).compactMap {
          LedgerPaths.claimID(fromFileName: $0.name)
        })
      checkSeed(source, hasClaims: snapshot.treeID(ofDirectory: LedgerPaths.claimDirectory(source)) != nil)
      checkClaimsAgainstSeed(source, claims: records.claims)
      _ = snapshot.decisions(of: source)
      for root in [LedgerPaths.reviews, LedgerPaths.assignments, LedgerPaths.decisions] {
        for entry in snapshot.entries(ofDirectory: "\(root)/\(source)") {
          guard let claim = ClaimID(entry.name), !claimIDs.contains(claim) else { continue }
          report(
            .dangling, "\(root)/\(source)/\(entry.name)",
            "belongs to claim \(claim), which does not exist in Claims/\(source)/",
            remedy: "remove the directory (or restore the claim), then commit")
        }
      }
      for (claim, reviews) in records.reviews.sorted(by: { $0.key < $1.key }) {
        for review in reviews {
          guard let verdict = review.verdict, scale.verdict(verdict) == nil else { continue }
          report(
            .dangling, LedgerPaths.review(claim, in: source, by: review.reviewer),
            "gives the verdict '\(verdict.escapedForMessage)', which is not on the ledger's scale (\(scale.ids.joined(separator: ", ")))",
            remedy: "record a verdict from the scale, or add it to ledger.json, then commit")
        }
      }
    }
    checkSourceRecords()
    checkFactChecks()
    checkLinks()
  }

  private func report(
    _ kind: LedgerProblem.Kind, _ path: String, _ problem: String,
    remedy: String = "fix or remove the file, then commit"
  ) {
    snapshot.report(kind, path, problem, remedy: remedy)
  }

  // MARK: Every file

  /// Visits every entry of the commit: names must be safe, files must be plain files.
  private mutating func walkTree() {
    guard let root = snapshot.rootTreeID else { return }
    var pending: [(ObjectID, String, Int)] = [(root, "", 0)]
    while let (tree, directory, depth) = pending.popLast() {
      for entry in snapshot.objects.entries(ofTree: tree, at: directory) {
        let path = directory.isEmpty ? entry.name : "\(directory)/\(entry.name)"
        if let problem = Self.nameProblem(entry.name) {
          report(.unsafeEntry, path, problem, remedy: "rename or remove it with git, then commit")
          continue
        }
        switch entry.kind {
        case .tree where depth + 1 >= Repository.maximumTreeDepth:
          report(
            .tooLarge, path, "is nested deeper than \(Repository.maximumTreeDepth) levels, more than claims reads",
            remedy: "remove it with git (git rm -r), then commit")
        case .tree:
          pending.append((entry.id, path, depth + 1))
        case .blob where entry.isSymbolicLink:
          fileCount += 1
          report(
            .unsafeEntry, path, "is a symbolic link, which the ledger never follows",
            remedy: "replace it with a plain file or remove it, then commit")
        case .blob:
          fileCount += 1
        case .commit, .other:
          report(
            .unsafeEntry, path, "is a submodule or other non-file entry", remedy: "remove it with git, then commit")
        }
      }
    }
  }

  /// Why a file or directory name is unsafe, or nil: control characters (a newline in a name breaks
  /// every line-based tool), bytes that are not UTF-8, or a leading `-` that tools read as an option.
  static func nameProblem(_ name: String) -> String? {
    if name.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F || (0x80..<0xA0).contains($0.value) })
    {
      return "has control characters in its name"
    }
    if name.unicodeScalars.contains("\u{FFFD}") { return "has a name that is not valid UTF-8" }
    if name.hasPrefix("-") { return "has a name starting with '-'" }
    if name == "." || name == ".." || name.lowercased() == ".git" || name.contains("\\") {
      return "has a name that leads outside the ledger or into .git"
    }
    return nil
  }

  // MARK: Records

  private func checkConfig() {
    guard let entry = snapshot.entry(at: LedgerPaths.config) else {
      report(
        .missing, LedgerPaths.config, "is missing",
        remedy: "restore it from history (git checkout <commit> -- ledger.json)")
      return
    }
    guard !entry.isSymbolicLink else { return }
    _ = snapshot.config()
  }

  /// Every source that has a directory under `Claims/`, `Reviews/` or `Assignments/`; directories
  /// not named like a source are reported.
  private func sourceDirectories() -> [SourceID] {
    var sources = Set(snapshot.sourceIDs())
    for root in [LedgerPaths.reviews, LedgerPaths.assignments, LedgerPaths.decisions] {
      for entry in snapshot.entries(ofDirectory: root) {
        guard let source = SourceID(entry.name), entry.kind == .tree else {
          report(
            .misplaced, "\(root)/\(entry.name)", "is not a directory named after a source id",
            remedy: "remove it, then commit")
          continue
        }
        if snapshot.treeID(ofDirectory: LedgerPaths.claimDirectory(source)) == nil {
          report(
            .dangling, "\(root)/\(source)", "belongs to source '\(source)', which has no claims in Claims/",
            remedy: "remove the directory (or restore the source), then commit")
        }
        sources.insert(source)
      }
    }
    return sources.sorted()
  }

  /// The seed text of a source with claims must be there, be UTF-8 and match its source record.
  private func checkSeed(_ source: SourceID, hasClaims: Bool) {
    guard hasClaims else { return }
    let textPath = LedgerPaths.seedText(source)
    guard snapshot.entry(at: textPath) != nil else {
      report(
        .missing, textPath, "is missing, but Claims/\(source)/ has claims",
        remedy: "restore it from history, then commit")
      return
    }
    guard snapshot.entry(at: LedgerPaths.sourceRecord(source)) != nil else {
      report(
        .missing, LedgerPaths.sourceRecord(source), "is missing, but Claims/\(source)/ has claims",
        remedy: "restore it from history, then commit")
      return
    }
    guard let text = snapshot.seedText(source), let record = snapshot.sourceRecord(source) else { return }
    if SHA256.hexDigest(of: Array(text.utf8)) != record.textSHA256 {
      report(
        .modified, textPath,
        "no longer matches the SHA-256 in \(LedgerPaths.sourceRecord(source)); it was edited after import",
        remedy: "restore it, or import the revised text with 'claims import --replace', then commit")
    }
    checkPage(source, record: record)
  }

  /// The page a source was taken from must be there when its record names one, and match it.
  private func checkPage(_ source: SourceID, record: SourceRecord) {
    guard let digest = record.pageSHA256 else { return }
    let pagePath = LedgerPaths.seedPage(source)
    guard let page = snapshot.seedPage(source) else {
      report(
        .missing, pagePath, "is missing, but \(LedgerPaths.sourceRecord(source)) names the page's SHA-256",
        remedy: "restore it from history, then commit")
      return
    }
    if SHA256.hexDigest(of: page) != digest {
      report(
        .modified, pagePath,
        "no longer matches the SHA-256 in \(LedgerPaths.sourceRecord(source)); it was edited after import",
        remedy: "restore it from history, or re-import the page with 'claims import --replace', then commit")
    }
  }

  /// Every live claim's text must be its seed's text at its offsets, and no two live claims may
  /// share an ordinal: a claim edited by hand, or a source holding two imports' claims, would
  /// have its reviews judge a sentence the article does not hold.
  private func checkClaimsAgainstSeed(_ source: SourceID, claims: [Claim]) {
    let live = claims.filter { !$0.isRetired }
    var byOrdinal: [Int: [Claim]] = [:]
    for claim in live { byOrdinal[claim.ordinal, default: []].append(claim) }
    for (ordinal, same) in byOrdinal.sorted(by: { $0.key < $1.key }) where same.count > 1 {
      let ids = same.map(\.id.rawValue).sorted()
      report(
        .disagreesWithSeed, LedgerPaths.claimDirectory(source),
        "claims \(ids.joined(separator: " and ")) are both \(source):\(ordinal); the source mixes two imports",
        remedy: "re-import the article with 'claims import --replace' to make one text its claims, then commit")
    }
    for claim in live { snapshot.checkAgainstSeed(claim) }
  }

  /// Every file under `FactChecks/` must be a fact-check record in its publisher's folder, under
  /// the name its address gives it.
  private func checkFactChecks() {
    _ = snapshot.factChecks()
  }

  /// Every file under `Links/<source>/<claim>/` must be a link record of that claim, source and
  /// linker, and the claim must exist in `Claims/<source>/`.
  private func checkLinks() {
    for entry in snapshot.entries(ofDirectory: LedgerPaths.links) {
      let path = "\(LedgerPaths.links)/\(entry.name)"
      guard let source = SourceID(entry.name), entry.kind == .tree else {
        report(
          .misplaced, path, "is not a directory named after a source id", remedy: "rename or remove it, then commit")
        continue
      }
      let claimIDs = Set(
        snapshot.entries(ofDirectory: LedgerPaths.claimDirectory(source)).compactMap {
          LedgerPaths.claimID(fromFileName: $0.name)
        })
      for claim in snapshot.linkFiles(of: source).keys.sorted() where !claimIDs.contains(claim) {
        report(
          .dangling, "\(path)/\(claim)", "links claim \(claim), which does not exist in Claims/\(source)/",
          remedy: "remove the directory (or restore the claim), then commit")
      }
    }
  }

  /// Every `seeds/<id>.json` beside a `seeds/<id>.txt` must be a source record of that id.
  private func checkSourceRecords() {
    let names = Set(snapshot.entries(ofDirectory: LedgerPaths.seeds).map(\.name))
    for name in names.sorted() where name.hasSuffix(".json") {
      let stem = String(name.dropLast(".json".count))
      guard names.contains("\(stem).txt"), let source = SourceID(stem), let record = snapshot.sourceRecord(source)
      else { continue }
      if record.id != source {
        report(.misplaced, "\(LedgerPaths.seeds)/\(name)", "holds the record of source '\(record.id)', not '\(source)'")
      }
    }
  }
}

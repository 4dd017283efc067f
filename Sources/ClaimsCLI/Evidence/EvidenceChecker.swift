import ClaimLedger
import ClaimModel
import Evidence
import HTTP
import WebArchive

/// Checks archived citations, against the ledger alone (`--offline`) or against the live web.
struct EvidenceChecker {
  /// One citation and what its check found.
  struct Finding {
    var page: CitedPage
    var archive: CitationArchive
    var health: CitationHealth
  }

  let snapshot: LedgerSnapshot
  let time: Timestamp

  /// The archive's bytes, each file read once however many citations share it.
  private final class Files {
    var captureProblems: [String: String?] = [:]
    var texts: [String: (bytes: [UInt8]?, problem: String?)] = [:]
  }
  private let files = Files()

  init(snapshot: LedgerSnapshot, time: Timestamp) {
    self.snapshot = snapshot
    self.time = time
  }

  /// Each capture checked against its digest and its records' digests, each text against its
  /// digest, each quote at its place.
  func offline(_ pages: [(CitedPage, CitationArchive)]) -> [Finding] {
    // Every distinct capture and text read and hashed once, on every core.
    var captures: [String] = []
    var texts: [String] = []
    for (_, archive) in pages {
      if files.captureProblems[archive.captureSHA256] == nil {
        files.captureProblems[archive.captureSHA256] = .some(nil)
        captures.append(archive.captureSHA256)
      }
      if let digest = archive.textSHA256, files.texts[digest] == nil {
        files.texts[digest] = (nil, nil)
        texts.append(digest)
      }
    }
    let captureProblems = snapshot.mapEvidenceFiles(captures.map(CitationArchive.capturePath)) { path, bytes in
      ArchiveCheck.checkCapture(bytes, digest: Self.digest(inPath: path))
    }
    for (digest, problem) in zip(captures, captureProblems) { files.captureProblems[digest] = problem }
    let textChecks = snapshot.mapEvidenceFiles(texts.map(CitationArchive.textPath)) { path, bytes in
      (bytes, ArchiveCheck.checkText(bytes, digest: Self.digest(inPath: path)))
    }
    for (digest, check) in zip(texts, textChecks) { files.texts[digest] = check }
    return pages.map { page, archive in
      Finding(
        page: page, archive: archive,
        health: health(of: archive))
    }
  }

  /// Each cited address fetched again (each once, `concurrency` at a time, one per host) and
  /// compared with its archive.
  func live(
    _ pages: [(CitedPage, CitationArchive)], options: FetchOptions, concurrency: Int,
    progress: FetchProgress
  ) -> [Finding] {
    var urls: [String] = []
    var index: [String: Int] = [:]
    for (page, _) in pages where index[page.citation.url] == nil {
      index[page.citation.url] = urls.count
      urls.append(page.citation.url)
    }
    let outcomes = ConcurrentFetch.fetchAll(
      urls, options: options, concurrency: concurrency, perHost: 1, progress: progress.update)
    progress.finish()
    return pages.map { page, archive in
      let outcome = outcomes[index[page.citation.url] ?? 0]
      let archived = HealthCheck.Archived(
        archive: archive, bodySHA256: archive.textSHA256 == nil ? archivedBodySHA256(archive) : nil)
      return Finding(page: page, archive: archive, health: HealthCheck.classify(archived, outcome: outcome, at: time))
    }
  }

  /// The digest an evidence file is named by: `Evidence/<aa>/<digest>.<extension>`.
  private static func digest(inPath path: String) -> String {
    let name = path.split(separator: "/").last ?? ""
    return String(name.prefix { $0 != "." })
  }

  private func captureProblem(_ archive: CitationArchive) -> String? {
    if let known = files.captureProblems[archive.captureSHA256] { return known }
    let problem = ArchiveCheck.checkCapture(
      snapshot.evidenceFile(archive.capturePath), digest: archive.captureSHA256)
    files.captureProblems[archive.captureSHA256] = problem
    return problem
  }

  /// The offline health of one citation's archive; each capture and text is read and hashed once.
  private func health(of archive: CitationArchive) -> CitationHealth {
    let captureProblem = captureProblem(archive)
    guard let digest = archive.textSHA256, let path = archive.textPath else {
      return ArchiveCheck.check(archive, captureProblem: captureProblem, text: nil, at: time)
    }
    if files.texts[digest] == nil {
      let bytes = snapshot.evidenceFile(path)
      files.texts[digest] = (bytes, ArchiveCheck.checkText(bytes, digest: digest))
    }
    let text = files.texts[digest]
    return ArchiveCheck.check(
      archive, captureProblem: captureProblem, textCheck: .some(text?.problem), text: text?.bytes ?? nil, at: time)
  }

  /// SHA-256 of the archived page's decoded body, for comparing a page whose text is not read.
  private func archivedBodySHA256(_ archive: CitationArchive) -> String? {
    guard let bytes = snapshot.evidenceFile(archive.capturePath),
      let body = try? WARCCapture.read(bytes).finalResponse?.decodedPayload()
    else { return nil }
    return PageText.sha256(body)
  }
}

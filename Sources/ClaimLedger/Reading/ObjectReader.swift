import ClaimModel
import Git

/// Reads trees, files and records out of git objects for one thread, never following a link,
/// never loading a file larger than the limit, and noting every unusable file as a problem.
final class ObjectReader {
  /// Records larger than this are refused: a claim or review is a few hundred bytes, and a crafted
  /// 100 MB file must not be parsed.
  static let maximumRecordSize = 1 << 20

  let repository: Repository
  private(set) var problems: [LedgerProblem] = []
  private var problemPaths: Set<String> = []

  init(repository: Repository) {
    self.repository = repository
  }

  func report(
    _ kind: LedgerProblem.Kind, _ path: String, _ problem: String,
    remedy: String = "fix or remove the file, then commit"
  ) {
    guard problemPaths.insert(path).inserted else { return }
    problems.append(LedgerProblem(kind, path: path, problem: problem, remedy: remedy))
  }

  /// Adds problems found elsewhere (a cache, another thread), skipping ones already known.
  func merge(_ others: [LedgerProblem]) {
    for problem in others where problemPaths.insert(problem.path).inserted { problems.append(problem) }
  }

  /// The entries of tree `id`, read at `path` (for messages); empty (reported) when unreadable.
  func entries(ofTree id: ObjectID, at path: String) -> [TreeEntry] {
    do {
      return try repository.treeEntries(id)
    } catch {
      report(.unreadable, path, "cannot be read from git: \(error.message)", remedy: "run 'git fsck' on the ledger")
      return []
    }
  }

  /// What a look-up of one name in a tree found.
  enum LookUp {
    case found(TreeEntry)
    case absent
    /// The tree cannot be read; ``entries(ofTree:at:)`` reports why.
    case unreadable
  }

  /// The entry `name` of tree `id`, looked up in git's tree without listing it.
  func lookUp(_ name: String, inTree id: ObjectID) -> LookUp {
    do {
      return try repository.treeEntry(named: name, inTree: id).map(LookUp.found) ?? .absent
    } catch {
      return .unreadable
    }
  }

  /// The bytes of file `entry` in `directory`, or nil (reported) when it is a link, a directory,
  /// too large, or unreadable.
  func fileBytes(_ entry: TreeEntry, in directory: String, limit: Int = maximumRecordSize) -> [UInt8]? {
    let path = directory.isEmpty ? entry.name : "\(directory)/\(entry.name)"
    guard !entry.isSymbolicLink else {
      report(
        .unsafeEntry, path, "is a symbolic link, which the ledger never follows",
        remedy: "replace it with a plain file or remove it, then commit")
      return nil
    }
    guard entry.kind == .blob else {
      report(.unsafeEntry, path, "is a directory where a file belongs", remedy: "remove it, then commit")
      return nil
    }
    do {
      guard let bytes = try repository.blobContent(entry.id, limit: limit) else {
        let size = (try? repository.blobSize(entry.id)) ?? 0
        report(.tooLarge, path, "is \(size) bytes, more than the \(limit) a ledger file may hold")
        return nil
      }
      return bytes
    } catch {
      report(.unreadable, path, "cannot be read from git: \(error.message)", remedy: "run 'git fsck' on the ledger")
      return nil
    }
  }

  /// File `entry` in `directory` decoded as record type `R`; nil (reported) when unusable.
  func record<R: LedgerRecord>(_ type: R.Type, entry: TreeEntry, in directory: String) -> R? {
    guard let bytes = fileBytes(entry, in: directory) else { return nil }
    do {
      return try R(decoding: bytes)
    } catch {
      let path = directory.isEmpty ? entry.name : "\(directory)/\(entry.name)"
      let kind: LedgerProblem.Kind = error.kind == .newerFormat ? .newerFormat : .malformed
      if let remedy = error.remedy {
        report(kind, path, error.problem, remedy: remedy)
      } else {
        report(kind, path, error.problem)
      }
      return nil
    }
  }
}

@available(*, unavailable)
extension ObjectReader: Sendable {}

/// Which identities are one person: a `.mailmap` in git's format, read from the ledger's top.
///
/// Each line maps an alias to a person's proper name and address, as `git log --use-mailmap` and
/// `git shortlog` read it:
///
///     Proper Name <commit@example.org>
///     <proper@example.org> <commit@example.org>
///     Proper Name <proper@example.org> <commit@example.org>
///     Proper Name <proper@example.org> Commit Name <commit@example.org>
///
/// Addresses and names are matched without regard to case; `#` starts a comment. A line naming
/// the alias's name as well as its address applies only to that name; one naming the address
/// alone applies to every name used with it. Lines git would skip are skipped.
public struct PeopleMap: Sendable, Equatable {
  private struct Entry: Sendable, Equatable {
    var properName: String?
    var properEmail: String?
  }

  /// By alias address (lowercased), then alias name (lowercased, nil: any name).
  private var entries: [String: [String?: Entry]] = [:]

  /// No aliases at all.
  public init() {}

  /// Reads a `.mailmap` file's text.
  public init(parsing text: String) {
    for rawLine in text.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r" }) {
      var line = Substring(rawLine)
      if let hash = line.firstIndex(of: "#") { line = line[..<hash] }
      var names: [String] = []
      var emails: [String] = []
      var rest = line
      while let open = rest.firstIndex(of: "<"), let close = rest[open...].firstIndex(of: ">") {
        names.append(String(rest[..<open]).trimmingWhitespace())
        emails.append(String(rest[rest.index(after: open)..<close]).trimmingWhitespace())
        rest = rest[rest.index(after: close)...]
      }
      switch emails.count {
      case 1:
        // `Proper Name <commit@email>`: a proper name for everyone using the address.
        guard !names[0].isEmpty else { continue }
        add(alias: emails[0], aliasName: nil, Entry(properName: names[0], properEmail: nil))
      case 2:
        let properName = names[0].isEmpty ? nil : names[0]
        let aliasName = names[1].isEmpty ? nil : names[1]
        add(alias: emails[1], aliasName: aliasName, Entry(properName: properName, properEmail: emails[0]))
      default:
        continue
      }
    }
  }

  private mutating func add(alias email: String, aliasName: String?, _ entry: Entry) {
    let key = email.lowercased()
    let nameKey = aliasName?.lowercased()
    var existing = entries[key]?[nameKey] ?? Entry()
    // A later line fills what an earlier one for the same alias left open, as git merges them.
    existing.properName = entry.properName ?? existing.properName
    existing.properEmail = entry.properEmail ?? existing.properEmail
    entries[key, default: [:]][nameKey] = existing
  }

  /// Whether the map says nothing.
  public var isEmpty: Bool { entries.isEmpty }

  /// The person `identity` is an alias of, or `identity` itself.
  public func canonical(_ identity: Identity) -> Identity {
    guard !entries.isEmpty, !identity.email.isEmpty, let byName = entries[identity.email.lowercased()] else {
      return identity
    }
    guard let entry = byName[identity.name.lowercased()] ?? byName[nil] else { return identity }
    let name = entry.properName ?? identity.name
    let email = entry.properEmail ?? identity.email
    return Identity(name: name, email: email) ?? identity
  }
}

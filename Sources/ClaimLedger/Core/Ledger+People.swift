public import ClaimModel
import Git

extension Ledger {
  /// How many recent commits' authors are looked at to recognise a person given by name or address alone.
  static let knownPeopleHorizon = 5_000

  /// The identity to act as when `given` is who the user said they are: the person the ledger's
  /// `.mailmap` says `given` is an alias of; for an address alone, that address with the name the
  /// ledger knows for it; a name alone is refused when it is not a person of the ledger but names
  /// one who has an address (`Tom` beside `Tom Brandt <tom@desk.example>`), since it would count as
  /// a second reviewer who agrees with the first.
  /// - Throws: ``LedgerError`` `.ambiguous` for a name alone that reads as a known person's.
  public func identify(_ given: Identity) throws(LedgerError) -> Identity {
    let people = try snapshot().people
    let mapped = people.canonical(given)
    if mapped != given { return mapped }
    if !given.email.isEmpty && given.hasNameOfItsOwn { return given }
    let known = knownPeople().map(people.canonical)
    if !given.hasNameOfItsOwn {
      if let named = known.first(where: { $0.email.lowercased() == given.email.lowercased() && $0.hasNameOfItsOwn }),
        let identity = Identity(name: named.name, email: given.email)
      {
        return identity
      }
      return given
    }
    // A name alone.
    if known.contains(where: { $0.key == given.key }) { return given }
    let name = given.name.lowercased().canonicallyComposed()
    if let person = known.first(where: { person in
      guard !person.email.isEmpty else { return false }
      let other = person.name.lowercased().canonicallyComposed()
      return other == name || other.hasPrefix(name + " ")
    }) {
      throw LedgerError(
        .ambiguous,
        "'\(given.name.escapedForMessage)' has not worked on this ledger, but '\(person.description.escapedForMessage)' has; give that identity, or if they are two people, give yours with your e-mail address ('Name <you@example.org>'); a .mailmap line can join two spellings of one person"
      )
    }
    return given
  }

  /// The authors of the most recent commits, newest first, each once; identities claims signed
  /// for without an address (`<slug>@claims.invalid`) as names alone.
  func knownPeople() -> [Identity] {
    guard let tip = try? branchTip().tip, let walk = try? RevisionWalk(repository), (try? walk.push(tip)) != nil
    else { return [] }
    var people: [Identity] = []
    var seen: Set<String> = []
    var count = 0
    while count < Self.knownPeopleHorizon, let id = (try? walk.next()) ?? nil {
      count += 1
      guard let commit = try? repository.commit(id),
        var author = Identity(name: commit.author.name, email: commit.author.email)
      else { continue }
      if let bare = Identity(name: author.name, email: ""), author.email == bare.signatureEmail { author = bare }
      if seen.insert(author.description.lowercased()).inserted { people.append(author) }
    }
    return people
  }
}

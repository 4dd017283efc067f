public import ClaimModel
import Git

/// Finds out who is acting: an explicit flag, then an environment variable, then git's
/// `user.name` and `user.email` (the ledger's own config first, then global and system).
public enum IdentityResolver {
  /// The identity to act as.
  /// - Parameters:
  ///   - explicit: the identity `--author` or `--reviewer` gave, if any (parsed by the command line).
  ///   - environment: the value of `CLAIMS_AUTHOR` or `CLAIMS_REVIEWER`, if set.
  ///   - sources: how to name the flag and variable in the error message.
  ///   - ledger: the ledger whose git config to read, if any.
  /// - Throws: ``LedgerError`` when no identity is set anywhere, or the one found is unusable.
  public static func resolve(
    explicit: Identity?, environment: String?, sources: (flag: String, variable: String), ledger: Ledger?
  ) throws(LedgerError) -> Identity {
    // `--reviewer me` is the person acting, as `me` is wherever a person is expected: never a
    // reviewer called "me".
    let explicit = explicit.flatMap { $0.email.isEmpty && $0.name.lowercased() == "me" ? nil : $0 }
    if let explicit { return try known(try requireAddress(explicit, origin: sources.flag), in: ledger) }
    if let environment, !environment.trimmingWhitespace().isEmpty {
      guard let identity = Identity(parsing: environment) else {
        throw LedgerError(
          .invalidInput,
          "\(sources.variable) '\(environment.escapedForMessage)' is not a usable identity; write it as 'Name <email>' without control characters"
        )
      }
      return try known(try requireAddress(identity, origin: sources.variable), in: ledger)
    }
    let name = try? GitConfig.string("user.name", in: ledger?.repository)
    let email = try? GitConfig.string("user.email", in: ledger?.repository)
    if let identity = Identity(name: (name ?? nil) ?? "", email: (email ?? nil) ?? "") {
      return try known(try requireAddress(identity, origin: "git config user.email"), in: ledger)
    }
    throw LedgerError(
      .notFound,
      "no identity: pass \(sources.flag) 'Name <email>', set \(sources.variable), or set git config user.name and user.email"
    )
  }

  /// The person `identity` is in `ledger` (its `.mailmap`, the name known for an address alone).
  private static func known(_ identity: Identity, in ledger: Ledger?) throws(LedgerError) -> Identity {
    guard let ledger else { return identity }
    return try ledger.identify(identity)
  }

  /// An e-mail address must look like one: `Name <ana>` would share a review file with the
  /// name-only identity `Ana`.
  private static func requireAddress(_ identity: Identity, origin: String) throws(LedgerError) -> Identity {
    guard !identity.email.isEmpty, !identity.email.contains("@") else { return identity }
    throw LedgerError(
      .invalidInput,
      "\(origin): '\(identity.email.escapedForMessage)' is not an e-mail address; write the identity as 'Name <name@example.org>' or as a name alone"
    )
  }
}

/// A file in the ledger that cannot be used as it is: malformed, unsafe, or pointing nowhere.
/// Commands report these by name and go on where they safely can.
public struct LedgerProblem: Equatable, Sendable, CustomStringConvertible {
  /// The file's path in the ledger.
  public var path: String
  /// What is wrong with it.
  public var problem: String
  /// What to do about it.
  public var remedy: String

  public init(path: String, problem: String, remedy: String) {
    self.path = path
    self.problem = problem
    self.remedy = remedy
  }

  public var description: String { "\(path): \(problem); \(remedy)" }
}

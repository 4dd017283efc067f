/// A ledger operation that could not be done, with one line saying what is wrong and what to do.
public struct LedgerError: Error, Equatable, Sendable, CustomStringConvertible {
  /// What went wrong and how to go on, as one line for stderr.
  public var message: String

  public init(_ message: String) {
    self.message = message
  }

  public var description: String { message }
}

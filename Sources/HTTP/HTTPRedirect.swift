/// One redirect on the way to the final answer.
public struct HTTPRedirect: Sendable {
  /// The request and the redirecting answer.
  public let exchange: HTTPExchange
  /// The `Location` header as received.
  public let location: String
  /// The absolute address it points to, resolved against the request's address.
  public let target: String

  /// The redirect's status (301, 302, 303, 307 or 308).
  public var status: Int { exchange.status }
  /// The address that redirected.
  public var url: String { exchange.url }
}

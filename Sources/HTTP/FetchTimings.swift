/// How long the parts of a fetch took.
public struct FetchTimings: Sendable {
  /// Name resolution of the final request (zero when reused or a literal address).
  public var nameLookup: Duration = .zero
  /// Until the final request's TCP connection was made (from its start).
  public var connect: Duration = .zero
  /// Until its TLS handshake was done (zero for plain http).
  public var tlsHandshake: Duration = .zero
  /// Until its first response byte.
  public var firstByte: Duration = .zero
  /// The final request from start to end.
  public var transfer: Duration = .zero
  /// The whole fetch: every redirect, the final transfer, and decoding.
  public var total: Duration = .zero
}

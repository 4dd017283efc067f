import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// An HTTP/1.1 server on a loopback address for one test or benchmark: POSIX sockets, a thread
/// per connection, keep-alive, and scripted routes (pages, redirects, errors, slow and endless
/// answers, answers that change between requests).
///
/// Bytes go out exactly as scripted, so tests can check that the client keeps them as received.
public final class LocalHTTPServer: @unchecked Sendable {
  /// What the server does for one path.
  public indirect enum Route: Sendable {
    /// A complete answer with `Content-Length`.
    case page(status: Int = 200, headers: [(String, String)] = [], body: [UInt8] = [])
    /// An answer in the chunked transfer coding, one chunk per element.
    case chunked(status: Int = 200, headers: [(String, String)] = [], chunks: [[UInt8]])
    /// An answer with neither length nor chunks: the body ends when the server closes.
    case closeDelimited(status: Int = 200, headers: [(String, String)] = [], body: [UInt8])
    /// A redirect to `location` (written as given: relative, absolute or another scheme).
    case redirect(status: Int = 302, location: String)
    /// `route`, after waiting `milliseconds`.
    case delayed(milliseconds: Int, Route)
    /// `body` in pieces of `bytesPerWrite` every `intervalMilliseconds`, with `Content-Length`.
    case trickle(headers: [(String, String)] = [], body: [UInt8], bytesPerWrite: Int, intervalMilliseconds: Int)
    /// `count` bytes of filler, streamed in 64 KiB writes until done or the client hangs up;
    /// `declaresLength` says whether `Content-Length` announces them.
    case endless(count: Int, declaresLength: Bool, headers: [(String, String)] = [])
    /// The bytes as they are, then the connection closes (for answers that are not HTTP).
    case raw([UInt8])
    /// The n-th request gets the n-th route; the last one answers every later request.
    case sequence([Route])
  }

  /// One request as received.
  public struct Request: Sendable {
    /// `GET`.
    public var method: String
    /// The request target (`/page?x=1`).
    public var target: String
    /// Header fields in order.
    public var headers: [(String, String)]
    /// The value of the first header named `name` (case-insensitive).
    public func header(_ name: String) -> String? {
      headers.first { $0.0.lowercased() == name.lowercased() }?.1
    }
  }

  /// The port the server listens on.
  public let port: Int
  /// The address it listens on.
  public let host: String

  private let listener: Int32
  private let lock = NSLock()
  private var routes: [String: Route]
  private var hits: [String: Int] = [:]
  private var received: [Request] = []
  private var connections: Set<Int32> = []
  private var stopped = false
  private var inFlight = 0
  private var mostInFlight = 0

  /// Starts listening on `host` (a loopback address) at a port the system picks.
  public init(host: String = "127.0.0.1", routes: [String: Route] = [:]) throws {
    self.host = host
    self.routes = routes
    let socket = try Self.listeningSocket(host: host, backlog: 128)
    listener = socket.descriptor
    port = socket.port
    // The accept thread holds the server weakly, so that dropping the server stops it (`deinit`
    // shuts the listener down, which ends the blocked `accept`).
    let descriptor = listener
    let box = WeakServer(self)
    let thread = Thread { Self.acceptLoop(descriptor, box) }
    thread.stackSize = 1 << 20
    thread.start()
  }

  deinit {
    stop()
  }

  /// `http://<host>:<port><path>`.
  public func url(_ path: String) -> String { "http://\(host):\(port)\(path)" }

  /// Sets or replaces the route for `path` (a page that changes between fetches).
  public func setRoute(_ path: String, _ route: Route) {
    lock.withLock { routes[path] = route }
  }

  /// The requests received so far, in order.
  public var requests: [Request] { lock.withLock { received } }

  /// The most requests the server was working on at one moment: from a request's arrival to the
  /// start of its answer, its `.delayed` wait included.
  public var maxConcurrentRequests: Int { lock.withLock { mostInFlight } }

  /// How many requests `path` has had.
  public func hitCount(_ path: String) -> Int { lock.withLock { hits[path] ?? 0 } }

  /// Stops accepting and closes every open connection.
  public func stop() {
    let open: Set<Int32>? = lock.withLock {
      guard !stopped else { return nil }
      stopped = true
      return connections
    }
    // Only the first stop touches the listener: the accept thread closes it once it is shut down,
    // and its number may by then belong to another test's socket (a second `shutdown` here, from
    // `deinit` after an explicit `stop()`, cut another server off mid-test).
    guard let open else { return }
    Glibc.shutdown(listener, Int32(SHUT_RDWR))
    for descriptor in open { Glibc.shutdown(descriptor, Int32(SHUT_RDWR)) }
  }

  // MARK: Serving

  /// A weak reference to the server that the accept thread can hold.
  private final class WeakServer: @unchecked Sendable {
    weak var server: LocalHTTPServer?
    init(_ server: LocalHTTPServer) { self.server = server }
  }

  private static func acceptLoop(_ listener: Int32, _ box: WeakServer) {
    while true {
      let client = accept(listener, nil, nil)
      if client < 0 {
        // Only a listener that was shut down ends the loop: a connection the client dropped before
        // it was accepted, or a moment out of descriptors on a busy machine, must not close the
        // server for the rest of the test (later requests would be refused).
        switch errno {
        case EINTR: continue
        case ECONNABORTED, EPROTO, EMFILE, ENFILE, ENOBUFS, ENOMEM, EPERM:
          usleep(10_000)
          continue
        default: break
        }
        break
      }
      guard let server = box.server, server.register(client) else {
        close(client)
        break
      }
      let thread = Thread {
        server.serve(client)
        server.lock.withLock { _ = server.connections.remove(client) }
        close(client)
      }
      thread.stackSize = 1 << 20
      thread.start()
    }
    close(listener)
  }

  /// Counts a new connection, unless the server has stopped.
  private func register(_ client: Int32) -> Bool {
    lock.withLock {
      guard !stopped else { return false }
      connections.insert(client)
      return true
    }
  }

  private func serve(_ client: Int32) {
    var buffer: [UInt8] = []
    while let request = readRequest(client, buffer: &buffer) {
      let path = String(request.target.split(separator: "?", maxSplits: 1).first ?? "")
      let (route, count): (Route?, Int) = lock.withLock {
        received.append(request)
        let key = routes[request.target] != nil ? request.target : path
        hits[key, default: 0] += 1
        inFlight += 1
        mostInFlight = max(mostInFlight, inFlight)
        return (routes[key], hits[key] ?? 1)
      }
      var answer = route ?? .page(status: 404, body: Array("no route\n".utf8))
      if case .delayed(let milliseconds, let inner) = answer {
        usleep(useconds_t(milliseconds * 1000))
        answer = inner
      }
      // A request is in flight until its answer starts to go out: once the client has it, it may
      // send its next one before this thread runs again, which is no overlap.
      lock.withLock { inFlight -= 1 }
      let keepOpen = respond(client, route: answer, hit: count)
      if !keepOpen || request.header("Connection")?.lowercased() == "close" { return }
    }
  }

  /// Answers one request; returns whether the connection may serve another.
  private func respond(_ client: Int32, route: Route, hit: Int) -> Bool {
    switch route {
    case .page(let status, let headers, let body):
      return send(client, head(status, headers + [("Content-Length", "\(body.count)")]) + body)
    case .chunked(let status, let headers, let chunks):
      var bytes = head(status, headers + [("Transfer-Encoding", "chunked")])
      for chunk in chunks where !chunk.isEmpty {
        bytes += Array(String(chunk.count, radix: 16).utf8) + [13, 10] + chunk + [13, 10]
      }
      return send(client, bytes + Array("0\r\n\r\n".utf8))
    case .closeDelimited(let status, let headers, let body):
      _ = send(client, head(status, headers + [("Connection", "close")]) + body)
      return false
    case .redirect(let status, let location):
      let body = Array("moved to \(location)\n".utf8)
      return send(
        client,
        head(status, [("Location", location), ("Content-Type", "text/plain"), ("Content-Length", "\(body.count)")])
          + body)
    case .delayed(let milliseconds, let inner):
      usleep(useconds_t(milliseconds * 1000))
      return respond(client, route: inner, hit: hit)
    case .trickle(let headers, let body, let step, let interval):
      guard send(client, head(200, headers + [("Content-Length", "\(body.count)")])) else { return false }
      var offset = 0
      while offset < body.count {
        usleep(useconds_t(interval * 1000))
        let end = min(body.count, offset + max(1, step))
        guard send(client, Array(body[offset..<end])) else { return false }
        offset = end
      }
      return true
    case .endless(let count, let declaresLength, let headers):
      var fields = headers + [("Content-Type", "application/octet-stream")]
      fields.append(declaresLength ? ("Content-Length", "\(count)") : ("Connection", "close"))
      guard send(client, head(200, fields)) else { return false }
      let block = [UInt8](repeating: UInt8(ascii: "x"), count: 64 * 1024)
      var sent = 0
      while sent < count {
        let size = min(block.count, count - sent)
        guard send(client, size == block.count ? block : Array(block[0..<size])) else { return false }
        sent += size
      }
      return declaresLength
    case .raw(let bytes):
      _ = send(client, bytes)
      return false
    case .sequence(let routes):
      guard let last = routes.last else { return respond(client, route: .page(status: 500), hit: hit) }
      return respond(client, route: hit - 1 < routes.count ? routes[hit - 1] : last, hit: hit)
    }
  }

  private func head(_ status: Int, _ headers: [(String, String)]) -> [UInt8] {
    var text = "HTTP/1.1 \(status) \(Self.reason(status))\r\n"
    for (name, value) in headers { text += "\(name): \(value)\r\n" }
    return Array((text + "\r\n").utf8)
  }

  /// Writes all of `bytes`; false when the client has gone.
  private func send(_ client: Int32, _ bytes: [UInt8]) -> Bool {
    bytes.withUnsafeBytes { buffer in
      var offset = 0
      while offset < buffer.count {
        let written = Glibc.send(
          client, buffer.baseAddress.map { $0 + offset }, buffer.count - offset, Int32(MSG_NOSIGNAL))
        if written < 0 && errno == EINTR { continue }
        guard written > 0 else { return false }
        offset += written
      }
      return true
    }
  }

  /// Reads one request head (GET requests carry no body); nil at the end of the connection.
  private func readRequest(_ client: Int32, buffer: inout [UInt8]) -> Request? {
    let terminator: [UInt8] = [13, 10, 13, 10]
    var chunk = [UInt8](repeating: 0, count: 16 * 1024)
    while true {
      if let end = buffer.firstRange(of: terminator) {
        let text = String(decoding: buffer[..<end.lowerBound], as: UTF8.self)
        buffer.removeSubrange(..<end.upperBound)
        var lines = text.components(separatedBy: "\r\n")
        let requestLine = lines.removeFirst().split(separator: " ")
        guard requestLine.count >= 2 else { return nil }
        let headers = lines.compactMap { line -> (String, String)? in
          guard let colon = line.firstIndex(of: ":") else { return nil }
          return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        return Request(method: String(requestLine[0]), target: String(requestLine[1]), headers: headers)
      }
      let count = chunk.withUnsafeMutableBytes { recv(client, $0.baseAddress, $0.count, 0) }
      if count < 0 && errno == EINTR { continue }
      guard count > 0, buffer.count < 1 << 20 else { return nil }
      buffer.append(contentsOf: chunk[0..<count])
      // A TLS handshake (record type 22) on this plain server: answer in plain HTTP and hang up,
      // as a misconfigured server would, so the client's handshake fails at once.
      if buffer.first == 0x16 {
        _ = send(client, Array("HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n".utf8))
        return nil
      }
    }
  }

  private static func reason(_ status: Int) -> String {
    switch status {
    case 200: "OK"
    case 301: "Moved Permanently"
    case 302: "Found"
    case 303: "See Other"
    case 307: "Temporary Redirect"
    case 308: "Permanent Redirect"
    case 403: "Forbidden"
    case 404: "Not Found"
    case 410: "Gone"
    case 500: "Internal Server Error"
    case 503: "Service Unavailable"
    default: "Status"
    }
  }

  // MARK: Sockets

  /// A TCP socket listening on `host`, and its port.
  static func listeningSocket(host: String, backlog: Int32) throws -> (descriptor: Int32, port: Int) {
    let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard descriptor >= 0 else { throw Fixtures.Invalid(description: "socket: \(String(cString: strerror(errno)))") }
    var yes: Int32 = 1
    setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = 0
    guard inet_pton(AF_INET, host, &address.sin_addr) == 1 else {
      close(descriptor)
      throw Fixtures.Invalid(description: "not an IPv4 address: \(host)")
    }
    let bound = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard bound == 0, listen(descriptor, backlog) == 0 else {
      let message = String(cString: strerror(errno))
      close(descriptor)
      throw Fixtures.Invalid(description: "cannot listen on \(host): \(message)")
    }
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
    }
    return (descriptor, Int(UInt16(bigEndian: address.sin_port)))
  }
}

/// A port on 127.0.0.1 that takes no new connections: it listens but never accepts, and its one
/// queue slot is already taken, so the kernel drops further connection attempts and they hang
/// until the client's connect timeout. Nothing leaves the machine.
public final class StalledListener: @unchecked Sendable {
  /// The port.
  public let port: Int
  private let listener: Int32
  private var fillers: [Int32] = []

  public init() throws {
    let socket = try LocalHTTPServer.listeningSocket(host: "127.0.0.1", backlog: 0)
    listener = socket.descriptor
    port = socket.port
    // Fill the accept queue (backlog 0 holds one connection; take a few to be sure).
    for _ in 0..<3 {
      let filler = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue), 0)
      var address = sockaddr_in()
      address.sin_family = sa_family_t(AF_INET)
      address.sin_port = UInt16(port).bigEndian
      inet_pton(AF_INET, "127.0.0.1", &address.sin_addr)
      _ = withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
          connect(filler, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
        }
      }
      fillers.append(filler)
    }
    usleep(50_000)
  }

  /// `http://127.0.0.1:<port><path>`.
  public func url(_ path: String) -> String { "http://127.0.0.1:\(port)\(path)" }

  deinit {
    for filler in fillers { close(filler) }
    close(listener)
  }
}

/// A port on 127.0.0.1 where nothing listens, so connections are refused.
public enum ClosedPort {
  /// A port that was free a moment ago (bound, then closed).
  public static func make() throws -> Int {
    let socket = try LocalHTTPServer.listeningSocket(host: "127.0.0.1", backlog: 1)
    close(socket.descriptor)
    return socket.port
  }
}

import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// git's smart HTTP protocol on 127.0.0.1 for one test: a small Python server in front of
/// `git http-backend` that asks for HTTP basic authentication and accepts one password (a token).
/// Plain HTTP: without a network no certificate authority can be reached, and what is tested here
/// is the transport and the credentials, which libgit2 treats alike for http and https.
public final class HTTPGitServer: @unchecked Sendable {
  public static let python = "/usr/bin/python3"
  public static var isAvailable: Bool {
    FileManager.default.isExecutableFile(atPath: python) && FileManager.default.isExecutableFile(atPath: "/usr/bin/git")
  }

  public let scratch = ScratchDirectory()
  public let port: Int
  /// The one password the server accepts, with any user name.
  public let token: String

  static let script = #"""
    import base64, http.server, os, signal, subprocess, sys

    # The signal mask is inherited: the thread of the test process that started this server may
    # block SIGTERM, which stops it.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGTERM])
    signal.signal(signal.SIGTERM, signal.SIG_DFL)

    # A test process starts children on many threads at once: this daemon may have inherited the
    # write end of another child's output pipe, whose reader would then wait for it forever.
    os.closerange(3, os.sysconf("SC_OPEN_MAX"))
    root, token, port_file = sys.argv[1], sys.argv[2], sys.argv[3]

    class GitHandler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):
            pass

        def do_GET(self):
            self.serve()

        def do_POST(self):
            self.serve()

        def body(self):
            if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
                data = b""
                while True:
                    size = int(self.rfile.readline().strip().split(b";")[0], 16)
                    if size == 0:
                        self.rfile.readline()
                        return data
                    data += self.rfile.read(size)
                    self.rfile.readline()
            length = int(self.headers.get("Content-Length") or 0)
            return self.rfile.read(length) if length else b""

        def serve(self):
            body = self.body()
            auth = self.headers.get("Authorization", "")
            password = ""
            if auth.startswith("Basic "):
                password = base64.b64decode(auth[6:]).decode("utf-8", "replace").partition(":")[2]
            if password != token:
                self.send_response(401)
                self.send_header("WWW-Authenticate", 'Basic realm="desk"')
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            path, _, query = self.path.partition("?")
            env = dict(os.environ, GIT_PROJECT_ROOT=root, GIT_HTTP_EXPORT_ALL="1", PATH_INFO=path,
                       QUERY_STRING=query, REQUEST_METHOD=self.command, REMOTE_USER="desk",
                       REMOTE_ADDR="127.0.0.1", CONTENT_TYPE=self.headers.get("Content-Type", ""),
                       CONTENT_LENGTH=str(len(body)))
            output = subprocess.run(["git", "http-backend"], input=body, env=env, capture_output=True).stdout
            separator = b"\r\n\r\n" if b"\r\n\r\n" in output else b"\n\n"
            head, _, payload = output.partition(separator)
            status = 200
            headers = []
            for line in head.decode("latin-1").splitlines():
                name, _, value = line.partition(":")
                if name.lower() == "status":
                    status = int(value.split()[0])
                elif name:
                    headers.append((name, value.strip()))
            self.send_response(status)
            for name, value in headers:
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), GitHandler)
    with open(port_file + ".tmp", "w") as f:
        f.write(f"{server.server_address[1]} {os.getpid()}\n")
    os.rename(port_file + ".tmp", port_file)
    server.serve_forever()
    """#

  /// Serves the repositories under `root` (`http://127.0.0.1:<port>/<name>.git`).
  /// Started as a daemon, as ``SSHServer`` is, so that no test waits on it.
  public init(serving root: String, token: String = "s3cret-token") throws {
    self.token = token
    try scratch.write(Self.script, to: "server.py")
    let portFile = scratch.path("port")
    try ProcessRunner.run(
      "/bin/sh",
      ["-c", "setsid \(Self.python) server.py '\(root)' '\(token)' '\(portFile)' >server.log 2>&1 </dev/null &"],
      in: scratch.path
    ).requireSuccess("starting the HTTP git server")
    for _ in 0..<250 {
      if let text = try? String(contentsOfFile: portFile, encoding: .utf8) {
        let fields = text.split(separator: " ").compactMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        if fields.count == 2 {
          port = fields[0]
          pid = Int32(fields[1])
          return
        }
      }
      usleep(20_000)
    }
    throw Fixtures.Invalid(
      description: "the HTTP git server did not start: \((try? scratch.read("server.log")) ?? "no log")")
  }

  private var pid: Int32 = 0

  /// `http://127.0.0.1:<port>/<name>`.
  public func url(_ name: String) -> String { "http://127.0.0.1:\(port)/\(name)" }

  deinit {
    if pid > 0 { kill(pid, SIGTERM) }
  }
}

import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// An OpenSSH server on 127.0.0.1 for one test, with its own host key and one authorised user key,
/// and a home directory whose `~/.ssh` holds that key and the server in `known_hosts`.
public final class SSHServer: @unchecked Sendable {
  public static let executable = "/usr/sbin/sshd"
  public static var isAvailable: Bool { FileManager.default.isExecutableFile(atPath: executable) && getuid() == 0 }

  public let scratch = ScratchDirectory()
  public let port: Int

  /// A home directory whose `.ssh` holds the authorised key and the server in `known_hosts`.
  public var home: String { scratch.path("home") }

  /// Starts the server as a daemon: a child that ran for the whole test would stall Foundation's
  /// wait for every other child process meanwhile.
  public init() throws {
    try FileManager.default.createDirectory(atPath: scratch.path("home/.ssh"), withIntermediateDirectories: true)
    try FileManager.default.createDirectory(atPath: "/run/sshd", withIntermediateDirectories: true)
    for file in ["hostkey", "home/.ssh/id_ed25519"] {
      try ProcessRunner.run("/usr/bin/ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-f", file], in: scratch.path)
        .requireSuccess("ssh-keygen \(file)")
    }
    try FileManager.default.copyItem(
      atPath: scratch.path("home/.ssh/id_ed25519.pub"), toPath: scratch.path("authorized"))
    for _ in 0..<10 {
      let port = Int.random(in: 20_000..<60_000)
      try scratch.write(
        """
        Port \(port)
        ListenAddress 127.0.0.1
        HostKey \(scratch.path("hostkey"))
        AuthorizedKeysFile \(scratch.path("authorized"))
        PasswordAuthentication no
        KbdInteractiveAuthentication no
        PermitRootLogin prohibit-password
        StrictModes no
        UsePAM no
        PidFile \(scratch.path("sshd.pid"))

        """, to: "sshd_config")
      let started = try ProcessRunner.run(Self.executable, ["-f", scratch.path("sshd_config")], in: scratch.path)
      for _ in 0..<100 where started.status == 0 && !Self.canConnect(port: port) { usleep(20_000) }
      if started.status == 0, Self.canConnect(port: port) {
        self.port = port
        let hostKey = try scratch.read("hostkey.pub").split(separator: " ").prefix(2).joined(separator: " ")
        try scratch.write("[127.0.0.1]:\(port) \(hostKey)\n", to: "home/.ssh/known_hosts")
        return
      }
      Self.stop(pidFile: scratch.path("sshd.pid"))
    }
    throw Fixtures.Invalid(description: "sshd would not listen on any port tried")
  }

  private static func stop(pidFile: String) {
    guard let text = try? String(contentsOfFile: pidFile, encoding: .utf8),
      let pid = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines))
    else { return }
    kill(pid, SIGTERM)
    try? FileManager.default.removeItem(atPath: pidFile)
  }

  /// `ssh://root@127.0.0.1:<port><path>`.
  public func url(_ path: String) -> String { "ssh://root@127.0.0.1:\(port)\(path)" }

  private static func canConnect(port: Int) -> Bool {
    let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard descriptor >= 0 else { return false }
    defer { close(descriptor) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = in_port_t(UInt16(port).bigEndian)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    return withUnsafePointer(to: &address) { pointer in
      pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
      }
    }
  }

  deinit {
    Self.stop(pidFile: scratch.path("sshd.pid"))
  }
}

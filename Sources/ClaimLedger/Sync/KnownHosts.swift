/// Checks an ssh server's key against `~/.ssh/known_hosts` and `/etc/ssh/ssh_known_hosts`, as
/// OpenSSH does with `StrictHostKeyChecking yes`: a host that is not listed, or listed with
/// another key, is refused. (libgit2 1.5 does not read these files itself.)
struct KnownHosts {
  /// The files read, in order.
  let files: [String]

  init(home: String) {
    files = ["\(home)/.ssh/known_hosts", "/etc/ssh/ssh_known_hosts"]
  }

  /// Nil when `key` of type `keyType` is the known key of `host` (port 22) or `[host]:port`;
  /// otherwise why the connection is refused, and what to do.
  func check(host: String, port: Int, keyType: String?, key: [UInt8]?) -> String? {
    let name = port == 22 ? host : "[\(host)]:\(port)"
    guard let keyType, let key else {
      return "the ssh server \(name) did not show a host key claims can check; connect with another client"
    }
    var listed = false
    for file in files {
      guard let text = FileSystem.readText(at: file) else { continue }
      for line in text.split(whereSeparator: \.isNewline) {
        var fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard let first = fields.first, !first.hasPrefix("#") else { continue }
        var marker: String?
        if first.hasPrefix("@") {
          marker = first
          fields.removeFirst()
        }
        guard fields.count >= 3, Self.matches(name, patterns: fields[0]) else { continue }
        let sameKey = fields[1] == keyType && Base64.decode(fields[2]) == key
        if marker == "@revoked" {
          if sameKey { return "the host key of \(name) is marked revoked in \(file); ask the server's administrator" }
          continue
        }
        guard marker == nil else { continue }
        listed = true
        if sameKey { return nil }
      }
    }
    guard listed else {
      return
        "\(name) is not in ~/.ssh/known_hosts; check its fingerprint and connect once with ssh (or add it with ssh-keyscan), then retry"
    }
    return
      "the \(keyType) host key of \(name) does not match ~/.ssh/known_hosts (someone may be intercepting the connection); if the key changed on purpose, remove the old one with 'ssh-keygen -R \(name)' and retry"
  }

  /// Whether `name` matches a comma-separated list of patterns, hashed (`|1|salt|hash`) or with
  /// `*` and `?` wildcards; a negated pattern (`!pattern`) that matches excludes the name.
  static func matches(_ name: String, patterns: String) -> Bool {
    var matched = false
    for pattern in patterns.split(separator: ",").map(String.init) {
      if pattern.hasPrefix("|1|") {
        let parts = pattern.split(separator: "|", omittingEmptySubsequences: true)
        guard parts.count == 3, let salt = Base64.decode(parts[1]),
          let hash = Base64.decode(parts[2])
        else { continue }
        if SHA1.hmac(key: Array(salt), message: Array(name.utf8)) == Array(hash) { matched = true }
      } else if pattern.hasPrefix("!") {
        if wildcard(String(pattern.dropFirst()), matches: name.lowercased()) { return false }
      } else if wildcard(pattern.lowercased(), matches: name.lowercased()) {
        matched = true
      }
    }
    return matched
  }

  private static func wildcard(_ pattern: String, matches text: String) -> Bool {
    let pattern = Array(pattern)
    let text = Array(text)
    var memo: [Int: Bool] = [:]
    func match(_ p: Int, _ t: Int) -> Bool {
      if let known = memo[p * (text.count + 1) + t] { return known }
      let result: Bool
      if p == pattern.count {
        result = t == text.count
      } else if pattern[p] == "*" {
        result = match(p + 1, t) || (t < text.count && match(p, t + 1))
      } else {
        result = t < text.count && (pattern[p] == "?" || pattern[p] == text[t]) && match(p + 1, t + 1)
      }
      memo[p * (text.count + 1) + t] = result
      return result
    }
    return match(0, 0)
  }
}

#if canImport(Glibc)
  import Glibc
#endif

/// A buffered writer to a file descriptor; flushed when full, before reading input, and at exit.
/// Large writes bypass the buffer rather than being copied into it.
public final class FileDescriptorSink: TextSink {
  private static let bufferSize = 1 << 16
  private let descriptor: Int32
  private var buffer: [UInt8] = []
  /// Set once the reader has gone (claims list | head): nothing more is written.
  private var isClosed = false
  /// Whether a pipe's buffer was enlarged already (or need not be).
  private var isPipeSized = false

  public init(descriptor: Int32) {
    self.descriptor = descriptor
  }

  public func write(_ text: String) {
    var text = text
    text.withUTF8 { write(utf8: $0) }
  }

  public func write(utf8 bytes: UnsafeBufferPointer<UInt8>) {
    if buffer.count + bytes.count > Self.bufferSize { flush() }
    if bytes.count > Self.bufferSize {
      writeAll(bytes)
    } else {
      buffer.append(contentsOf: bytes)
    }
  }

  public func flushIfPossible() {
    flush()
  }

  /// Writes out everything buffered.
  public func flush() {
    buffer.withUnsafeBufferPointer { writeAll($0) }
    buffer.removeAll(keepingCapacity: true)
  }

  private func writeAll(_ bytes: UnsafeBufferPointer<UInt8>) {
    if bytes.count > Self.bufferSize { enlargePipe() }
    var offset = 0
    while offset < bytes.count && !isClosed {
      let count = Glibc.write(descriptor, bytes.baseAddress.map { $0 + offset }, bytes.count - offset)
      if count < 0 && errno == EINTR { continue }
      // A closed pipe (claims list | head) is not an error worth a message: stop writing.
      guard count > 0 else {
        isClosed = true
        break
      }
      offset += count
    }
  }

  /// Raises a pipe's buffer from 64 KiB to 1 MiB (the most Linux allows without privileges) before
  /// a large write: a report of 100 MB then crosses to its reader in a sixteenth of the wake-ups.
  private func enlargePipe() {
    guard !isPipeSized else { return }
    isPipeSized = true
    var info = stat()
    guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFIFO else { return }
    // F_SETPIPE_SZ; refused (and harmless) where the limit is lower.
    _ = fcntl(descriptor, 1031, Int32(1 << 20))
  }

  /// Whether the descriptor is a terminal.
  public var isTerminal: Bool { isatty(descriptor) == 1 }

  /// The width of the terminal the descriptor is, in columns; nil for anything else.
  public var terminalColumns: Int? {
    var size = winsize()
    guard isatty(descriptor) == 1, ioctl(descriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else {
      return nil
    }
    return Int(size.ws_col)
  }

  deinit {
    flush()
  }
}

/// Lines from a file descriptor, flushing the given sinks first so prompts appear before input.
public final class FileDescriptorLineSource: LineSource {
  private let descriptor: Int32
  private let sinksToFlush: [FileDescriptorSink]
  private var pending: [UInt8] = []
  private var isAtEnd = false

  public init(descriptor: Int32, flushing sinks: [FileDescriptorSink]) {
    self.descriptor = descriptor
    self.sinksToFlush = sinks
  }

  public func readLine() -> String? {
    if pending.isEmpty, !isAtEnd, isatty(descriptor) == 1, let echo = sinksToFlush.first, echo.isTerminal {
      return editLine(echoingTo: echo)
    }
    sinksToFlush.forEach { $0.flush() }
    while true {
      if let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
        let line = String(decoding: pending[..<newline], as: UTF8.self)
        pending.removeSubrange(...newline)
        return line.hasSuffix("\r") ? String(line.dropLast()) : line
      }
      if isAtEnd {
        guard !pending.isEmpty else { return nil }
        defer { pending.removeAll() }
        return String(decoding: pending, as: UTF8.self)
      }
      var chunk = [UInt8](repeating: 0, count: 4096)
      let count = chunk.withUnsafeMutableBytes { raw in read(descriptor, raw.baseAddress, raw.count) }
      if count < 0 && errno == EINTR { continue }
      if count <= 0 {
        isAtEnd = true
      } else {
        pending.append(contentsOf: chunk[..<count])
      }
    }
  }

  /// One key press, read in the terminal's raw mode so the reviewer need not press Enter; from a
  /// pipe, the next line.
  public func readKey() -> String? {
    guard isatty(descriptor) == 1 else { return readLine() }
    var saved = termios()
    guard tcgetattr(descriptor, &saved) == 0 else { return readLine() }
    var raw = saved
    // ISIG off too: Ctrl-C arrives as a key and ends the session like Ctrl-D, instead of a signal
    // killing the process with the terminal left without echo.
    raw.c_lflag &= ~tcflag_t(ICANON | ECHO | ISIG)
    withUnsafeMutableBytes(of: &raw.c_cc) { cc in
      cc[Int(VMIN)] = 1
      cc[Int(VTIME)] = 0
    }
    tcsetattr(descriptor, TCSANOW, &raw)
    defer { tcsetattr(descriptor, TCSANOW, &saved) }
    // The prompt shows only once the terminal is in raw mode: a key pressed the moment it appears
    // is read as a key (Ctrl-C too), never handled by the terminal first.
    sinksToFlush.forEach { $0.flush() }
    while true {
      guard let byte = readByte() else { return nil }
      switch byte {
      case 0x0A, 0x0D: return ""
      case 0x03, 0x04: return nil
      case 0x20...0x7E: return String(UnicodeScalar(byte))
      case 0x1B:
        // An arrow or other key's escape sequence: read what follows of it, and ignore the key.
        var rest: [UInt8] = []
        while rest.count < 8, let next = readByte(waiting: false) {
          rest.append(next)
          if rest.count > 1, (0x40...0x7E).contains(next) { break }
        }
      default:
        // Backspace, other control keys and the bytes of non-ASCII characters are no answer.
        continue
      }
    }
  }

  /// One byte from the descriptor; nil at the end of input or, when not `waiting`, when none comes
  /// within a tenth of a second (the rest of an escape sequence arrives at once).
  private func readByte(waiting: Bool = true) -> UInt8? {
    if !waiting {
      var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
      guard poll(&poller, 1, 100) == 1 else { return nil }
    }
    var byte: UInt8 = 0
    while true {
      let count = read(descriptor, &byte, 1)
      if count < 0 && errno == EINTR { continue }
      return count == 1 ? byte : nil
    }
  }

  /// A line typed at a terminal, with ``LineEditor``'s keys, echoed and redrawn on `echo` (the
  /// prompt before it is left alone). nil at the end of input (Ctrl-D on an empty line).
  private func editLine(echoingTo echo: FileDescriptorSink) -> String? {
    var saved = termios()
    guard tcgetattr(descriptor, &saved) == 0 else {
      sinksToFlush.forEach { $0.flush() }
      return nil
    }
    var raw = saved
    // ISIG off: Ctrl-C cancels the answer (``LineEditor``) rather than killing the process with the
    // terminal left in raw mode.
    raw.c_lflag &= ~tcflag_t(ICANON | ECHO | IEXTEN | ISIG)
    withUnsafeMutableBytes(of: &raw.c_cc) { cc in
      cc[Int(VMIN)] = 1
      cc[Int(VTIME)] = 0
    }
    tcsetattr(descriptor, TCSANOW, &raw)
    defer { tcsetattr(descriptor, TCSANOW, &saved) }
    // The prompt shows once the terminal is raw, so no key typed at once is echoed twice or lost.
    sinksToFlush.forEach { $0.flush() }
    var editor = LineEditor()
    var bytes: [UInt8] = []
    var shownCursor = 0
    while true {
      var chunk = [UInt8](repeating: 0, count: 64)
      let count = chunk.withUnsafeMutableBytes { raw in read(descriptor, raw.baseAddress, raw.count) }
      if count < 0 && errno == EINTR { continue }
      guard count > 0 else {
        isAtEnd = true
        echo.write("\n")
        echo.flush()
        return editor.characters.isEmpty ? nil : editor.text
      }
      bytes.append(contentsOf: chunk[..<count])
      let (keys, consumed) = LineEditor.keys(in: bytes, lineIsEmpty: editor.characters.isEmpty)
      bytes.removeFirst(consumed)
      var result: String??
      for key in keys {
        result = editor.apply(key)
        if result != nil { break }
      }
      // Redraw from where the line starts: back to its start, the text, clear the rest, back to the cursor.
      var screen = shownCursor > 0 ? "\u{1B}[\(shownCursor)D" : ""
      screen += TerminalText.sanitize(editor.text) + "\u{1B}[K"
      let back = editor.characters.count - editor.cursor
      if back > 0 { screen += "\u{1B}[\(back)D" }
      shownCursor = editor.cursor
      if let result {
        echo.write(screen + "\n")
        echo.flush()
        return result
      }
      echo.write(screen)
      echo.flush()
    }
  }

  /// Reads everything left, as bytes.
  public func readAll() -> [UInt8] {
    var bytes = pending
    pending.removeAll()
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let count = chunk.withUnsafeMutableBytes { raw in read(descriptor, raw.baseAddress, raw.count) }
      if count < 0 && errno == EINTR { continue }
      guard count > 0 else { break }
      bytes.append(contentsOf: chunk[..<count])
    }
    isAtEnd = true
    return bytes
  }
}

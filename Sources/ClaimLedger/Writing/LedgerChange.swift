public import ClaimModel

/// What one action does to the ledger: files written or removed, and the commit message saying so.
public struct LedgerChange: Sendable {
  /// One file written (with its new bytes) or removed (nil).
  public struct File: Sendable, Equatable {
    public var path: String
    public var contents: [UInt8]? {
      didSet { claim = nil }
    }
    /// The claim whose ``Claim/encoded()`` bytes `contents` are, when the file was made from it by
    /// ``record(_:at:)`` and not changed since: ``RecordLimits`` checks it without parsing the
    /// bytes back (an import writes ten thousand claims).
    private(set) var claim: Claim?

    public init(path: String, contents: [UInt8]?) {
      self.path = path
      self.contents = contents
    }

    /// A record written at `path` in its canonical form.
    public static func record(_ record: some LedgerRecord, at path: String) -> File {
      var file = File(path: path, contents: record.encoded())
      file.claim = record as? Claim
      return file
    }

    /// Files are the same when they write the same bytes at the same path, however made.
    public static func == (lhs: File, rhs: File) -> Bool {
      lhs.path == rhs.path && lhs.contents == rhs.contents
    }
  }

  public var files: [File]
  public var message: CommitMessage
  /// A commit made beforehand (a merge, or a tip fetched from a remote) to move the branch to,
  /// instead of one made from `files`; `files` then lists the paths it changes, without contents.
  var prepared: PreparedCommit?

  public init(files: [File], message: CommitMessage) {
    self.files = files
    self.message = message
  }
}

/// A commit a write made.
public struct CommitResult: Sendable, Equatable {
  /// The new commit's id, 40 hexadecimal digits.
  public var commit: String
  /// The paths the commit changed.
  public var paths: [String]
  /// Problems met on the way that did not stop the write (an index that could not be updated).
  public var warnings: [String]
}

internal import CLibGit2

#if canImport(Glibc)
  import Glibc
#endif

/// A failure reported by libgit2, with its message, error class and the function that failed.
public struct GitError: Error, Equatable, Sendable, CustomStringConvertible {
  /// What went wrong, by libgit2's return code.
  public enum Code: Equatable, Sendable {
    case notFound, exists, ambiguous, bareRepository, unbornBranch, nonFastForward, invalidSpec, conflict
    case locked, modified, authentication, certificate, invalid, uncommitted, mergeConflict, owner
    /// A tree is nested deeper than ``Repository/maximumTreeDepth`` (not a libgit2 code: walking it
    /// would exhaust the stack or the memory).
    case tooDeep
    case other(Int32)

    init(_ rawValue: Int32) {
      switch rawValue {
      case GIT_ENOTFOUND.rawValue: self = .notFound
      case GIT_EEXISTS.rawValue: self = .exists
      case GIT_EAMBIGUOUS.rawValue: self = .ambiguous
      case GIT_EBAREREPO.rawValue: self = .bareRepository
      case GIT_EUNBORNBRANCH.rawValue: self = .unbornBranch
      case GIT_ENONFASTFORWARD.rawValue: self = .nonFastForward
      case GIT_EINVALIDSPEC.rawValue: self = .invalidSpec
      case GIT_ECONFLICT.rawValue: self = .conflict
      case GIT_ELOCKED.rawValue: self = .locked
      case GIT_EMODIFIED.rawValue: self = .modified
      case GIT_EAUTH.rawValue: self = .authentication
      case GIT_ECERTIFICATE.rawValue: self = .certificate
      case GIT_EINVALID.rawValue: self = .invalid
      case GIT_EUNCOMMITTED.rawValue: self = .uncommitted
      case GIT_EMERGECONFLICT.rawValue: self = .mergeConflict
      case GIT_EOWNER.rawValue: self = .owner
      default: self = .other(rawValue)
      }
    }
  }

  /// The return code, classified.
  public let code: Code
  /// libgit2's message, or a description of the code when libgit2 left none.
  public let message: String
  /// libgit2's error class (`GIT_ERROR_REFERENCE`, …) as a number; 0 when unknown.
  public let errorClass: Int32
  /// The libgit2 function that failed.
  public let function: String
  /// `errno` as the failing call left it (`ENOSPC` for a full disk), for failures of the
  /// operating system; libgit2's message may not say (some paths leave none at all).
  public let systemErrorNumber: Int32?

  /// Makes an error that did not come from a libgit2 call (a nil handle, an impossible state).
  public init(code: Code, message: String, function: String = #function) {
    self.code = code
    self.message = message
    self.errorClass = 0
    self.function = function
    self.systemErrorNumber = nil
  }

  init(returnCode: Int32, function: String) {
    // First, before any other call can change it.
    let systemError = errno
    code = Code(returnCode)
    // libgit2 1.5 may leave git_error_last() NULL or stale; read it at once and tolerate NULL.
    if let last = git_error_last(), let text = last.pointee.message {
      message = String(cString: text)
      errorClass = last.pointee.klass
    } else {
      message = "libgit2 returned \(returnCode)"
      errorClass = 0
    }
    self.function = function
    // libgit2 reports a system call's failure with class GIT_ERROR_OS, or with no error at all.
    systemErrorNumber = errorClass == GIT_ERROR_OS.rawValue || errorClass == 0 ? systemError : nil
  }

  public var description: String { "\(message) (\(function), code \(codeNumber), class \(errorClass))" }

  private var codeNumber: String {
    switch code {
    case .other(let value): String(value)
    default: String(describing: code)
    }
  }
}

/// Turns a libgit2 return code into a thrown ``GitError``; non-negative codes pass.
@discardableResult
func check(_ returnCode: Int32, function: String = #function) throws(GitError) -> Int32 {
  guard returnCode < 0 else { return returnCode }
  throw GitError(returnCode: returnCode, function: function)
}

import ClaimModel
import Testing

@Suite struct CommitActionTests {
  /// Every `Action:` value any build of claims has written (`git log -S'TrailerKey.action'`), as
  /// spelled in the ledgers it wrote: these spellings may never change.
  static let writtenNames = [
    "init", "import", "reimport", "verdict", "cite", "uncite", "note", "withdraw", "withdraw-verdict", "archive",
    "assign", "unassign", "dismiss", "undismiss", "claimant", "factchecks", "link", "unlink", "sync",
  ]

  static func isUnknown(_ action: CommitAction) -> Bool {
    if case .unknown = action { return true }
    return false
  }

  @Test(arguments: CommitAction.named)
  func everyNamedActionRoundTripsThroughACommitMessage(_ action: CommitAction) {
    let message = CommitMessage(
      subject: "\(action.rawValue): something", trailers: [.init(TrailerKey.claim, "0123456789"), .action(action)])
    #expect(message.text.contains("\nAction: \(action.rawValue)\n"))
    let parsed = CommitMessage(parsing: message.text)
    #expect(parsed.action == action)
    #expect(parsed.action.map(Self.isUnknown) == false)
    #expect(parsed.text == message.text)
  }

  @Test(arguments: writtenNames)
  func everyNameClaimsHasWrittenReadsAsAKnownCaseAndIsWrittenTheSame(_ name: String) {
    let action = CommitAction(rawValue: name)
    #expect(!Self.isUnknown(action))
    #expect(action.rawValue == name)
    #expect(CommitAction.named.contains(action))
  }

  @Test func namesAreDistinctAndOnlyMergeAndEditAreNeverWritten() {
    let names = CommitAction.named.map(\.rawValue)
    #expect(Set(names).count == names.count)
    #expect(Set(names).subtracting(Self.writtenNames) == ["merge", "edit"])
    #expect(!CommitAction.named.contains { Self.isUnknown($0) })
  }

  @Test(arguments: ["embargo", "Verdict", "withdraw verdict", "verdict-v2", "vérdict", ""])
  func anActionThisBuildDoesNotKnowIsKeptAsWritten(_ name: String) {
    let text = "\(name): 0123456789\n\nClaim: 0123456789\nAction: \(name)\nClaims-Format: 9\n"
    let parsed = CommitMessage(parsing: text)
    let action = parsed.action
    #expect(action == .unknown(name))
    #expect(action.map(Self.isUnknown) == true)
    #expect(action?.rawValue == name)
    #expect(action?.description == name)
    // Written again, the message is the same text.
    #expect(CommitMessage(subject: parsed.subject, trailers: parsed.trailers).text == text)
    #expect(action != .verdict)
  }

  @Test func aMessageWithoutAnActionTrailerHasNoAction() {
    #expect(CommitMessage(parsing: "Fix typo\n\nJust a body.\n").action == nil)
    #expect(CommitMessage(parsing: "Fix typo\n\nSigned-off-by: A <a@example.org>\n").action == nil)
  }

  @Test func theTrailerKeyIsReadWhateverItsCaseButTheNameIsExact() {
    #expect(CommitMessage(parsing: "x\n\naction: cite\n").action == .cite)
    #expect(CommitMessage(parsing: "x\n\nAction: Cite\n").action == .unknown("Cite"))
  }

  @Test func actionsAreTheSameWhenWrittenTheSame() {
    #expect(CommitAction(rawValue: "withdraw-verdict") == .withdrawVerdict)
    #expect(CommitAction(rawValue: "init") == .initialize)
    #expect(CommitAction(rawValue: "factchecks") == .factChecks)
    #expect(Set([CommitAction.verdict, CommitAction(rawValue: "verdict")]).count == 1)
  }
}

import ClaimMatching
import ClaimModel
import Testing

@testable import ClaimLedger

/// The checks an update gathers as encoded bytes (``CheckList``) and the table written from them.
@Suite struct CheckListTests {
  private func check(_ key: String, verdict: String) -> EarlierCheck {
    EarlierCheck(kind: .claim, key: key, text: "text of \(key)", verdict: verdict, checkedBy: "Ann", date: "2026-12-06")
  }

  @Test func theTableFindsEveryCheckByKeyWhateverTheOrderTheyWereAddedIn() {
    var list = CheckList()
    let keys = ["b2", "a1", "https://example.org/é", "c3", "a10", "0"]
    for key in keys { list.add(check(key, verdict: "supported")) }
    let table = list.table
    #expect(table.count == keys.count)
    for key in keys { #expect(table.check(key) == check(key, verdict: "supported")) }
    #expect(table.check("a") == nil)
    #expect(table.check("zz") == nil)
  }

  @Test func aLaterCheckOfTheSameKeyReplacesTheEarlierOne() {
    var list = CheckList()
    list.add(check("a1", verdict: "supported"))
    list.add(check("b2", verdict: "supported"))
    var more = CheckList()
    more.add(check("a1", verdict: "refuted"))
    list.append(more)
    let table = list.table
    #expect(table.count == 2)
    #expect(table.check("a1")?.verdict == "refuted")
    #expect(table.check("b2")?.verdict == "supported")
  }

  @Test func theTableWrittenInPartsIsTheTableOfTheSameChecksAsADictionary() {
    var list = CheckList()
    var checks: [String: EarlierCheck] = [:]
    for number in 0..<3_000 {
      let key = "claim-\(number * 7919 % 3_000)"
      checks[key] = check(key, verdict: number.isMultiple(of: 2) ? "supported" : "refuted")
      list.add(check(key, verdict: number.isMultiple(of: 2) ? "supported" : "refuted"))
    }
    var parts: [[UInt8]] = []
    list.encode { parts.append(Array($0)) }
    let table = CheckTable(encoded: Array(parts.joined()))
    #expect(table.all() == checks)
    #expect(CheckTable(checks).all() == checks)
  }
}

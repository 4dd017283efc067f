/// A date as reviewers write it: `2024`, `2024-09`, `2024-09-18`, or an ISO 8601 timestamp
/// (`2024-09-18T14:05:00Z`). Kept as text, checked for being a real date.
public struct CalendarDate: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// The date as written.
  public let text: String

  /// Accepts a well-formed date, or returns nil (`2024-02-30`, `yesterday`).
  public init?(_ text: String) {
    guard Self.isValid(text) else { return nil }
    self.text = text
  }

  /// The date a timestamp falls on, e.g. for `--accessed` defaulting to today.
  public init(day timestamp: Timestamp) {
    text = String(timestamp.text.prefix(10))
  }

  public var description: String { text }

  public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool { lhs.text < rhs.text }

  private static func isValid(_ text: String) -> Bool {
    var text = text
    return text.withUTF8 { isValid($0) }
  }

  // Bytes, not a String: reports check hundreds of thousands of dates and timestamps.
  static func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    func number(_ range: Range<Int>) -> Int? {
      guard range.upperBound <= bytes.count else { return nil }
      var value = 0
      for byte in bytes[range] {
        guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
        value = value * 10 + Int(byte - UInt8(ascii: "0"))
      }
      return value
    }
    guard let year = number(0..<4), year >= 1 else { return false }
    if bytes.count == 4 { return true }
    guard bytes.count >= 7, bytes[4] == UInt8(ascii: "-"), let month = number(5..<7), (1...12).contains(month)
    else { return false }
    if bytes.count == 7 { return true }
    guard bytes.count >= 10, bytes[7] == UInt8(ascii: "-"), let day = number(8..<10) else { return false }
    let isLeap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    let monthLength =
      switch month {
      case 2: isLeap ? 29 : 28
      case 4, 6, 9, 11: 30
      default: 31
      }
    guard (1...monthLength).contains(day) else { return false }
    if bytes.count == 10 { return true }
    return Timestamp.isValid(bytes)
  }
}

/// A moment in UTC, written `YYYY-MM-DDTHH:MM:SSZ`; sorts as text.
public struct Timestamp: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// The timestamp as written.
  public let text: String

  /// Accepts `YYYY-MM-DDTHH:MM:SSZ`, or returns nil.
  public init?(_ text: String) {
    var copy = text
    guard copy.withUTF8({ Self.isValid($0) }) else { return nil }
    self.text = text
  }

  static func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard bytes.count == 20, bytes[10] == UInt8(ascii: "T"), bytes[13] == UInt8(ascii: ":"),
      bytes[16] == UInt8(ascii: ":"), bytes[19] == UInt8(ascii: "Z"),
      CalendarDate.isValid(UnsafeBufferPointer(rebasing: bytes[0..<10]))
    else { return false }
    for index in [11, 12, 14, 15, 17, 18] where bytes[index] < UInt8(ascii: "0") || bytes[index] > UInt8(ascii: "9") {
      return false
    }
    let hour = Int(bytes[11] - 48) * 10 + Int(bytes[12] - 48)
    let minute = Int(bytes[14] - 48) * 10 + Int(bytes[15] - 48)
    let second = Int(bytes[17] - 48) * 10 + Int(bytes[18] - 48)
    return hour < 24 && minute < 60 && second < 61
  }

  /// The timestamp of `secondsSince1970` seconds after the Unix epoch.
  public init(secondsSince1970 seconds: Int64) {
    let days = Int(seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400)
    let secondOfDay = Int(seconds - Int64(days) * 86_400)
    // Howard Hinnant's days-to-civil algorithm.
    let shifted = days + 719_468
    let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
    let dayOfEra = shifted - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let monthIndex = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
    let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
    let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    func pad(_ value: Int, _ width: Int) -> String {
      let digits = String(value)
      return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
    text =
      "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T\(pad(secondOfDay / 3600, 2)):"
      + "\(pad(secondOfDay / 60 % 60, 2)):\(pad(secondOfDay % 60, 2))Z"
  }

  /// Seconds since the Unix epoch.
  public var secondsSince1970: Int64 {
    let bytes = Array(text.utf8)
    func number(_ range: Range<Int>) -> Int {
      bytes[range].reduce(0) { $0 * 10 + Int($1 - 48) }
    }
    let (year, month, day) = (number(0..<4), number(5..<7), number(8..<10))
    let adjustedYear = month <= 2 ? year - 1 : year
    let era = (adjustedYear >= 0 ? adjustedYear : adjustedYear - 399) / 400
    let yearOfEra = adjustedYear - era * 400
    let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    let days = era * 146_097 + dayOfEra - 719_468
    return Int64(days) * 86_400 + Int64(number(11..<13) * 3600 + number(14..<16) * 60 + number(17..<19))
  }

  public var description: String { text }

  public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool { lhs.text < rhs.text }
}

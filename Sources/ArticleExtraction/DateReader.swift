/// Reads the dates pages write in their metadata (ISO 8601, RFC 2822, "November 19, 2019,
/// 07:47 PM EST", "Tue Nov 19 2019 03:05:46 GMT+0000"...) and writes them in ISO 8601:
/// `2019-11-19` for a day, `2019-11-19T19:47:00-05:00` with a time and a known zone,
/// `2019-11-19T19:47:00` with a time in an unknown zone.
enum DateReader {
  private static let months: [String: Int] = [
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4, "may": 5,
    "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9,
    "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
  ]

  /// Zone abbreviations in wide use on news sites, in minutes east of UTC.
  private static let zones: [String: Int] = [
    "z": 0, "utc": 0, "gmt": 0, "ut": 0, "est": -300, "edt": -240, "cst": -360, "cdt": -300, "mst": -420,
    "mdt": -360, "pst": -480, "pdt": -420, "bst": 60, "cet": 60, "cest": 120, "eet": 120, "eest": 180,
    "ist": 330, "jst": 540, "kst": 540, "aest": 600, "aedt": 660,
  ]

  /// Years outside this range are placeholders (`0001-01-01`) or typing errors.
  static let plausibleYears = 1990...2100

  /// The date in ISO 8601, or nil when `text` holds no date that can be read unambiguously.
  static func normalize(_ text: String) -> String? {
    let tokens = tokenize(text)
    var year: Int?
    var month: Int?
    var day: Int?
    var hour: Int?
    var minute = 0
    var second = 0
    var offset: Int?
    var pendingNumbers: [Int] = []
    var index = 0
    while index < tokens.count {
      let token = tokens[index]
      index += 1
      switch token {
      case .number(let value, let digits):
        if digits == 4, plausibleYears.contains(value), year == nil {
          year = value
        } else if digits <= 2 {
          pendingNumbers.append(value)
        } else if digits == 8, year == nil, plausibleYears.contains(value / 10000) {
          year = value / 10000  // 20191119
          month = value / 100 % 100
          day = value % 100
        }
      case .time(let h, let m, let s):
        hour = h
        minute = m
        second = s
      case .word(let word):
        if let value = months[word], month == nil {
          month = value
        } else if word == "pm", let h = hour, h < 12 {
          hour = h + 12
        } else if word == "am", hour == 12 {
          hour = 0
        } else if let zone = zones[word], offset == nil {
          offset = zone
          // "GMT+0000", "UTC-5"
          if index < tokens.count, case .offset(let minutes) = tokens[index] {
            offset = zone + minutes
            index += 1
          }
        }
      case .offset(let minutes):
        if hour != nil, offset == nil { offset = minutes }
      case .isoDate(let y, let m, let d):
        if year == nil {
          year = y
          month = m
          day = d
        }
      }
    }
    // Day and month from the numbers that are left: "19 Nov", "Nov 19", "19.11.2019", "11/19/2019".
    if month == nil {
      let candidates = pendingNumbers.filter { $0 >= 1 && $0 <= 31 }
      guard candidates.count >= 2 else { return nil }
      let (first, second) = (candidates[0], candidates[1])
      if first > 12 && second <= 12 {
        day = first
        month = second
      } else if second > 12 && first <= 12 {
        month = first
        day = second
      } else {
        return nil  // 05/10/2018: May 10 or 5 October?
      }
    } else if day == nil {
      day = pendingNumbers.first { $0 >= 1 && $0 <= 31 }
    }
    guard let year, plausibleYears.contains(year), let month, let day, (1...12).contains(month),
      (1...daysIn(month, year)).contains(day)
    else {
      return nil
    }
    var result = pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2)
    guard let hour, hour < 24, minute < 60, second < 61 else { return result }
    result += "T" + pad(hour, 2) + ":" + pad(minute, 2) + ":" + pad(second, 2)
    if let offset {
      if offset == 0 { return result + "Z" }
      let sign = offset < 0 ? "-" : "+"
      result += sign + pad(abs(offset) / 60, 2) + ":" + pad(abs(offset) % 60, 2)
    }
    return result
  }

  private static func daysIn(_ month: Int, _ year: Int) -> Int {
    switch month {
    case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }

  private static func pad(_ value: Int, _ width: Int) -> String {
    let digits = String(value)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
  }

  private enum Token {
    case number(Int, digits: Int)
    case word(String)
    case time(Int, Int, Int)
    /// A signed offset such as `+05:30`, `-0600`, `+08`, in minutes.
    case offset(Int)
    case isoDate(Int, Int, Int)
  }

  private static func tokenize(_ text: String) -> [Token] {
    let bytes = Array(text.utf8.prefix(120))
    var tokens: [Token] = []
    var index = 0
    func digits(from start: Int) -> (value: Int, count: Int) {
      var value = 0
      var position = start
      while position < bytes.count, position - start < 9, bytes[position] >= 0x30, bytes[position] <= 0x39 {
        value = value * 10 + Int(bytes[position] - 0x30)
        position += 1
      }
      return (value, position - start)
    }
    while index < bytes.count {
      let byte = bytes[index]
      if byte >= 0x30 && byte <= 0x39 {
        let (value, count) = digits(from: index)
        var end = index + count
        // 2019-11-19
        if count == 4, end + 5 < bytes.count + 1, end < bytes.count, bytes[end] == UInt8(ascii: "-") {
          let (month, monthCount) = digits(from: end + 1)
          let afterMonth = end + 1 + monthCount
          if monthCount >= 1, monthCount <= 2, afterMonth < bytes.count, bytes[afterMonth] == UInt8(ascii: "-") {
            let (day, dayCount) = digits(from: afterMonth + 1)
            if dayCount >= 1, dayCount <= 2 {
              tokens.append(.isoDate(value, month, day))
              index = afterMonth + 1 + dayCount
              continue
            }
          }
        }
        // 07:47 or 07:47:12(.123)
        if count <= 2, end < bytes.count, bytes[end] == UInt8(ascii: ":") {
          let (minute, minuteCount) = digits(from: end + 1)
          if minuteCount == 2 {
            end += 1 + minuteCount
            var second = 0
            if end < bytes.count, bytes[end] == UInt8(ascii: ":") {
              let (value, secondCount) = digits(from: end + 1)
              if secondCount == 2 {
                second = value
                end += 1 + secondCount
              }
            }
            if end < bytes.count, bytes[end] == UInt8(ascii: ".") || bytes[end] == UInt8(ascii: ",") {
              let (_, fractionCount) = digits(from: end + 1)
              if fractionCount > 0 { end += 1 + fractionCount }
            }
            tokens.append(.time(value, minute, second))
            index = end
            continue
          }
        }
        tokens.append(.number(value, digits: count))
        index = end
        continue
      }
      if (byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")), index + 1 < bytes.count,
        bytes[index + 1] >= 0x30, bytes[index + 1] <= 0x39, case .time = tokens.last
      {
        let sign = byte == UInt8(ascii: "-") ? -1 : 1
        let (value, count) = digits(from: index + 1)
        var end = index + 1 + count
        var minutes: Int
        if count == 4 {
          minutes = value / 100 * 60 + value % 100
        } else if count <= 2 {
          minutes = value * 60
          if end < bytes.count, bytes[end] == UInt8(ascii: ":") {
            let (extra, extraCount) = digits(from: end + 1)
            if extraCount == 2 {
              minutes += extra
              end += 1 + extraCount
            }
          }
        } else {
          index = end
          continue
        }
        tokens.append(.offset(sign * minutes))
        index = end
        continue
      }
      if (byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")), index + 1 < bytes.count,
        bytes[index + 1] >= 0x30, bytes[index + 1] <= 0x39, case .word(let word) = tokens.last,
        zones[word] != nil
      {
        // GMT+0000, UTC-5
        let sign = byte == UInt8(ascii: "-") ? -1 : 1
        let (value, count) = digits(from: index + 1)
        let minutes = count == 4 ? value / 100 * 60 + value % 100 : value * 60
        tokens.append(.offset(sign * minutes))
        index += 1 + count
        continue
      }
      if byte.isASCIIAlphanumeric {
        var end = index
        while end < bytes.count, bytes[end].isASCIIAlphanumeric, !(bytes[end] >= 0x30 && bytes[end] <= 0x39) {
          end += 1
        }
        let word = String(decoding: bytes[index..<end].map(\.lowercasedASCII), as: UTF8.self)
        // "T" between an ISO date and its time, "Z" after it.
        tokens.append(.word(word == "t" ? "" : word))
        index = end
        continue
      }
      index += 1
    }
    return tokens
  }
}

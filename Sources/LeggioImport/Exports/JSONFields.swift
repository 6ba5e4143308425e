import Foundation

/// Loose reading of JSON values from exports, whose writers disagree on types: a flag
/// may be `true`, `1`, `"1"` or `"true"`; a list of tags may be strings, objects with a
/// `label` or `name`, or one comma-separated string.
enum JSONFields {
  /// The JSON at `data` as Foundation objects, or a reason naming where it broke.
  static func parse(_ data: Data) -> Result<Any, ExportProblemReason> {
    do {
      return .success(try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]))
    } catch {
      let description = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String
      return .failure(ExportProblemReason("is not valid JSON (\(description ?? "\(error)"))"))
    }
  }

  static func string(_ value: Any?) -> String? {
    switch value {
    case let text as String:
      let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
      return trimmed.isEmpty ? nil : trimmed
    case let number as NSNumber: return number.stringValue
    default: return nil
    }
  }

  static func bool(_ value: Any?) -> Bool {
    switch value {
    case let flag as Bool: flag
    case let number as NSNumber: number.intValue != 0
    case let text as String: ["1", "true", "yes"].contains(text.lowercased())
    default: false
    }
  }

  static func date(_ value: Any?) -> Date? {
    if let number = value as? NSNumber, !(value is Bool) {
      return ExportDate.epoch(number.doubleValue)
    }
    return ExportDate.parse(string(value))
  }

  static func tags(_ value: Any?) -> [String] {
    switch value {
    case let list as [Any]:
      TagList.cleaned(
        list.compactMap { element in
          if let object = element as? [String: Any] {
            return string(object["label"] ?? object["name"] ?? object["slug"])
          }
          return string(element)
        })
    case let text as String: TagList.parse(text)
    default: []
    }
  }
}

/// A reason an entry could not be read, before the entry is named.
struct ExportProblemReason: Error {
  var text: String
  init(_ text: String) { self.text = text }
}

import Foundation

/// Reads RSS's `author` forms: "jane@example.com (Jane Doe)", "Jane Doe <jane@example.com>",
/// "jane@example.com", "Jane Doe". A parenthesis that follows no email address is part of
/// the name ("Author (name)").
enum FeedPersonParser {
  static func parse(_ raw: String) -> FeedPerson? {
    let text = FeedTextCleaner.line(raw)
    guard !text.isEmpty else { return nil }
    if text.hasSuffix(")"), let open = text.firstIndex(of: "(") {
      let before = text[..<open].trimmingCharacters(in: .whitespaces)
      let inside = text[text.index(after: open)..<text.index(before: text.endIndex)]
        .trimmingCharacters(in: .whitespaces)
      if isEmail(before) {
        return FeedPerson(name: inside.isEmpty ? nil : inside, email: before)
      }
    }
    if text.hasSuffix(">"), let open = text.lastIndex(of: "<") {
      let name = text[..<open].trimmingCharacters(in: .whitespaces)
      let email = text[text.index(after: open)..<text.index(before: text.endIndex)]
      if isEmail(String(email)) {
        return FeedPerson(name: name.isEmpty ? nil : name, email: String(email))
      }
    }
    if isEmail(text) { return FeedPerson(email: text) }
    return FeedPerson(name: text)
  }

  static func isEmail(_ text: String) -> Bool {
    guard let at = text.firstIndex(of: "@"), at != text.startIndex else { return false }
    return !text.contains(" ") && text[text.index(after: at)...].contains(".")
  }
}

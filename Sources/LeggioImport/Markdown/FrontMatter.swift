import Foundation

/// The YAML-style front matter at the top of a Markdown file:
///
/// ```
/// ---
/// title: "Una lettera da Milano"
/// author: Mario Rossi
/// date: 2023-08-16 20:24
/// tags: [viaggi, lettere]
/// ---
/// ```
///
/// Only flat `key: value` pairs and lists (inline `[a, b]` or `- a` lines) are read; that
/// is all Jekyll, Hugo, Obsidian and Pandoc notes put there for an article.
struct FrontMatter: Equatable {

  // Regex literals are compiled when first used; kept here so that happens once.
  nonisolated(unsafe) private static let yamlLinePattern = #/^[A-Za-z0-9_.-]+:(\s|$)/#
  var fields: [String: String] = [:]
  var lists: [String: [String]] = [:]

  /// Splits the front matter from the rest of the text; nil when the text has none.
  static func split(_ text: String) -> (FrontMatter, body: Substring)? {
    guard text.hasPrefix("---\n") || text.hasPrefix("---\r\n") else { return nil }
    let afterOpening = text[text.index(text.startIndex, offsetBy: 4)...]
    var lines: [Substring] = []
    var cursor = afterOpening.startIndex
    while cursor < afterOpening.endIndex {
      let end = afterOpening[cursor...].firstIndex(of: "\n") ?? afterOpening.endIndex
      let line = afterOpening[cursor..<end]
      let next = end < afterOpening.endIndex ? afterOpening.index(after: end) : end
      if line == "---" || line == "..." {
        // A rule at the top of a note is not front matter: every line must be YAML-ish,
        // and one at least a `key:` (two rules with nothing between are two rules).
        guard lines.allSatisfy(isYAMLLine), lines.contains(where: isKeyLine) else { return nil }
        return (parse(lines), afterOpening[next...])
      }
      lines.append(line)
      cursor = next
    }
    return nil
  }

  /// `key: value`, `key:`, an indented or `- ` list line, a `#` comment, or blank.
  private static func isYAMLLine(_ line: Substring) -> Bool {
    if line.allSatisfy(\.isWhitespace) || line.hasPrefix(" ") || line.hasPrefix("\t")
      || line.hasPrefix("- ") || line.hasPrefix("#")
    {
      return true
    }
    return line.firstMatch(of: Self.yamlLinePattern) != nil
  }

  /// `key: value` or `key:`, not indented.
  private static func isKeyLine(_ line: Substring) -> Bool {
    line.firstMatch(of: Self.yamlLinePattern) != nil
  }

  private static func parse(_ lines: [Substring]) -> FrontMatter {
    var matter = FrontMatter()
    var currentKey: String?
    for line in lines {
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      if trimmed.hasPrefix("- "), let key = currentKey {
        matter.lists[key, default: []].append(unquote(trimmed.dropFirst(2)))
        continue
      }
      guard !line.hasPrefix(" "), let colon = line.firstIndex(of: ":") else { continue }
      let key = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
      let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
      currentKey = key
      if value.hasPrefix("[") && value.hasSuffix("]") {
        matter.lists[key] = value.dropFirst().dropLast().split(separator: ",").map(unquote)
          .filter { !$0.isEmpty }
      } else if !value.isEmpty {
        matter.fields[key] = unquote(Substring(value))
      }
    }
    return matter
  }

  private static func unquote(_ value: Substring) -> String {
    let trimmed = value.trimmingCharacters(in: .whitespaces)
    if trimmed.count >= 2, let first = trimmed.first, first == trimmed.last,
      first == "\"" || first == "'"
    {
      return String(trimmed.dropFirst().dropLast())
    }
    return trimmed
  }

  /// The first of `keys` that has a value.
  func value(_ keys: String...) -> String? {
    keys.lazy.compactMap { fields[$0] }.first
  }

  /// A list field, also accepting a comma-separated single value (`tags: a, b`).
  func list(_ key: String) -> [String] {
    if let list = lists[key] { return list }
    guard let value = fields[key] else { return [] }
    return value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
      .filter { !$0.isEmpty }
  }
}

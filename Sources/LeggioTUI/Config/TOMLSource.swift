import Foundation
import TOMLKit

/// A TOML file parsed with TOMLKit, its text kept so that a problem can name the line of
/// the key it is about (TOMLKit reports lines only for syntax errors).
struct TOMLSource {
  /// The file as messages name it.
  let file: String
  let text: String
  let table: TOMLTable

  /// A syntax error: the line and column TOMLKit reports, and its description.
  struct SyntaxError: Error {
    let line: Int
    let column: Int
    let message: String
  }

  init(text: String, file: String) throws(SyntaxError) {
    self.file = file
    self.text = text
    self.lines = TOMLSource.indexLines(text)
    do {
      self.table = try TOMLTable(string: text)
    } catch let error as TOMLParseError {
      throw SyntaxError(
        line: error.source.begin.line, column: error.source.begin.column,
        message: error.description)
    } catch {
      throw SyntaxError(line: 1, column: 1, message: "\(error)")
    }
  }

  /// The 1-based line that defines `path` (`["roles", "link", "fg"]`), whether written as
  /// a table header, a dotted key, or a key of an inline table; the line of the longest
  /// prefix of the path when the key itself is not written out.
  func line(of path: [String]) -> Int? {
    var length = path.count
    while length > 0 {
      if let line = lines[path.prefix(length).joined(separator: "\u{0}")] { return line }
      length -= 1
    }
    return nil
  }

  /// The first line of every key path the text writes, paths joined by NUL.
  private let lines: [String: Int]

  private static func indexLines(_ text: String) -> [String: Int] {
    var index: [String: Int] = [:]
    func note(_ path: [String], _ line: Int) {
      let key = path.joined(separator: "\u{0}")
      if index[key] == nil { index[key] = line }
    }
    var table: [String] = []
    for (number, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false)
      .enumerated()
    {
      let line = stripComment(String(rawLine)).trimmingCharacters(in: .whitespaces)
      if line.hasPrefix("[") {
        let inner = line.trimmingCharacters(in: CharacterSet(charactersIn: "[] "))
        table = keyComponents(inner)
        for length in 1...max(1, table.count) { note(Array(table.prefix(length)), number + 1) }
      } else if let equals = assignment(in: line) {
        let key = table + keyComponents(String(line[..<equals]))
        note(key, number + 1)
        for inner in inlineKeys(line[line.index(after: equals)...]) {
          note(key + inner, number + 1)
        }
      }
    }
    return index
  }

  /// The keys of an inline table written on one line (`{ fg = "x", bold = true }`),
  /// nested tables included, as paths.
  private static func inlineKeys(_ rest: Substring) -> [[String]] {
    var paths: [[String]] = []
    var stack: [[String]] = []
    var current = ""
    var lastKey: [String]?
    var quote: Character?
    var expectingKey = false
    for character in rest {
      if let open = quote {
        if character == open { quote = nil }
        if expectingKey { current.append(character) }
        continue
      }
      switch character {
      case "\"", "'":
        quote = character
        if expectingKey { current.append(character) }
      case "{":
        stack.append(lastKey ?? [])
        lastKey = nil
        expectingKey = true
        current = ""
      case "}":
        if !stack.isEmpty { stack.removeLast() }
        expectingKey = false
      case ",":
        expectingKey = true
        current = ""
      case "=" where expectingKey:
        let key = stack.flatMap { $0 } + keyComponents(current)
        paths.append(key)
        lastKey = keyComponents(current)
        expectingKey = false
      default:
        if expectingKey { current.append(character) }
      }
    }
    return paths
  }

  /// The index of the `=` of a `key = value` line.
  private static func assignment(in line: String) -> String.Index? {
    firstUnquoted("=", in: line)
  }

  /// The first `target` outside a quoted string.
  private static func firstUnquoted(_ target: Character, in line: String) -> String.Index? {
    var quote: Character?
    for index in line.indices {
      let character = line[index]
      if let open = quote {
        if character == open { quote = nil }
      } else if character == "\"" || character == "'" {
        quote = character
      } else if character == target {
        return index
      }
    }
    return nil
  }

  /// `a."b.c".d` -> ["a", "b.c", "d"].
  static func keyComponents(_ key: String) -> [String] {
    var components: [String] = []
    var current = ""
    var quote: Character?
    for character in key {
      if let open = quote {
        if character == open { quote = nil } else { current.append(character) }
      } else if character == "\"" || character == "'" {
        quote = character
      } else if character == "." {
        components.append(current.trimmingCharacters(in: .whitespaces))
        current = ""
      } else {
        current.append(character)
      }
    }
    components.append(current.trimmingCharacters(in: .whitespaces))
    return components
  }

  private static func stripComment(_ line: String) -> String {
    firstUnquoted("#", in: line).map { String(line[..<$0]) } ?? line
  }
}

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
    var table: [String] = []
    var best: (line: Int, depth: Int)?
    for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false)
      .enumerated()
    {
      let line = TOMLSource.stripComment(String(rawLine)).trimmingCharacters(in: .whitespaces)
      var depth = 0
      if line.hasPrefix("[") {
        let inner = line.trimmingCharacters(in: CharacterSet(charactersIn: "[] "))
        table = TOMLSource.keyComponents(inner)
        depth = TOMLSource.commonPrefix(table, path)
        if depth < table.count { depth = 0 }
      } else if let equals = TOMLSource.assignment(in: line) {
        let key = table + TOMLSource.keyComponents(String(line[..<equals]))
        depth = TOMLSource.commonPrefix(key, path)
        if depth < key.count {
          depth = 0
        } else if depth < path.count {
          depth += TOMLSource.inlineDepth(of: path[depth...], in: line[equals...])
        }
      }
      if depth > 0, depth > (best?.depth ?? 0) { best = (index + 1, depth) }
      if depth == path.count { break }
    }
    return best?.line
  }

  /// How many of `keys` an inline table on this line names, in order.
  private static func inlineDepth(of keys: ArraySlice<String>, in rest: Substring) -> Int {
    var depth = 0
    var remainder = rest
    for key in keys {
      let candidates = [key, "\"\(key)\""]
      guard
        let found = candidates.compactMap({ candidate -> Range<Substring.Index>? in
          var search = remainder.startIndex
          while let range = remainder.range(of: candidate, range: search..<remainder.endIndex) {
            let before =
              range.lowerBound == remainder.startIndex
              ? " " : remainder[remainder.index(before: range.lowerBound)]
            let after = remainder[range.upperBound...].drop { $0 == " " }
            if " {,".contains(before), after.first == "=" { return range }
            search = range.upperBound
          }
          return nil
        }).first
      else { break }
      depth += 1
      remainder = remainder[found.upperBound...]
    }
    return depth
  }

  /// The index of the `=` of a `key = value` line.
  private static func assignment(in line: String) -> String.Index? {
    var quote: Character?
    for index in line.indices {
      let character = line[index]
      if let open = quote {
        if character == open { quote = nil }
      } else if character == "\"" || character == "'" {
        quote = character
      } else if character == "=" {
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
    var quote: Character?
    for index in line.indices {
      let character = line[index]
      if let open = quote {
        if character == open { quote = nil }
      } else if character == "\"" || character == "'" {
        quote = character
      } else if character == "#" {
        return String(line[..<index])
      }
    }
    return line
  }

  private static func commonPrefix(_ a: [String], _ b: [String]) -> Int {
    zip(a, b).prefix { $0 == $1 }.count
  }
}

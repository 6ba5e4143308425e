import Foundation

/// The many ways exports write a list of tags: a JSON array (`["a","b"]`), a Python list
/// literal with either quote (`["don't", 'peanut, butter']`), a bare bracketed list
/// (`[a, b]`), or words split by a separator (`a|b`, `a,b , c`).
public enum TagList {
  /// The tags in `text`, trimmed, empties dropped, first spelling of each kept.
  public static func parse(_ text: String?, separator: Character = ",") -> [String] {
    guard let text = text?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else {
      return []
    }
    let tags: [String]
    if text.hasPrefix("["), text.hasSuffix("]") {
      tags = bracketed(String(text.dropFirst().dropLast()))
    } else {
      tags = text.split(separator: separator).map(String.init)
    }
    return cleaned(tags)
  }

  /// Trims, drops empties and repeats (case ignored).
  public static func cleaned(_ tags: [String]) -> [String] {
    var seen = Set<String>()
    // Trimmed by `Character` rather than through Foundation's NSString bridge, which took
    // a twentieth of a 10,000-row import.
    return tags.map { tag in
      String(tag.drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
    .filter { !$0.isEmpty && seen.insert($0.lowercased()).inserted }
  }

  /// The items of a list between brackets: quoted strings (either quote, backslash
  /// escapes), else comma-separated words.
  static func bracketed(_ inner: String) -> [String] {
    var items: [String] = []
    var current = ""
    var quote: Character?
    var escaped = false
    for character in inner {
      if let open = quote {
        if escaped {
          current.append(character)
          escaped = false
        } else if character == "\\" {
          escaped = true
        } else if character == open {
          quote = nil
        } else {
          current.append(character)
        }
        continue
      }
      if (character == "\"" || character == "'")
        && current.trimmingCharacters(in: .whitespaces).isEmpty
      {
        quote = character
        current = ""
      } else if character == "," {
        items.append(current)
        current = ""
      } else {
        current.append(character)
      }
    }
    items.append(current)
    return items
  }
}

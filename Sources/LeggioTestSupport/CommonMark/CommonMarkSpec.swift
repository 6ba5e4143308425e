import Foundation

/// The examples of the CommonMark specification (`../shared/corpus/markdown/
/// commonmark-spec.txt`), read as the spec's own `spec_tests.py` reads them: a fence of
/// 32 backticks and `example` opens one, a line holding `.` separates the Markdown from
/// the expected HTML, `→` stands for a tab, and each example belongs to the section of
/// the last heading above it.
public struct CommonMarkExample: Sendable {
  public var number: Int
  public var section: String
  public var markdown: String
  public var html: String
}

public enum CommonMarkSpec {
  public static let file = SharedFiles.url("corpus/markdown/commonmark-spec.txt")
  /// The sections about raw HTML, which the sanitiser changes on purpose.
  public static let rawHTMLSections: Set<String> = ["HTML blocks", "Raw HTML"]

  /// The HTML of the examples that GitHub Flavored Markdown's autolink extension changes,
  /// as the GFM spec's rules for it write them ("Autolinks (extension)", GFM spec 0.29):
  /// a URL of `http://`, `https://` or `ftp://` at the start of a line, after white space
  /// or after `*`, `_`, `~` or `(` is a link; an address (letters, digits, `.`, `-`, `_`,
  /// `+`, then `@` and a domain with a dot) in any text is a `mailto:` link. Example 604
  /// (`<https://foo.bar/baz bim>`) is not here: its URL follows `<`, so the rule leaves it
  /// as text, though cmark-gfm links it.
  public static let gfmAutolinkHTML: [Int: String] = [
    608: "<p>&lt;<a href=\"mailto:foo+@bar.example.com\">foo+@bar.example.com</a>&gt;</p>\n",
    610: "<p>&lt; <a href=\"https://foo.bar\">https://foo.bar</a> &gt;</p>\n",
    613: "<p><a href=\"https://example.com\">https://example.com</a></p>\n",
    614: "<p><a href=\"mailto:foo@bar.example.com\">foo@bar.example.com</a></p>\n",
  ]

  public static func examples() throws -> [CommonMarkExample] {
    let text = try String(contentsOf: file, encoding: .utf8)
    let fence = String(repeating: "`", count: 32)
    var examples: [CommonMarkExample] = []
    var section = ""
    var state = 0  // 0 prose, 1 markdown, 2 html
    var markdown = ""
    var html = ""
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      switch state {
      case 0:
        if line == fence + " example" {
          state = 1
          markdown = ""
          html = ""
        } else if line.hasPrefix("#"), let space = line.firstIndex(of: " "),
          line[..<space].allSatisfy({ $0 == "#" })
        {
          section = String(line[line.index(after: space)...])
        }
      case 1:
        if line == "." { state = 2 } else { markdown += line + "\n" }
      default:
        if line == fence {
          state = 0
          examples.append(
            CommonMarkExample(
              number: examples.count + 1, section: section,
              markdown: markdown.replacingOccurrences(of: "→", with: "\t"),
              html: html.replacingOccurrences(of: "→", with: "\t")))
        } else {
          html += line + "\n"
        }
      }
    }
    return examples
  }
}

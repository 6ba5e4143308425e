import Foundation
import LeggioModel

/// HTML normalised as the CommonMark spec's test harness does it (`test/normalize.py`),
/// so that insignificant differences do not count: whitespace runs outside `<pre>` become
/// one space, whitespace around block-level tags goes, self-closing tags lose their
/// slash, attributes are sorted and re-escaped, and character references become
/// characters except `<`, `>`, `&` and `"`.
public struct SpecHTMLNormalizer {
  private var output = ""
  private var last = "starttag"
  private var lastTag = ""
  private var inPre = false

  public static func normalize(_ html: String) -> String {
    var normalizer = SpecHTMLNormalizer()
    var index = html.startIndex
    while index < html.endIndex {
      if html[index] == "<", let close = html[index...].firstIndex(of: ">") {
        normalizer.tag(String(html[html.index(after: index)..<close]))
        index = html.index(after: close)
      } else {
        let next = html[html.index(after: index)...].firstIndex(of: "<") ?? html.endIndex
        normalizer.data(String(html[index..<next]))
        index = next
      }
    }
    return normalizer.output
  }

  static let blockTags: Set<String> = [
    "article", "header", "aside", "hgroup", "blockquote", "hr", "iframe", "body", "li", "map",
    "button", "object", "canvas", "ol", "caption", "output", "col", "p", "colgroup", "pre", "dd",
    "progress", "div", "section", "dl", "table", "td", "dt", "tbody", "embed", "textarea",
    "fieldset", "tfoot", "figcaption", "th", "figure", "thead", "footer", "tr", "form", "ul",
    "h1", "h2", "h3", "h4", "h5", "h6", "video", "script", "style",
  ]

  private mutating func tag(_ inside: String) {
    if inside.hasPrefix("!--") {
      output += "<" + inside + ">"
      last = "comment"
    } else if inside.hasPrefix("!") || inside.hasPrefix("?") {
      output += "<" + inside + ">"
      last = "decl"
    } else if inside.hasPrefix("/") {
      let name = inside.dropFirst().trimmingCharacters(in: .whitespaces).lowercased()
      if name == "pre" {
        inPre = false
      } else if Self.blockTags.contains(name) {
        trimOutputEnd()
      }
      output += "</" + name + ">"
      lastTag = name
      last = "endtag"
    } else if let first = inside.first, first.isLetter {
      var body = Substring(inside)
      let selfClosing = body.hasSuffix("/")
      if selfClosing { body = body.dropLast() }
      let name = String(body.prefix { !$0.isWhitespace }).lowercased()
      let attributes = Self.attributes(body.dropFirst(name.count))
      if name == "pre" { inPre = true }
      if Self.blockTags.contains(name) { trimOutputEnd() }
      output += "<" + name
      for (key, value) in attributes.sorted(by: { ($0.0, $0.1 ?? "") < ($1.0, $1.1 ?? "") }) {
        output += " " + key
        if let value { output += "=\"" + Self.escape(Self.unescape(value)) + "\"" }
      }
      output += ">"
      lastTag = name
      last = selfClosing ? "endtag" : "starttag"
    } else {
      data("<" + inside + ">")
    }
  }

  private mutating func data(_ raw: String) {
    var data = Self.decodingReferences(raw)
    let afterTag = last == "endtag" || last == "starttag"
    let afterBlockTag = afterTag && Self.blockTags.contains(lastTag)
    if afterTag && lastTag == "br" { data = String(data.drop { $0 == "\n" }) }
    if !inPre { data = Self.collapsingWhitespace(data) }
    if afterBlockTag && !inPre {
      if last == "starttag" {
        data = String(data.drop(while: \.isWhitespace))
      } else if last == "endtag" {
        data = data.trimmingCharacters(in: .whitespacesAndNewlines)
      }
    }
    output += data
    last = "data"
  }

  private mutating func trimOutputEnd() {
    while let last = output.last, last.isWhitespace { output.removeLast() }
  }

  private static func collapsingWhitespace(_ text: String) -> String {
    var result = ""
    var inSpace = false
    for character in text {
      if character.isWhitespace {
        if !inSpace { result.append(" ") }
        inSpace = true
      } else {
        result.append(character)
        inSpace = false
      }
    }
    return result
  }

  /// `name="value"`, `name='value'`, `name=value` and bare `name`, in source order.
  private static func attributes(_ text: Substring) -> [(String, String?)] {
    var result: [(String, String?)] = []
    var rest = text.drop(while: \.isWhitespace)
    while !rest.isEmpty {
      let name = rest.prefix { !$0.isWhitespace && $0 != "=" }
      guard !name.isEmpty else { break }
      rest = rest.dropFirst(name.count).drop(while: \.isWhitespace)
      var value: String?
      if rest.first == "=" {
        rest = rest.dropFirst().drop(while: \.isWhitespace)
        if let quote = rest.first, quote == "\"" || quote == "'" {
          let body = rest.dropFirst()
          let end = body.firstIndex(of: quote) ?? body.endIndex
          value = String(body[..<end])
          rest = end < body.endIndex ? body[body.index(after: end)...] : body[end...]
        } else {
          let token = rest.prefix { !$0.isWhitespace }
          value = String(token)
          rest = rest.dropFirst(token.count)
        }
      }
      result.append((name.lowercased(), value))
      rest = rest.drop(while: \.isWhitespace)
    }
    return result
  }

  private static let named: [String: Character] = [
    "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "nbsp": "\u{A0}", "copy": "©",
  ]

  /// Character references as characters, except that `<`, `>`, `&` and `"` are written as
  /// entities; unknown references stay as written.
  private static func decodingReferences(_ text: String) -> String {
    decoding(text) { escape(String($0)) }
  }

  static func unescape(_ value: String) -> String {
    decoding(value) { String($0) }
  }

  /// `text` with each reference it knows (`&#65;`, `&#x41;`, `&amp;`...) written by `write`.
  private static func decoding(_ text: String, _ write: (Character) -> String) -> String {
    guard text.contains("&") else { return text }
    var result = ""
    var index = text.startIndex
    while index < text.endIndex {
      if text[index] == "&", let semicolon = text[index...].prefix(40).firstIndex(of: ";"),
        let decoded = character(named: text[text.index(after: index)..<semicolon])
      {
        result += write(decoded)
        index = text.index(after: semicolon)
      } else {
        result.append(text[index])
        index = text.index(after: index)
      }
    }
    return result
  }

  private static func character(named name: Substring) -> Character? {
    if name.hasPrefix("#x") || name.hasPrefix("#X") {
      return UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map(Character.init)
    }
    if name.hasPrefix("#") {
      return UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init).map(Character.init)
    }
    return named[String(name)]
  }

  /// `&`, `<`, `>` and `"` as entities: what `cgi.escape(v, quote=True)` does.
  static func escape(_ text: String) -> String { HTMLWriter.escape(text) }
}

import Foundation

/// HTML normalised as the CommonMark spec's harness does before comparing
/// (`test/normalize.py`, `normalize_html`), so that only differences the spec counts
/// count: runs of white space outside `<pre>` become one space, white space around
/// block-level tags goes, self-closing tags lose their slash, attributes are sorted and
/// written back escaped, and references become characters except `<`, `>`, `&` and `"`.
/// A port of the script as it runs on Python 3.11: its `MyHTMLParser` over
/// `PythonHTMLParser`, its chunking of the input, its quirks (an `&#X41;` reference is
/// written `&X41;`; a `<` that no `>` follows is dropped). Where the script would stop
/// with an exception (an attribute whose value is the word `href` or `src`, a marked
/// section with an unknown keyword) this goes on as the nearest case does.
public struct SpecHTMLNormalizer: PythonHTMLHandler {
  private var output = String.UnicodeScalarView()
  private var last = "starttag"
  private var lastTag = ""
  private var inPre = false

  public static func normalize(_ html: String) -> String {
    var parser = PythonHTMLParser(handler: SpecHTMLNormalizer())
    for chunk in chunks(html) {
      if chunk.hasPrefix("<![CDATA") {
        parser.handler.output.append(contentsOf: chunk.unicodeScalars)
      } else {
        parser.feed(chunk)
      }
    }
    parser.close()
    return String(parser.handler.output)
  }

  /// The matches of `(<!\[CDATA\[.*?\]\]>|<[^>]*>|[^<]+)` in order: what is fed to the
  /// parser, or passed through for a one-line CDATA section.
  static func chunks(_ html: String) -> [String] {
    let s = Array(html.unicodeScalars)
    var result: [String] = []
    func text(_ range: Range<Int>) -> String {
      String(String.UnicodeScalarView(s[range]))
    }
    var i = 0
    while i < s.count {
      if s[i] == "<" {
        if text(i..<min(s.count, i + 9)) == "<![CDATA[" {
          var k = i + 9
          while k + 2 < s.count, s[k] != "\n", !(s[k] == "]" && s[k + 1] == "]" && s[k + 2] == ">")
          {
            k += 1
          }
          if k + 2 < s.count, s[k] == "]" {
            result.append(text(i..<(k + 3)))
            i = k + 3
            continue
          }
        }
        if let close = s[(i + 1)...].firstIndex(of: ">") {
          result.append(text(i..<(close + 1)))
          i = close + 1
        } else {
          i += 1  // no match starts here
        }
      } else {
        let end = s[i...].firstIndex(of: "<") ?? s.count
        result.append(text(i..<end))
        i = end
      }
    }
    return result
  }

  static let blockTags: Set<String> = [
    "article", "header", "aside", "hgroup", "blockquote", "hr", "iframe", "body", "li", "map",
    "button", "object", "canvas", "ol", "caption", "output", "col", "p", "colgroup", "pre", "dd",
    "progress", "div", "section", "dl", "table", "td", "dt", "tbody", "embed", "textarea",
    "fieldset", "tfoot", "figcaption", "th", "figure", "thead", "footer", "tr", "form", "ul",
    "h1", "h2", "h3", "h4", "h5", "h6", "video", "script", "style",
  ]

  private static func isSpace(_ c: Unicode.Scalar) -> Bool {
    PythonCharacters.isSpace(c)
  }

  private mutating func append(_ text: String) {
    output.append(contentsOf: text.unicodeScalars)
  }

  private mutating func trimOutputEnd() {
    while let c = output.last, Self.isSpace(c) { output.removeLast() }
  }

  public mutating func data(_ text: String) {
    var data = Array(text.unicodeScalars)
    let afterTag = last == "endtag" || last == "starttag"
    let afterBlockTag = afterTag && Self.blockTags.contains(lastTag)
    if afterTag && lastTag == "br" { data = Array(data.drop { $0 == "\n" }) }
    if !inPre {
      // `\s+` to one space.
      var collapsed: [Unicode.Scalar] = []
      for c in data {
        if !Self.isSpace(c) {
          collapsed.append(c)
        } else if collapsed.last.map(Self.isSpace) != true {
          collapsed.append(" ")
        }
      }
      data = collapsed
    }
    if afterBlockTag && !inPre {
      data = Array(data.drop(while: Self.isSpace))
      if last == "endtag" {
        while let c = data.last, Self.isSpace(c) { data.removeLast() }
      }
    }
    output.append(contentsOf: data)
    last = "data"
  }

  public mutating func endTag(_ name: String) {
    if name == "pre" {
      inPre = false
    } else if Self.blockTags.contains(name) {
      trimOutputEnd()
    }
    append("</" + name + ">")
    lastTag = name
    last = "endtag"
  }

  public mutating func startTag(_ name: String, _ attributes: [(String, String?)], closed: Bool) {
    if name == "pre" { inPre = true }
    if Self.blockTags.contains(name) { trimOutputEnd() }
    append("<" + name)
    let sorted = attributes.sorted { a, b in
      if a.0 != b.0 { return a.0.unicodeScalars.lexicographicallyPrecedes(b.0.unicodeScalars) }
      guard let left = a.1 else { return b.1 != nil }
      guard let right = b.1 else { return false }
      return left.unicodeScalars.lexicographicallyPrecedes(right.unicodeScalars)
    }
    for (key, value) in sorted {
      append(" " + key)
      if let value { append("=\"" + PythonHTMLReferences.escape(value) + "\"") }
    }
    append(">")
    lastTag = name
    last = closed ? "endtag" : "starttag"
  }

  public mutating func comment(_ text: String) {
    append("<!--" + text + "-->")
    last = "comment"
  }

  public mutating func declaration(_ text: String) {
    append("<!" + text + ">")
    last = "decl"
  }

  public mutating func processingInstruction(_ text: String) {
    append("<?" + text + ">")
    last = "pi"
  }

  public mutating func entityReference(_ name: String) {
    write(PythonHTMLReferences.html4(name), fallback: "&" + name + ";")
  }

  public mutating func characterReference(_ name: String) {
    let number =
      name.hasPrefix("x") ? UInt64(name.dropFirst(), radix: 16) : UInt64(name, radix: 10)
    var scalar = number.flatMap { UInt32(exactly: $0) }.flatMap(Unicode.Scalar.init)
    if scalar == nil, let number, (0xD800...0xDFFF).contains(number) {
      scalar = "\u{FFFD}"  // Python keeps the lone surrogate; Swift cannot
    }
    write(scalar, fallback: "&" + name + ";")
  }

  /// `output_char`: the character, as an entity when it is `<`, `>`, `&` or `"`.
  private mutating func write(_ character: Unicode.Scalar?, fallback: String) {
    switch character {
    case "<": append("&lt;")
    case ">": append("&gt;")
    case "&": append("&amp;")
    case "\"": append("&quot;")
    case let character?: output.append(character)
    case nil: append(fallback)
    }
    last = "ref"
  }
}

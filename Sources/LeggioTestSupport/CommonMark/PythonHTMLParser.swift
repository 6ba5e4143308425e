/// What `PythonHTMLParser` reports, as Python's `html.parser.HTMLParser` calls its
/// `handle_*` methods.
public protocol PythonHTMLHandler {
  mutating func startTag(_ name: String, _ attributes: [(String, String?)], closed: Bool)
  mutating func endTag(_ name: String)
  mutating func data(_ text: String)
  mutating func entityReference(_ name: String)
  mutating func characterReference(_ name: String)
  mutating func comment(_ text: String)
  /// `<!doctype …>` and marked sections (`handle_decl`, `unknown_decl`).
  mutating func declaration(_ text: String)
  mutating func processingInstruction(_ text: String)
}

/// The tokeniser of Python 3.11's `html.parser.HTMLParser` with `convert_charrefs` off,
/// the mode the CommonMark spec's `normalize.py` runs it in: the same regular
/// expressions (written out by hand), the same tolerance of broken markup, the same
/// buffering of an unfinished construct until more text is fed, and the same handling of
/// what is left at `close()`. Indices count Unicode scalars, as Python's strings do.
public struct PythonHTMLParser<Handler: PythonHTMLHandler> {
  public var handler: Handler
  private var raw: [Unicode.Scalar] = []
  /// The element whose content is raw text (`script`, `style`) while inside one.
  private var cdataElement: String?

  public init(handler: Handler) { self.handler = handler }

  public mutating func feed(_ text: String) {
    raw += text.unicodeScalars
    goAhead(end: false)
  }

  public mutating func close() { goAhead(end: true) }

  static func isSpace(_ c: Unicode.Scalar) -> Bool { PythonCharacters.isSpace(c) }
  static func isASCIILetter(_ c: Unicode.Scalar) -> Bool {
    ("a"..."z").contains(c) || ("A"..."Z").contains(c)
  }
  static func isASCIIDigit(_ c: Unicode.Scalar) -> Bool { ("0"..."9").contains(c) }
  static func isASCIIAlnum(_ c: Unicode.Scalar) -> Bool { isASCIILetter(c) || isASCIIDigit(c) }
  static func isHexDigit(_ c: Unicode.Scalar) -> Bool {
    isASCIIDigit(c) || ("a"..."f").contains(c) || ("A"..."F").contains(c)
  }

  private func at(_ i: Int) -> Unicode.Scalar? { i < raw.count ? raw[i] : nil }
  private func starts(_ prefix: String, at i: Int) -> Bool {
    var k = i
    for c in prefix.unicodeScalars {
      guard k < raw.count, raw[k] == c else { return false }
      k += 1
    }
    return true
  }
  private func text(_ range: Range<Int>) -> String {
    var s = String.UnicodeScalarView()
    s.append(contentsOf: raw[max(0, range.lowerBound)..<min(raw.count, range.upperBound)])
    return String(s)
  }
  private func find(_ c: Unicode.Scalar, from i: Int) -> Int? {
    guard i < raw.count else { return nil }
    return raw[i...].firstIndex(of: c)
  }

  // MARK: - goahead

  private mutating func goAhead(end: Bool) {
    var i = 0
    let n = raw.count
    loop: while i < n {
      var j: Int
      if let element = cdataElement {
        guard let match = cdataEnd(element, from: i) else { break loop }
        j = match
      } else {
        j = raw[i...].firstIndex { $0 == "&" || $0 == "<" } ?? n
      }
      if i < j { handler.data(text(i..<j)) }
      i = j
      if i == n { break }
      if raw[i] == "<" {
        var k: Int
        if let next = at(i + 1), Self.isASCIILetter(next) {
          k = parseStartTag(i)
        } else if starts("</", at: i) {
          k = parseEndTag(i)
        } else if starts("<!--", at: i) {
          k = parseComment(i)
        } else if starts("<?", at: i) {
          k = parseProcessingInstruction(i)
        } else if starts("<!", at: i) {
          k = parseDeclaration(i)
        } else if i + 1 < n {
          handler.data("<")
          k = i + 1
        } else {
          break loop
        }
        if k < 0 {
          if !end { break loop }
          if let gt = find(">", from: i + 1) {
            k = gt + 1
          } else {
            k = find("<", from: i + 1) ?? (i + 1)
          }
          handler.data(text(i..<k))
        }
        i = k
      } else if starts("&#", at: i) {
        if let (name, matchEnd) = characterReference(at: i) {
          handler.characterReference(name)
          i = raw[matchEnd - 1] == ";" ? matchEnd : matchEnd - 1
          continue
        }
        if raw[i...].contains(";") {
          handler.data(text(i..<(i + 2)))
          i += 2
        }
        break loop
      } else {
        // "&"
        if let (name, matchEnd) = entityReference(at: i) {
          handler.entityReference(name)
          i = raw[matchEnd - 1] == ";" ? matchEnd : matchEnd - 1
          continue
        }
        if let next = at(i + 1), Self.isASCIILetter(next) || next == "#" {
          // `incomplete`: wait for more text, or at the end drop the `&` of a lone `&x`.
          if end && i + 2 == n { i += 1 }
          break loop
        } else if i + 1 < n {
          handler.data("&")
          i += 1
        } else {
          break loop
        }
      }
    }
    if end && i < n && cdataElement == nil {
      handler.data(text(i..<n))
      i = n
    }
    raw.removeFirst(i)
  }

  /// `</\s*NAME\s*>` (any case) from `i`: where it starts.
  private func cdataEnd(_ element: String, from i: Int) -> Int? {
    var start = i
    while let open = find("<", from: start) {
      var k = open + 1
      if at(k) == "/" {
        k += 1
        while let c = at(k), Self.isSpace(c) { k += 1 }
        if text(k..<(k + element.unicodeScalars.count)).lowercased() == element {
          k += element.unicodeScalars.count
          while let c = at(k), Self.isSpace(c) { k += 1 }
          if at(k) == ">" { return open }
        }
      }
      start = open + 1
    }
    return nil
  }

  /// `charref`: `&#(?:[0-9]+|[xX][0-9a-fA-F]+)[^0-9a-fA-F]`; the name (between `&#` and the
  /// final character) and the match's end.
  private func characterReference(at i: Int) -> (String, Int)? {
    var k = i + 2
    while let c = at(k), Self.isASCIIDigit(c) { k += 1 }
    // The digits alternative, backing off one digit at a time to find a non-hex end.
    var end = k
    while end > i + 2 {
      if let c = at(end), !Self.isHexDigit(c) { return (text((i + 2)..<end), end + 1) }
      end -= 1
    }
    guard let x = at(i + 2), x == "x" || x == "X" else { return nil }
    k = i + 3
    while let c = at(k), Self.isHexDigit(c) { k += 1 }
    end = k
    while end > i + 3 {
      if let c = at(end), !Self.isHexDigit(c) { return (text((i + 2)..<end), end + 1) }
      end -= 1
    }
    return nil
  }

  /// `entityref`: `&([a-zA-Z][-.a-zA-Z0-9]*)[^a-zA-Z0-9]`; the name and the match's end.
  private func entityReference(at i: Int) -> (String, Int)? {
    guard let first = at(i + 1), Self.isASCIILetter(first) else { return nil }
    var k = i + 2
    while let c = at(k), Self.isASCIIAlnum(c) || c == "-" || c == "." { k += 1 }
    // Backing off: a trailing `-` or `.` may serve as the final character.
    var end = k
    while end > i + 1 {
      if let c = at(end), !Self.isASCIIAlnum(c) { return (text((i + 1)..<end), end + 1) }
      end -= 1
      guard raw[end] == "-" || raw[end] == "." else { return nil }
    }
    return nil
  }

  // MARK: - Start tags

  /// `tagfind_tolerant` from `i`: `([a-zA-Z][^\t\n\r\f />\x00]*)(?:\s|/(?!>))*`.
  private func tagName(at i: Int) -> (name: String, end: Int)? {
    guard let first = at(i), Self.isASCIILetter(first) else { return nil }
    var k = i + 1
    while let c = at(k), !["\t", "\n", "\r", "\u{0C}", " ", "/", ">", "\0"].contains(c) { k += 1 }
    let name = text(i..<k)
    return (name, skipSpacesAndSlashes(k))
  }

  /// `(?:\s|/(?!>))*` from `k`.
  private func skipSpacesAndSlashes(_ k: Int) -> Int {
    var k = k
    while let c = at(k), Self.isSpace(c) || (c == "/" && at(k + 1) != ">") { k += 1 }
    return k
  }

  /// One attribute as `attrfind_tolerant` (and, with `trailingSpace`, the attribute part
  /// of `locatestarttagend_tolerant`) matches it at `k`: name, value text as written
  /// (quotes included), whether `=` came, and the match's end.
  private func attribute(at k: Int, trailingSpace: Bool) -> (
    name: String, value: String?, end: Int
  )? {
    guard k > 0, let before = at(k - 1),
      before == "'" || before == "\"" || Self.isSpace(before) || before == "/"
    else { return nil }
    guard let first = at(k), !Self.isSpace(first), first != "/", first != ">" else { return nil }
    var m = k + 1
    while let c = at(m), !Self.isSpace(c), c != "/", c != "=", c != ">" { m += 1 }
    let name = text(k..<m)
    var value: String?
    var end = m
    if let (start, valueEnd) = attributeValue(afterName: m) {
      value = text(start..<valueEnd)
      end = valueEnd
      if trailingSpace {
        while let c = at(end), Self.isSpace(c) { end += 1 }
      }
    }
    return (name, value, skipSpacesAndSlashes(end))
  }

  /// Where `\s*=+\s*('[^']*'|"[^"]*"|(?!['"])[^>\s]*)` puts the value after an
  /// attribute's name at `m`, backtracking as the regular expression does when a quote is
  /// not closed: the value is then empty (before a space) or starts at the last `=`.
  private func attributeValue(afterName m: Int) -> (Int, Int)? {
    var equals = m
    while let c = at(equals), Self.isSpace(c) { equals += 1 }
    guard at(equals) == "=" else { return nil }
    var afterEquals = equals
    while at(afterEquals) == "=" { afterEquals += 1 }
    var start = afterEquals
    while let c = at(start), Self.isSpace(c) { start += 1 }
    func unquoted(_ p: Int) -> Int {
      var w = p
      while let c = at(w), c != ">", !Self.isSpace(c) { w += 1 }
      return w
    }
    if let quote = at(start), quote == "'" || quote == "\"" {
      if let close = find(quote, from: start + 1) { return (start, close + 1) }
      if start > afterEquals { return (start - 1, start - 1) }
      if afterEquals - equals >= 2 { return (afterEquals - 1, unquoted(afterEquals - 1)) }
      return nil
    }
    return (start, unquoted(start))
  }

  /// `check_for_whole_start_tag`: where the start tag at `i` ends, -1 when it may go on in
  /// text not yet fed.
  private func wholeStartTagEnd(_ i: Int) -> Int {
    // locatestarttagend_tolerant
    var j = i + 1
    while let c = at(j), !["\t", "\n", "\r", "\u{0C}", " ", "/", ">", "\0"].contains(c) { j += 1 }
    var k = j
    while let c = at(k), Self.isSpace(c) || c == "/" { k += 1 }
    var matchedAttributes = false
    while let attribute = attribute(at: k, trailingSpace: true) {
      k = attribute.end
      matchedAttributes = true
    }
    if matchedAttributes || k > j { j = k }
    while let c = at(j), Self.isSpace(c) { j += 1 }
    guard let next = at(j) else { return -1 }
    if next == ">" { return j + 1 }
    if next == "/" {
      if at(j + 1) == ">" { return j + 2 }
      return -1
    }
    if Self.isASCIILetter(next) || next == "=" || next == "/" { return -1 }
    return j > i ? j : i + 1
  }

  private mutating func parseStartTag(_ i: Int) -> Int {
    let end = wholeStartTagEnd(i)
    guard end >= 0, let (rawName, nameEnd) = tagName(at: i + 1) else { return end }
    let name = rawName.lowercased()
    var attributes: [(String, String?)] = []
    var k = nameEnd
    while k < end, let attribute = attribute(at: k, trailingSpace: false) {
      var value = attribute.value
      if let written = value?.unicodeScalars, let quote = written.first,
        quote == "'" || quote == "\"", written.last == quote
      {
        value = String(String.UnicodeScalarView(written.dropFirst().dropLast()))
      }
      if let text = value, !text.isEmpty { value = PythonHTMLReferences.unescape(text) }
      attributes.append((attribute.name.lowercased(), value))
      k = attribute.end
    }
    let rest = text(k..<end).trimmingPythonSpaces()
    guard rest == ">" || rest == "/>" else {
      handler.data(text(i..<end))
      return end
    }
    let closed = rest.hasSuffix("/>")
    handler.startTag(name, attributes, closed: closed)
    if !closed && (name == "script" || name == "style") { cdataElement = name }
    return end
  }

  // MARK: - End tags, comments, declarations

  private mutating func parseEndTag(_ i: Int) -> Int {
    guard let gt = find(">", from: i + 1) else { return -1 }
    let afterGT = gt + 1
    // endtagfind: </\s*([a-zA-Z][-.a-zA-Z0-9:_]*)\s*>
    var k = i + 2
    while let c = at(k), Self.isSpace(c) { k += 1 }
    var matched: String?
    if let first = at(k), Self.isASCIILetter(first) {
      var m = k + 1
      while let c = at(m), Self.isASCIIAlnum(c) || "-.:_".unicodeScalars.contains(c) { m += 1 }
      var e = m
      while let c = at(e), Self.isSpace(c) { e += 1 }
      if at(e) == ">" { matched = text(k..<m) }
    }
    guard let name = matched else {
      if cdataElement != nil {
        handler.data(text(i..<afterGT))
        return afterGT
      }
      guard let (tagName, tagEnd) = tagName(at: i + 2) else {
        if starts("</>", at: i) { return i + 3 }
        return parseBogusComment(i)
      }
      let close = find(">", from: tagEnd) ?? -1
      handler.endTag(tagName.lowercased())
      return close + 1
    }
    let element = name.lowercased()
    if let cdata = cdataElement, element != cdata {
      handler.data(text(i..<afterGT))
      return afterGT
    }
    handler.endTag(element)
    cdataElement = nil
    return afterGT
  }

  private mutating func parseComment(_ i: Int) -> Int {
    // commentclose: --\s*>
    var k = i + 4
    while let dashes = find("-", from: k) {
      if at(dashes + 1) == "-" {
        var e = dashes + 2
        while let c = at(e), Self.isSpace(c) { e += 1 }
        if at(e) == ">" {
          handler.comment(text((i + 4)..<dashes))
          return e + 1
        }
      }
      k = dashes + 1
    }
    return -1
  }

  private mutating func parseBogusComment(_ i: Int) -> Int {
    guard let gt = find(">", from: i + 2) else { return -1 }
    handler.comment(text((i + 2)..<gt))
    return gt + 1
  }

  private mutating func parseProcessingInstruction(_ i: Int) -> Int {
    guard let gt = find(">", from: i + 2) else { return -1 }
    handler.processingInstruction(text((i + 2)..<gt))
    return gt + 1
  }

  private mutating func parseDeclaration(_ i: Int) -> Int {
    if starts("<![", at: i) { return parseMarkedSection(i) }
    if text(i..<(i + 9)).lowercased() == "<!doctype" {
      guard let gt = find(">", from: i + 9) else { return -1 }
      handler.declaration(text((i + 2)..<gt))
      return gt + 1
    }
    return parseBogusComment(i)
  }

  /// `<![CDATA[…]]>` and the like (`_markupbase.parse_marked_section`); a section with an
  /// unknown keyword, where Python raises, is left as text.
  private mutating func parseMarkedSection(_ i: Int) -> Int {
    var k = i + 3
    guard let first = at(k), Self.isASCIILetter(first) else { return -1 }
    while let c = at(k), Self.isASCIIAlnum(c) || "-_.".unicodeScalars.contains(c) { k += 1 }
    let keyword = text((i + 3)..<k).lowercased()
    while let c = at(k), Self.isSpace(c) { k += 1 }
    guard k < raw.count else { return -1 }
    let office = ["if", "else", "endif"].contains(keyword)
    guard office || ["temp", "cdata", "ignore", "include", "rcdata"].contains(keyword) else {
      handler.data(text(i..<(i + 3)))
      return i + 3
    }
    // ]\s*]\s*> for the standard keywords, ]\s*> for Microsoft Office's.
    var start = i + 3
    while let close = find("]", from: start) {
      var e = close + 1
      while let c = at(e), Self.isSpace(c) { e += 1 }
      if !office {
        guard at(e) == "]" else {
          start = close + 1
          continue
        }
        e += 1
        while let c = at(e), Self.isSpace(c) { e += 1 }
      }
      if at(e) == ">" {
        handler.declaration(text((i + 3)..<close))
        return e + 1
      }
      start = close + 1
    }
    return -1
  }
}

/// Python's idea of white space.
enum PythonCharacters {
  /// `\s` in a Python `str` pattern, and what `str.strip()` removes: `str.isspace()`.
  static func isSpace(_ c: Unicode.Scalar) -> Bool {
    c.properties.isWhitespace || (0x1C...0x1F).contains(c.value)
  }
}

extension String {
  /// The string without Python white space at either end (`str.strip()`).
  func trimmingPythonSpaces() -> String {
    let scalars = unicodeScalars
    guard let first = scalars.firstIndex(where: { !PythonCharacters.isSpace($0) }) else {
      return ""
    }
    let last = scalars.lastIndex { !PythonCharacters.isSpace($0) }!
    return String(scalars[first...last])
  }
}

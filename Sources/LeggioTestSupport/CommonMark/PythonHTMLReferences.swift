import CCmarkGFM
import CLibXML2
import Foundation

/// Character references as Python's standard library reads them for `normalize.py`:
/// `html.entities.name2codepoint` (the 252 entities of HTML 4.01, from libxml2's table of
/// the same entities, less its `apos`) for references in text, and `html.unescape` (the
/// entities of HTML5, from cmark-gfm's table of them; numeric references repaired as
/// HTML5 says) for attribute values; `html.escape` to write values back.
public enum PythonHTMLReferences {
  /// `name2codepoint[name]`.
  public static func html4(_ name: String) -> Unicode.Scalar? {
    guard name != "apos" else { return nil }
    let bytes = Array(name.utf8) + [0]
    guard let entity = htmlEntityLookup(bytes) else { return nil }
    return Unicode.Scalar(entity.pointee.value)
  }

  /// `html.entities.html5[name]` for a name ending in `;`, nil when HTML5 has no such
  /// entity: cmark-gfm decodes the reference when it knows it.
  static func html5(_ reference: String) -> String? {
    // HTML5's names are ASCII letters and digits; anything else is no entity (and could
    // mean something else to cmark-gfm).
    guard reference.hasSuffix(";"), reference.count > 1,
      reference.dropLast().allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) })
    else { return nil }
    let source = "&" + reference
    guard let document = cmark_parse_document(source, source.utf8.count, CMARK_OPT_DEFAULT)
    else { return nil }
    defer { cmark_node_free(document) }
    guard let paragraph = cmark_node_first_child(document),
      let node = cmark_node_first_child(paragraph), cmark_node_next(node) == nil,
      cmark_node_get_type(node) == CMARK_NODE_TEXT, let literal = cmark_node_get_literal(node)
    else { return nil }
    let text = String(cString: literal)
    return text == source ? nil : text
  }

  /// The names HTML5 also knows without their `;` (its "legacy" entities): those of
  /// HTML 4 that are Latin-1 characters, and upper-case `AMP`, `COPY`, `GT`, `LT`, `QUOT`,
  /// `REG`.
  static func legacy(_ name: String) -> String? {
    if ["AMP", "COPY", "GT", "LT", "QUOT", "REG"].contains(name) {
      return html4(name.lowercased()).map { String($0) }
    }
    guard let scalar = html4(name), scalar.value < 256 else { return nil }
    return String(scalar)
  }

  /// `html.unescape(text)`.
  public static func unescape(_ text: String) -> String {
    guard text.contains("&") else { return text }
    let scalars = Array(text.unicodeScalars)
    var result = String.UnicodeScalarView()
    var i = 0
    while i < scalars.count {
      guard scalars[i] == "&", i + 1 < scalars.count else {
        result.append(scalars[i])
        i += 1
        continue
      }
      let (replacement, end) = reference(scalars, at: i)
      if let replacement {
        result.append(contentsOf: replacement.unicodeScalars)
        i = end
      } else {
        result.append(scalars[i])
        i += 1
      }
    }
    return String(result)
  }

  /// One match of `&(#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[^\t\n\f <&#;]{1,32};?)` at `i` and
  /// what `_replace_charref` makes of it; nil when the pattern does not match there.
  private static func reference(_ s: [Unicode.Scalar], at i: Int) -> (String?, Int) {
    func isDigit(_ c: Unicode.Scalar) -> Bool { ("0"..."9").contains(c) }
    func isHex(_ c: Unicode.Scalar) -> Bool {
      isDigit(c) || ("a"..."f").contains(c) || ("A"..."F").contains(c)
    }
    var k = i + 1
    if s[k] == "#" {
      k += 1
      let hex = k < s.count && (s[k] == "x" || s[k] == "X")
      if hex { k += 1 }
      let start = k
      while k < s.count, hex ? isHex(s[k]) : isDigit(s[k]) { k += 1 }
      guard k > start else { return (nil, i) }
      let digits = String(String.UnicodeScalarView(s[start..<k]))
      if k < s.count, s[k] == ";" { k += 1 }
      return (numeric(digits, radix: hex ? 16 : 10), k)
    }
    let stop: Set<Unicode.Scalar> = ["\t", "\n", "\u{0C}", " ", "<", "&", "#", ";"]
    let start = k
    while k < s.count, k - start < 32, !stop.contains(s[k]) { k += 1 }
    guard k > start else { return (nil, i) }
    if k < s.count, s[k] == ";" { k += 1 }
    let name = String(String.UnicodeScalarView(s[start..<k]))
    if let value = html5(name) { return (value, k) }
    if !name.hasSuffix(";"), let value = legacy(name) { return (value, k) }
    // The longest name HTML5 knows without `;` at the start of the match.
    let body = Array(name.unicodeScalars)
    var length = body.count - 1
    while length > 1 {
      let prefix = String(String.UnicodeScalarView(body[..<length]))
      if let value = legacy(prefix) {
        return (value + String(String.UnicodeScalarView(body[length...])), k)
      }
      length -= 1
    }
    return ("&" + name, k)
  }

  /// A numeric reference as HTML5 reads it: Windows-1252 for the C1 range, U+FFFD for
  /// surrogates and what is past Unicode, nothing for the other code points it forbids.
  private static func numeric(_ digits: String, radix: Int) -> String {
    guard let number = UInt64(digits, radix: radix), number <= 0x10FFFF else { return "\u{FFFD}" }
    let value = UInt32(number)
    if value == 0 { return "\u{FFFD}" }
    if value == 0x0D { return "\r" }
    if (0x80...0x9F).contains(value) {
      let decoded = String(data: Data([UInt8(value)]), encoding: .windowsCP1252)
      if let decoded, decoded.unicodeScalars.first?.value != value { return decoded }
      return String(Unicode.Scalar(value)!)
    }
    if (0xD800...0xDFFF).contains(value) { return "\u{FFFD}" }
    if (0x01...0x08).contains(value) || value == 0x0B || (0x0E...0x1F).contains(value)
      || value == 0x7F || (0xFDD0...0xFDEF).contains(value) || value & 0xFFFE == 0xFFFE
    {
      return ""
    }
    return String(Unicode.Scalar(value)!)
  }

  /// `html.escape(text, quote=True)`: `&`, `<`, `>`, `"` and `'` as references.
  public static func escape(_ text: String) -> String {
    var result = ""
    for character in text.unicodeScalars {
      switch character {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"": result += "&quot;"
      case "'": result += "&#x27;"
      default: result.unicodeScalars.append(character)
      }
    }
    return result
  }
}

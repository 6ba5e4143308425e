import LeggioModel

/// What `DocumentBuilder` does with an element, looked up once by its name: a book's
/// hundred thousand elements each went through half a dozen set lookups and thirty
/// string comparisons of the converter's `switch` before reaching the common case.
enum ElementRole: Equatable {
  /// Named by a case of the converter's `switch` (a heading, a list, a link…).
  case special
  /// Never part of the text (`HTMLDocumentConverter.skipped`); an `input` that is a
  /// checkbox still goes to the `switch`.
  case skipped
  /// An inline element that adds a style (`em`, `b`, `code`, `del`, `sup`, `sub`).
  case styled(InlineStyle)
  /// `p`, `center` or `div`: a picture with its caption, else a container.
  case paragraphLike
  /// Starts and ends a block of its own (`HTMLDocumentConverter.containers`).
  case container

  /// The role of an element named `name` (lower case); nil for an element that is
  /// only walked through (`span`, unknown names).
  static func of(_ name: String) -> ElementRole? { roles[name] }

  /// The role among the common cases only, for a special name whose own case did not
  /// apply (`section` without `data-footnotes`).
  static func ordinary(_ name: String) -> ElementRole? { ordinaryRoles[name] }

  /// The names the converter's `switch` has a case for.
  static let specialNames: Set<String> = [
    "br", "a", "section", "img", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
    "ul", "ol", "menu", "dir", "li", "dt", "pre", "listing", "xmp", "plaintext", "hr", "input",
    "table",
  ]

  /// Later entries win, in the order the converter tested them: emphasis first.
  private static let ordinaryRoles: [String: ElementRole] = {
    var roles: [String: ElementRole] = [:]
    for name in HTMLDocumentConverter.containers { roles[name] = .container }
    for name in ["p", "center", "div"] { roles[name] = .paragraphLike }
    roles["sub"] = .styled(.subscript)
    roles["sup"] = .styled(.superscript)
    for name in HTMLDocumentConverter.struck { roles[name] = .styled(.strikethrough) }
    for name in HTMLDocumentConverter.code { roles[name] = .styled(.code) }
    for name in HTMLDocumentConverter.strong { roles[name] = .styled(.strong) }
    for name in HTMLDocumentConverter.emphasis { roles[name] = .styled(.emphasis) }
    return roles
  }()

  private static let roles: [String: ElementRole] = {
    var roles = ordinaryRoles
    for name in specialNames { roles[name] = .special }
    for name in HTMLDocumentConverter.skipped { roles[name] = .skipped }
    return roles
  }()
}

/// The one rule for what text from outside may write to a terminal, and how what it may not
/// is shown instead. A security boundary: every path that puts an article's, a feed's, a
/// note's or a file's text on the screen or on stdout goes through it.
///
/// Unsafe are the scalars a terminal acts on or that change how the text around them is
/// seen without being seen themselves:
/// - C0 controls (ESC starts escape sequences), DEL and C1 controls (U+009B is an 8-bit CSI);
/// - bidirectional controls: embeddings and overrides (U+202A–U+202E), isolates
///   (U+2066–U+2069) and the marks U+200E, U+200F and U+061C, since Leggio orders text itself;
/// - invisible characters: the zero-width space U+200B, the word joiner and invisible
///   operators (U+2060–U+2064), the byte order mark U+FEFF, and tag characters
///   (U+E0000–U+E007F), which can smuggle hidden text.
///
/// Kept: tab and line feed where the caller allows them, the zero-width joiner and non-joiner
/// (emoji sequences, Persian and Indic scripts need them) and variation selectors.
public enum TerminalSafety {
  /// Whether `scalar` must never reach a terminal (tab and line feed included: callers
  /// decide what they become).
  @inlinable
  public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    if value < 0x20 || (0x7F...0x9F).contains(value) { return true }
    if value < 0x061C { return false }
    return (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value)
      || isInvisible(scalar)
  }

  /// Whether `character` holds a scalar that must not reach the terminal.
  public static func isUnsafe(_ character: Character) -> Bool {
    character.unicodeScalars.contains(where: isUnsafe)
  }

  /// Whether the scalar is invisible (zero-width, BOM, tag, bidi mark): it is dropped
  /// rather than shown, since there is nothing a reader would have seen in its place.
  @inlinable
  public static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x061C, 0x200B, 0x200E, 0x200F, 0x2060...0x2064, 0xFEFF, 0xE0000...0xE007F: true
    default: false
    }
  }

  /// The visible stand-in for an unsafe scalar: the Control Pictures block for C0 and DEL
  /// (`␛` for ESC), `�` for the others.
  public static func visibleSymbol(for scalar: Unicode.Scalar) -> Character {
    let value = scalar.value
    if value < 0x20 { return Character(Unicode.Scalar(0x2400 + value)!) }
    if value == 0x7F { return "\u{2421}" }
    return "\u{FFFD}"
  }

  /// What a cell shows for `character` when it holds an unsafe scalar: the stand-in of its
  /// first visible-unsafe scalar, else the character without its invisible scalars (nil
  /// when nothing is left).
  public static func standIn(for character: Character) -> Character? {
    if let shown = character.unicodeScalars.first(where: { isUnsafe($0) && !isInvisible($0) }) {
      return visibleSymbol(for: shown)
    }
    let kept = String(String.UnicodeScalarView(character.unicodeScalars.filter { !isUnsafe($0) }))
    return kept.first
  }

  /// `text` safe to write to a terminal: tabs become a space, line feeds are kept when
  /// `keepingNewlines` (else shown as `␊`), invisible scalars are dropped and every other
  /// unsafe scalar is replaced by its visible stand-in.
  public static func safe(_ text: String, keepingNewlines: Bool = false) -> String {
    guard text.unicodeScalars.contains(where: isUnsafe) else { return text }
    var result = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      if scalar == "\t" {
        result.append(" ")
      } else if scalar == "\n" && keepingNewlines {
        result.append(scalar)
      } else if isInvisible(scalar) {
        continue
      } else if isUnsafe(scalar) {
        result.append(contentsOf: visibleSymbol(for: scalar).unicodeScalars)
      } else {
        result.append(scalar)
      }
    }
    return String(result)
  }

  /// `text` as one line for a list row or a status line: a line break or tab becomes one
  /// space (none after a space), the ends are trimmed, and unsafe scalars are handled
  /// as `safe` handles them. At most `limit` characters, ending in `…` when cut.
  public static func line(_ text: String, limit: Int? = nil) -> String {
    var result = ""
    result.reserveCapacity(text.utf8.count)
    var lastWasSpace = true
    var count = 0
    for character in text {
      if let limit, count >= limit {
        result.append("…")
        break
      }
      if character.isNewline || character == "\t" {
        if !lastWasSpace { result.append(" ") }
        lastWasSpace = true
        count += 1
        continue
      }
      if character == " " && result.isEmpty { continue }
      lastWasSpace = character == " "
      count += 1
      if isUnsafe(character) {
        result.append(safe(String(character)))
      } else {
        result.append(character)
      }
    }
    while result.last == " " { result.removeLast() }
    return result
  }

  /// `text` without unsafe scalars at all (line feeds and tabs kept): for files and
  /// exports that another program may print, where a visible stand-in would change the
  /// text's meaning.
  public static func removingUnsafe(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: { isUnsafe($0) && $0 != "\n" && $0 != "\t" })
    else { return text }
    var scalars = String.UnicodeScalarView()
    for scalar in text.unicodeScalars where !isUnsafe(scalar) || scalar == "\n" || scalar == "\t" {
      scalars.append(scalar)
    }
    return String(scalars)
  }

  /// The JSON escape (`\u001b`, a surrogate pair above U+FFFF) for a scalar that may not
  /// appear as itself in JSON printed to a terminal: the unsafe ones and the line and
  /// paragraph separators. Nil for every other scalar (quote and backslash excepted: JSON
  /// writers escape those themselves).
  public static func jsonEscape(_ scalar: Unicode.Scalar) -> String? {
    let value = scalar.value
    guard isUnsafe(scalar) || value == 0x2028 || value == 0x2029 else { return nil }
    func hex(_ unit: UInt32) -> String {
      let digits = String(unit, radix: 16)
      return "\\u" + String(repeating: "0", count: 4 - digits.count) + digits
    }
    guard value > 0xFFFF else { return hex(value) }
    let offset = value - 0x10000
    return hex(0xD800 + (offset >> 10)) + hex(0xDC00 + (offset & 0x3FF))
  }

  /// JSON text (from `JSONEncoder` or `JSONSerialization`, which escape only C0) with every
  /// unsafe scalar inside its strings escaped too; line feeds between tokens are kept. The
  /// same JSON values, safe to print.
  public static func escapingUnsafe(inJSON json: String) -> String {
    guard json.unicodeScalars.contains(where: { jsonEscape($0) != nil && $0 != "\n" }) else {
      return json
    }
    var result = ""
    result.reserveCapacity(json.utf8.count)
    for scalar in json.unicodeScalars {
      if scalar != "\n", let escaped = jsonEscape(scalar) {
        result += escaped
      } else {
        result.unicodeScalars.append(scalar)
      }
    }
    return result
  }
}

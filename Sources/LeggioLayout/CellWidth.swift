import Glibc
import LeggioModel

/// `wcwidth(3)` from the C library (Glibc hides its declaration behind `_XOPEN_SOURCE`).
@_silgen_name("wcwidth")
private func c_wcwidth(_ character: Int32) -> Int32

/// Terminal cell widths of grapheme clusters, measured as ncurses and the terminal do:
/// with the C library's `wcwidth`.
///
/// - CJK and full-width forms take 2 cells; combining marks, zero-width joiners and
///   variation selectors take none.
/// - An emoji presentation sequence (`U+FE0F`), a ZWJ sequence of pictographs and a flag
///   (two regional indicators) take 2, as current terminals draw them.
/// - Control characters (C0, C1, DEL) and bidi overrides never reach the terminal: they
///   measure 1 and are drawn as `TerminalSafety.visibleSymbol(for:)`.
/// - Tabs are not measured here: the layout expands them to the next multiple of
///   `tabStop` cells from the start of the text column.
public enum CellWidth {
  /// Tab stops every this many cells, counted from the start of the text column.
  public static let tabStop = 4

  /// Makes sure `wcwidth` answers for UTF-8: a process still in the "C" locale gets
  /// `LC_CTYPE=C.UTF-8` once (the reader calls `setlocale(LC_ALL, "")` itself).
  static let localeReady: Bool = {
    if c_wcwidth(0x4E2D) == 2 { return true }
    _ = setlocale(LC_CTYPE, "C.UTF-8")
    return c_wcwidth(0x4E2D) == 2
  }()

  /// The cells that `character` takes on a terminal (0, 1 or 2).
  public static func of(_ character: Character) -> Int {
    if let ascii = character.asciiValue {
      return ascii >= 0x20 && ascii < 0x7F ? 1 : (character == "\n" || character == "\r\n" ? 0 : 1)
    }
    return clusterWidth(character.unicodeScalars)
  }

  /// The cells that `text` takes when drawn on one line (tabs count as one cell, newlines
  /// as none; control characters as their one-cell stand-in).
  public static func of<S: StringProtocol>(_ text: S) -> Int {
    var cells = 0
    var simple = true
    for byte in text.utf8 where byte < 0x20 || byte >= 0x7F {
      simple = false
      break
    }
    if simple { return text.utf8.count }
    for character in text { cells += of(character) }
    return cells
  }

  /// Width of one grapheme cluster given its scalars.
  static func clusterWidth(_ scalars: Character.UnicodeScalarView) -> Int {
    var iterator = scalars.makeIterator()
    guard let first = iterator.next() else { return 0 }
    if isControl(first) { return 1 }
    var width = scalarWidth(first)
    var count = 1
    var pictographic = first.isPictographic
    var regional = isRegionalIndicator(first)
    while let scalar = iterator.next() {
      count += 1
      if scalar.value == 0xFE0F { return 2 }
      if scalar.isPictographic { pictographic = true }
      if isRegionalIndicator(scalar) && regional { return 2 }
      regional = false
      width += scalarWidth(scalar)
    }
    if count > 1 && pictographic && scalars.contains("\u{200D}") { return 2 }
    return min(max(width, 0), 2)
  }

  /// `wcwidth` of one scalar, with non-printable answers (-1) counted as one cell.
  static func scalarWidth(_ scalar: Unicode.Scalar) -> Int {
    let value = scalar.value
    if value >= 0x20 && value < 0x7F { return 1 }
    _ = localeReady
    let width = Int(c_wcwidth(Int32(bitPattern: value)))
    return width < 0 ? 1 : width
  }

  static func isRegionalIndicator(_ scalar: Unicode.Scalar) -> Bool {
    (0x1F1E6...0x1F1FF).contains(scalar.value)
  }

  /// True for the scalars that must never be written to a terminal (`TerminalSafety`'s
  /// rule; tab and newline included: the layout handles them before drawing).
  @inline(__always)
  public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    TerminalSafety.isUnsafe(scalar)
  }
}

extension Unicode.Scalar {
  /// An emoji or other pictograph beyond ASCII (an approximation of Extended_Pictographic).
  fileprivate var isPictographic: Bool { value > 0x7F && properties.isEmoji }
}

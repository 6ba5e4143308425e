#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The C library's `wcwidth`, which Glibc's module map leaves out (it needs
/// `_XOPEN_SOURCE`).
@_silgen_name("wcwidth")
private func systemWcwidth(_ character: Int32) -> Int32

/// Cell widths as the terminal measures them: the C library's `wcwidth` of each
/// grapheme cluster's first scalar, the same table ncurses uses.
///
/// The integrator switches this to LeggioLayout's `CellWidth` when it lands, so the
/// views and the layout measure with one function.
public enum TextWidth {
  /// `wcwidth` answers -1 for everything but ASCII under the "C" locale; make sure a
  /// UTF-8 character type is in force (the terminal layer sets the user's locale first).
  private static let localeReady: Bool = {
    let current = setlocale(LC_CTYPE, nil).map { String(cString: $0) } ?? "C"
    let lower = current.lowercased()
    if !(lower.contains("utf-8") || lower.contains("utf8")) {
      if setlocale(LC_CTYPE, "C.UTF-8") == nil { _ = setlocale(LC_CTYPE, "en_US.UTF-8") }
    }
    return true
  }()

  /// The cells `character` takes: 0, 1 or 2.
  public static func cells(_ character: Character) -> Int {
    let scalars = character.unicodeScalars
    guard let first = scalars.first else { return 0 }
    if first.value >= 0x20 && first.value < 0x7F { return 1 }
    _ = localeReady
    // Emoji presentation turns a narrow symbol into a wide one.
    if scalars.count > 1 && scalars.contains(where: { $0.value == 0xFE0F }) { return 2 }
    let width = systemWcwidth(Int32(bitPattern: first.value))
    // A control character is drawn as a one-cell symbol by the sanitiser.
    return width < 0 ? 1 : Int(width)
  }

  /// The cells `text` takes.
  public static func cells(_ text: some StringProtocol) -> Int {
    var total = 0
    for character in text { total += cells(character) }
    return total
  }

  /// `text` cut to at most `limit` cells, ending in "…" when something was cut.
  public static func truncate(_ text: String, to limit: Int) -> String {
    guard limit > 0 else { return "" }
    if cells(text) <= limit { return text }
    var result = ""
    var used = 0
    for character in text {
      let width = cells(character)
      if used + width > limit - 1 { break }
      result.append(character)
      used += width
    }
    return result + "…"
  }
}

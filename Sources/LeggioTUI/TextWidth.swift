import LeggioLayout

/// Cell widths for the views, measured by the layout's `CellWidth` (the C library's
/// `wcwidth` per grapheme cluster, as ncurses measures), so list rows, status lines and
/// pages agree on every character.
public enum TextWidth {
  /// The cells `character` takes: 0, 1 or 2.
  @inline(__always)
  public static func cells(_ character: Character) -> Int {
    CellWidth.of(character)
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

/// A colour theme: every `UIRole` mapped to colours and attributes.
///
/// Themes are written as TOML files in `Themes/` (built in, see `EmbeddedThemes`) and in
/// the user's `themes/` directory; `ThemeCatalog` loads them.
public struct Theme: Hashable, Sendable {
  public var name: String
  /// Every role's style; themes built from files have all of them.
  public var styles: [UIRole: ResolvedStyle]
  /// A line about the theme for `leggio themes` (the file's `description`).
  public var summary: String

  public init(name: String, styles: [UIRole: ResolvedStyle], summary: String = "") {
    self.name = name
    self.styles = styles
    self.summary = summary
  }

  /// The style of a cell: its role, then inline styles, then any overlay's colours.
  ///
  /// Strong text is bold and emphasis italic whatever the theme says, plus the colours
  /// and attributes the theme gives the `strong`, `emphasis` and `code` roles; a link
  /// takes the `link` role's; an overlay (search match, selection, highlight) sets the
  /// background, and the foreground where it gives one.
  public func resolve(_ style: CellStyle) -> ResolvedStyle {
    if let ink = style.picture {
      return ResolvedStyle(foreground: ink.foreground, background: ink.background)
    }
    var resolved = styles[style.role] ?? styles[.text] ?? ResolvedStyle()
    if style.inline.contains(.code) { apply(.code, to: &resolved) }
    if style.inline.contains(.strong) {
      resolved.bold = true
      apply(.strong, to: &resolved)
    }
    if style.inline.contains(.emphasis) {
      resolved.italic = true
      apply(.emphasis, to: &resolved)
    }
    if style.isLink {
      if styles[.link] == nil { resolved.underline = true }
      apply(.link, to: &resolved)
    }
    if let overlay = style.overlay { apply(overlay, to: &resolved) }
    return resolved
  }

  /// Lays a role's colours (those that are not the terminal default) and attributes
  /// over a style.
  private func apply(_ role: UIRole, to style: inout ResolvedStyle) {
    guard let mark = styles[role] else { return }
    if mark.foreground != .terminalDefault { style.foreground = mark.foreground }
    if mark.background != .terminalDefault { style.background = mark.background }
    style.bold = style.bold || mark.bold
    style.italic = style.italic || mark.italic
    style.underline = style.underline || mark.underline
    style.reverse = style.reverse || mark.reverse
    style.dim = style.dim || mark.dim
  }

  /// The terminal's own colours with bold headings, reversed bars and selections: what
  /// is left when no theme can be loaded, and what themes fall back to for a role they
  /// leave out.
  public static let fallback: Theme = {
    let empty = ThemeDefinition(name: "fallback", file: "built-in", palette: [:], roles: [:])
    let built = try? Theme.build(empty) { _, _ in nil }
    return built ?? Theme(name: "fallback", styles: [.statusBar: ResolvedStyle(reverse: true)])
  }()
}

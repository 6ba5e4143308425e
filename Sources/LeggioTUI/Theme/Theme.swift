/// A colour theme: semantic roles mapped to colours and attributes.
///
/// PLACEHOLDER: the themes work replaces this with TOML themes from `Themes/`.
public struct Theme: Hashable, Sendable {
  public var name: String
  public var styles: [UIRole: ResolvedStyle]

  public init(name: String, styles: [UIRole: ResolvedStyle]) {
    self.name = name
    self.styles = styles
  }

  /// The style of a cell: its role, then inline styles, then any overlay's colours.
  public func resolve(_ style: CellStyle) -> ResolvedStyle {
    var resolved = styles[style.role] ?? styles[.text] ?? ResolvedStyle()
    if style.inline.contains(.strong) { resolved.bold = true }
    if style.inline.contains(.emphasis) { resolved.italic = true }
    if style.isLink { resolved.underline = true }
    if let overlay = style.overlay, let mark = styles[overlay] {
      resolved.background = mark.background
      if mark.foreground != .terminalDefault { resolved.foreground = mark.foreground }
    }
    return resolved
  }

  public static let fallback = Theme(
    name: "fallback",
    styles: [
      .title: ResolvedStyle(bold: true),
      .heading: ResolvedStyle(bold: true),
      .selectedRow: ResolvedStyle(reverse: true),
      .statusBar: ResolvedStyle(reverse: true),
      .searchMatch: ResolvedStyle(reverse: true),
    ])
}

/// A theme brought down to what a terminal shows, without losing what must stand out.
extension Theme {
  /// Roles drawn as bars or marks that must stay visible against the page.
  static let standOutRoles: [UIRole] = [
    .statusBar, .header, .prompt, .selectedRow, .searchMatch, .selection,
  ]
  static let highlightRoles: [UIRole] = [
    .highlight1, .highlight2, .highlight3, .highlight4, .highlight5,
  ]

  /// This theme with every colour degraded to `depth` (see `Color.degraded(to:)`).
  ///
  /// Where degrading makes a bar, the selected row, the selection or the search match
  /// take the page's own background (a dark grey status bar becomes black on 16 colours;
  /// everything does under `NO_COLOR`), it is drawn reversed instead, so it still stands
  /// out; highlights that lose their colour are underlined. Call it once when the theme
  /// or the terminal changes and draw with the result.
  public func adapted(to depth: ColorDepth) -> Theme {
    var adapted = self
    adapted.styles = styles.mapValues { style in
      var style = style
      style.foreground = style.foreground.degraded(to: depth)
      style.background = style.background.degraded(to: depth)
      return style
    }
    let page = styles[.text] ?? ResolvedStyle()
    let degradedPage = adapted.styles[.text] ?? ResolvedStyle()
    func lostItsGround(_ role: UIRole) -> Bool {
      guard let original = styles[role], let now = adapted.styles[role], !now.reverse else {
        return false
      }
      let stoodOut =
        original.background != page.background && original.background != .terminalDefault
      let ground = now.background == .terminalDefault ? degradedPage.background : now.background
      return stoodOut && ground == degradedPage.background
    }
    for role in Theme.standOutRoles where lostItsGround(role) {
      let style = adapted.styles[role]!
      adapted.styles[role] = ResolvedStyle(
        foreground: role.isOverlay ? .terminalDefault : degradedPage.foreground,
        background: role.isOverlay ? .terminalDefault : degradedPage.background,
        bold: style.bold, italic: style.italic, underline: style.underline, reverse: true)
    }
    for role in Theme.highlightRoles where lostItsGround(role) {
      adapted.styles[role] = ResolvedStyle(underline: true)
    }
    return adapted
  }
}

import LeggioLayout

/// Every role a theme gives a colour to: the layout's text roles and the UI's own.
public enum UIRole: String, CaseIterable, Codable, Hashable, Sendable {
  // Text, as laid out (see `StyleRole`).
  case text, kicker, title, standfirst, byline, dateline, credit, heading, quote, quoteBar
  case listMarker, preformatted, continuation, image, rule, controlSymbol
  // Inline overlays on text.
  case emphasis, strong, code, link
  // Marks laid over text.
  case searchMatch, selection, highlight1, highlight2, highlight3, highlight4, highlight5
  case noteMark
  // The UI around the text.
  case background, header, statusBar, prompt, listRow, selectedRow, unreadMark, secondary
  case progress, error, notice, help

  /// The UI role of a laid-out text role.
  public init(_ role: StyleRole) {
    self = UIRole(rawValue: role.rawValue) ?? .text
  }
}

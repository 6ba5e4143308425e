/// How roles a theme leaves out get their style.
extension UIRole {
  /// Marks laid over other text: they add colours and attributes to the cell's own style
  /// and inherit nothing, so an unset colour lets the text's colour show through.
  public var isOverlay: Bool {
    switch self {
    case .emphasis, .strong, .code, .link, .searchMatch, .selection, .highlight1, .highlight2,
      .highlight3, .highlight4, .highlight5, .noteMark:
      true
    default:
      false
    }
  }

  /// The role whose colours and attributes this one takes when a theme leaves it out (or
  /// leaves out some of its fields); nil for `text`, the root, and for overlays.
  public var parent: UIRole? {
    switch self {
    case .text: nil
    case _ where isOverlay: nil
    case .quoteBar: .quote
    case .credit, .dateline, .continuation, .image, .rule, .progress: .secondary
    case .header, .prompt: .statusBar
    case .selectedRow, .unreadMark: .listRow
    default: .text
    }
  }

  /// The role a theme file names: the raw value (`searchMatch`), or the same words in
  /// kebab or snake case (`search-match`, `search_match`), any capitalisation.
  public init?(themeKey: String) {
    let folded = UIRole.fold(themeKey)
    guard let role = UIRole.allCases.first(where: { UIRole.fold($0.rawValue) == folded }) else {
      return nil
    }
    self = role
  }

  private static func fold(_ key: String) -> String {
    String(key.lowercased().filter { $0 != "-" && $0 != "_" })
  }
}

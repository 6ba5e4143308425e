extension Action {
  /// What the action does, for the help overlay.
  public var summary: String {
    switch self {
    case .quit: "quit Leggio"
    case .back: "back"
    case .help: "this help"
    case .cycleTheme: "next theme"
    case .search: "search"
    case .notebook: "notebook"
    case .up: "up"
    case .down: "down"
    case .pageUp: "page up"
    case .pageDown: "page down"
    case .top: "first"
    case .bottom: "last"
    case .open: "open"
    case .sort: "change sort order"
    case .filterTag: "filter by tag"
    case .toggleUnread: "unread only on/off"
    case .remove: "remove article"
    case .nextPage: "next page"
    case .previousPage: "previous page"
    case .firstPage: "first page (a number then G: that page)"
    case .lastPage: "last page"
    case .nextMatch: "next match"
    case .previousMatch: "previous match"
    case .links: "links (a number then Enter: that link)"
    }
  }
}

/// Where an action applies, so that a configuration binding one key to two actions of
/// the same screen can be reported.
extension Action {
  public enum Scope: Hashable, Sendable {
    case everywhere, lists, reader, selection, annotations, feeds, links
  }

  public var scope: Scope {
    switch self {
    case .quit, .back, .help, .cycleTheme, .search, .notebook: .everywhere
    case .up, .down, .pageUp, .pageDown, .top, .bottom, .open, .sort, .filterTag, .toggleUnread,
      .toggleStarred, .remove, .feeds, .fetchPending, .sync:
      .lists
    // On the list and in the reader.
    case .star: .lists
    case .saveLink, .openLink: .links
    case .nextPage, .previousPage, .firstPage, .lastPage, .nextMatch, .previousMatch, .links:
      .reader
    case .select, .bookmark, .marks, .contents, .jumpBack: .reader
    case .viewPicture, .previousPicture, .openPicture: .reader
    case .wordForward, .wordBack, .sentenceForward, .sentenceBack, .paragraphForward,
      .paragraphBack, .highlight, .note, .noteInEditor:
      .selection
    case .editNote, .deleteAnnotation, .undo: .annotations
    case .updateFeeds: .feeds
    }
  }

  /// Whether the two actions can be wanted on the same screen.
  public func sharesAScreen(with other: Action) -> Bool {
    scope == other.scope || scope == .everywhere || other.scope == .everywhere
  }
}

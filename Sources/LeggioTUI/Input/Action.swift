/// Everything a key can be bound to. The raw value is the name used in
/// `config.toml`'s `[keys]` table.
public enum Action: String, CaseIterable, Codable, Hashable, Sendable {
  // Everywhere.
  case quit, back, help, cycleTheme = "cycle-theme", search, notebook
  // Lists.
  case up, down, pageUp = "page-up", pageDown = "page-down", top, bottom, open
  case sort, filterTag = "filter-tag", toggleUnread = "toggle-unread", remove, feeds
  case toggleStarred = "toggle-starred", sync
  // Starring an article (the list and the reader); fetching pending articles' pages.
  case star, fetchPending = "fetch-pending"
  // Reader.
  case nextPage = "next-page", previousPage = "previous-page"
  case firstPage = "first-page", lastPage = "last-page"
  case nextMatch = "next-match", previousMatch = "previous-match", links
  case select, bookmark, marks
  // Books: the table of contents, and back from a followed link or chapter.
  case contents, jumpBack = "jump-back"
  // A selection in the reader.
  case wordForward = "word-forward", wordBack = "word-back"
  case sentenceForward = "sentence-forward", sentenceBack = "sentence-back"
  case paragraphForward = "paragraph-forward", paragraphBack = "paragraph-back"
  case highlight, note, noteInEditor = "note-in-editor"
  // Bookmarks, highlights and notes in a list.
  case editNote = "edit-note", deleteAnnotation = "delete-annotation", undo
  // The links list: save the linked page in the library, open it in the browser.
  case saveLink = "save-link", openLink = "open-in-browser"
  // The feeds screen.
  case updateFeeds = "update-feeds"
  // Pictures: one alone on the screen (the reader and the picture screen), the next or
  // the one before, and the picture opened in the system's viewer.
  case viewPicture = "view-picture", previousPicture = "previous-picture"
  case openPicture = "open-picture"
}

/// The places keys mean different things in.
public enum Screen: String, CaseIterable, Codable, Hashable, Sendable {
  /// The list of articles.
  case library
  /// An article, page by page.
  case reader
  /// An article's links.
  case links
  /// The tag picker of the library.
  case tags
  /// A passage being selected in the reader.
  case selection
  /// The open article's bookmarks, highlights and notes (`'`).
  case marks
  /// Every bookmark, highlight and note in the library.
  case notebook
  /// The subscriptions, their unread counts and errors (`F` in the library).
  case feeds
  /// A book's table of contents (`o` in the reader).
  case contents
  /// A picture alone on the screen (`i` in the reader).
  case picture
}

/// How an EPUB joins the library: one book, or one article per piece of a periodical
/// (`leggio add FILE.epub --as book|articles`). Without a choice Leggio guesses.
public enum EPUBForm: String, CaseIterable, Sendable {
  case book
  case articles
}

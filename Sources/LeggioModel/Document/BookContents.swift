import Foundation

/// What a book adds to its body: the table of contents, pointing at blocks of the one
/// `Document` that holds every chapter, and the book's facts that have no place in
/// `ArticleMetadata`. Offsets follow from the blocks (`CanonicalText.blockStarts`), so
/// the table of contents needs no coordinates of its own.
public struct BookContents: Codable, Hashable, Sendable {
  /// One line of the table of contents.
  public struct Entry: Codable, Hashable, Sendable {
    public var title: String
    /// 1 for a top-level entry, 2 for one nested in it, and so on.
    public var level: Int
    /// The index of the first block of the entry's text in the document.
    public var block: Int

    public init(title: String, level: Int, block: Int) {
      self.title = title
      self.level = level
      self.block = block
    }
  }

  /// The table of contents in reading order (nested entries follow their parent).
  public var entries: [Entry]
  /// The book's identifier as the package document gives it (an ISBN, a UUID, a URL).
  public var identifier: String?
  /// Every creator named, in the package's order (the byline joins them).
  public var creators: [String]
  public var publisher: String?
  /// The path of the cover image inside the book, if one is declared.
  public var cover: String?

  public init(
    entries: [Entry] = [], identifier: String? = nil, creators: [String] = [],
    publisher: String? = nil, cover: String? = nil
  ) {
    self.entries = entries
    self.identifier = identifier
    self.creators = creators
    self.publisher = publisher
    self.cover = cover
  }

  /// The entry whose text holds block `index`: the one starting nearest before it (the
  /// last such in the list on a tie, the most nested). Entries are usually in reading
  /// order, but a `linear="no"` chapter at the end of the book may be listed first.
  public func entry(containingBlock index: Int) -> Entry? {
    var found: Entry?
    for entry in entries where entry.block <= index {
      if found == nil || entry.block >= found!.block { found = entry }
    }
    return found
  }
}

import LeggioModel

/// A link of an article, as the link list shows it.
public struct ArticleLink: Hashable, Sendable {
  /// The linked text.
  public var text: String
  public var url: String

  public init(text: String, url: String) {
    self.text = text
    self.url = url
  }

  /// Where the link goes, as the link list shows it: its URL, or for a link inside a
  /// book whether it is a note (shown in place) or a place in the book (jumped to).
  public var shownTarget: String {
    switch InternalLink(url) {
    case .note: "note (opens here)"
    case .block: "in this book"
    case nil: url
    }
  }

  /// The document's links in reading order, one entry per run of linked text.
  public static func links(in document: Document) -> [ArticleLink] {
    var result: [ArticleLink] = []
    for block in document.blocks {
      var previous: String?
      for inline in block.inlines {
        defer { previous = inline.link }
        guard let url = inline.link, !url.isEmpty else { continue }
        if url == previous {
          // Consecutive styled runs of one link (a link with a bold word) are one link.
          result[result.count - 1].text += inline.text
        } else {
          result.append(ArticleLink(text: inline.text, url: url))
        }
      }
    }
    return result
  }
}

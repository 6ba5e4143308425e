import Foundation
import LeggioModel

extension FeedItem {
  /// The title to show: the feed's, else one made from the link's last path component
  /// as newsboat does ("a-gentle-introduction.html" -> "A gentle introduction"), else
  /// the summary's first words.
  public var displayTitle: String {
    if let title, !title.isEmpty { return title }
    if let link, let made = Self.title(fromLink: link) { return made }
    if let text = (summary ?? content).map({ FeedHTML.plainText($0.value) }) {
      let words = FeedTextCleaner.line(text).split(separator: " ").prefix(10)
      if !words.isEmpty { return words.joined(separator: " ") + (words.count == 10 ? "…" : "") }
    }
    return "Untitled"
  }

  static func title(fromLink link: String) -> String? {
    guard let url = URL(string: link) else { return nil }
    var slug = url.lastPathComponent
    if let dot = slug.lastIndex(of: "."), slug.distance(from: dot, to: slug.endIndex) <= 6 {
      slug = String(slug[..<dot])
    }
    slug = slug.removingPercentEncoding ?? slug
    let words = slug.split(whereSeparator: { $0 == "-" || $0 == "_" || $0 == "+" }).joined(
      separator: " ")
    let line = FeedTextCleaner.line(words)
    guard !line.isEmpty, line != "/", line.contains(where: \.isLetter) else { return nil }
    return line.prefix(1).uppercased() + line.dropFirst()
  }

  /// The item as a library article: its content, else its summary, as the body.
  public func article(feed: ParsedFeed, feedURL: URL?) -> ImportedArticle {
    let base = link.flatMap(URL.init(string:)) ?? feedURL
    let body = content ?? summary
    var document = body.map { FeedHTML.document($0, baseURL: base) } ?? Document()
    if document.isEmpty, let link {
      document = Document(blocks: [Block(.paragraph, [Inline(link, link: link)])])
    }
    document = withPicture(document)
    let standfirst: String? =
      content != nil ? summary.map { FeedTextCleaner.line(FeedHTML.plainText($0.value)) } : nil
    let byline = authors.compactMap(\.displayName).joined(separator: ", ")
    let metadata = ArticleMetadata(
      title: displayTitle,
      standfirst: standfirst?.isEmpty == false ? standfirst : nil,
      byline: byline.isEmpty ? nil : byline,
      published: published ?? updated,
      language: feed.language,
      source: link,
      siteName: feed.title,
      tags: categories)
    return ImportedArticle(metadata: metadata, document: document)
  }
}

import Foundation
import LeggioModel

/// Reads RSS 0.90–0.94, 1.0 (RDF) and 2.0 from their element tree.
enum RSSReader {
  /// RSS 2.0 elements have no namespace; RSS 1.0 and 0.90 put theirs in one.
  private static let rss: Set<String?> = [nil, FeedNamespace.rss10, FeedNamespace.rss090]
  private static let dc: Set<String?> = [FeedNamespace.dublinCore]
  private static let content: Set<String?> = [FeedNamespace.content]
  private static let media: Set<String?> = [FeedNamespace.media]
  private static let atom: Set<String?> = [FeedNamespace.atom10]

  static func read(_ root: FeedXMLElement) -> ParsedFeed {
    var feed = header(root)
    feed.items = ConcurrentSlices.map(items(root)) { $0.map(item) }.flatMap { $0 }
    return feed
  }

  /// The item elements: RSS 0.9x and 2.0 nest them in the channel; RSS 0.90 and 1.0 make
  /// them its siblings.
  static func items(_ root: FeedXMLElement) -> [FeedXMLElement] {
    let channel = root.child("channel", in: rss) ?? root
    return channel.children("item", in: rss)
      + (channel === root ? [] : root.children("item", in: rss))
  }

  /// The feed without its items: title, link, description, language, date, authors.
  static func header(_ root: FeedXMLElement) -> ParsedFeed {
    let format = format(of: root)
    let channel = root.child("channel", in: rss) ?? root
    var feed = ParsedFeed(format: format)
    feed.title = channel.child("title", in: rss)?.trimmedText.map(FeedTextCleaner.line)
    feed.link =
      channel.child("link", in: rss)?.trimmedText.map(channel.resolve)
      ?? channel.children("link", in: atom).first {
        $0.attribute("rel") ?? "alternate" == "alternate"
      }?
      .attribute("href").map(channel.resolve)
    feed.subtitle = channel.child("description", in: rss)?.trimmedText
    feed.language =
      (channel.child("language", in: rss) ?? channel.child("language", in: dc))?.trimmedText
    feed.updated =
      (channel.child("lastBuildDate", in: rss) ?? channel.child("pubDate", in: rss)
      ?? channel.child("date", in: dc))?.trimmedText.flatMap(FeedDate.parse)
    feed.authors =
      (channel.children("managingEditor", in: rss) + channel.children("creator", in: dc))
      .compactMap { $0.trimmedText.flatMap(FeedPersonParser.parse) }
    return feed
  }

  private static func format(of root: FeedXMLElement) -> FeedFormat {
    if root.name == "RDF" {
      return root.child("channel", in: [FeedNamespace.rss090]) != nil ? .rss090 : .rss10
    }
    switch root.attribute("version")?.trimmingCharacters(in: .whitespaces) {
    case "0.90": return .rss090
    case "0.91": return .rss091
    case "0.92": return .rss092
    case "0.93": return .rss093
    case "0.94": return .rss094
    default: return .rss20
    }
  }

  static func item(_ element: FeedXMLElement) -> FeedItem {
    var item = FeedItem()
    let mediaGroup = element.child("group", in: media)?.child("content", in: media)
    let titleElement =
      element.child("title", in: rss) ?? element.child("title", in: dc)
      ?? element.child("title", in: media) ?? mediaGroup?.child("title", in: media)
    item.title = titleElement?.trimmedText.map(FeedTextCleaner.line)
    if let link = element.child("link", in: rss)?.trimmedText {
      item.link = element.resolve(link)
    } else if let link = element.children("link", in: atom)
      .first(where: { ($0.attribute("rel") ?? "alternate") == "alternate" })?.attribute("href")
    {
      item.link = element.resolve(link)
    }
    if let guid = element.child("guid", in: rss), let value = guid.trimmedText {
      item.id = value
      // A permalink guid is the item's page when the item has no link of its own.
      if item.link == nil, guid.attribute("isPermaLink")?.lowercased() != "false",
        FeedXMLElement.isAbsolute(value) || guid.base != nil
      {
        item.link = guid.resolve(value)
      }
    } else if let about = element.attribute("about", namespace: FeedNamespace.rdf) {
      item.id = about.trimmingCharacters(in: .whitespacesAndNewlines)
    }
    item.authors = (element.children("author", in: rss) + element.children("creator", in: dc))
      .compactMap { $0.trimmedText.flatMap(FeedPersonParser.parse) }
    item.published = (element.child("pubDate", in: rss) ?? element.child("date", in: dc))?
      .trimmedText.flatMap(FeedDate.parse)
    item.updated = (element.child("updated", in: atom) ?? element.child("modified", in: dc))?
      .trimmedText.flatMap(FeedDate.parse)
    if let description = element.child("description", in: rss)?.trimmedText {
      item.summary = FeedText(.html, description)
    } else if let description =
      (element.child("description", in: media)
        ?? mediaGroup?.child("description", in: media))
    {
      if let text = description.trimmedText {
        item.summary = FeedText(description.attribute("type") == "html" ? .html : .text, text)
      }
    }
    if let encoded = element.child("encoded", in: content)?.trimmedText {
      item.content = FeedText(.html, encoded)
    }
    item.categories = (element.children("category", in: rss) + element.children("subject", in: dc))
      .compactMap { $0.trimmedText.map(FeedTextCleaner.line) }
    item.enclosures = enclosures(element, mediaGroup: element.child("group", in: media))
    item.image = MediaThumbnail.url(in: element)
    return item
  }

  private static func enclosures(_ element: FeedXMLElement, mediaGroup: FeedXMLElement?)
    -> [FeedEnclosure]
  {
    var result: [FeedEnclosure] = []
    for enclosure in element.children("enclosure", in: rss) {
      guard let url = enclosure.attribute("url"), !url.isEmpty else { continue }
      result.append(
        FeedEnclosure(
          url: enclosure.resolve(url), type: enclosure.attribute("type"),
          length: enclosure.attribute("length").flatMap {
            Int64($0.trimmingCharacters(in: .whitespaces))
          }))
    }
    let mediaContents =
      element.children("content", in: media) + (mediaGroup?.children("content", in: media) ?? [])
    for media in mediaContents {
      guard let url = media.attribute("url"), !url.isEmpty else { continue }
      let resolved = media.resolve(url)
      if result.contains(where: { $0.url == resolved }) { continue }
      result.append(
        FeedEnclosure(
          url: resolved, type: media.attribute("type"),
          length: media.attribute("fileSize").flatMap { Int64($0) }))
    }
    return result
  }
}

import Foundation
import LeggioModel

/// Reads Atom 1.0 (RFC 4287) and the older Atom 0.3 from their element tree.
enum AtomReader {
  private static let atom: Set<String?> = [FeedNamespace.atom10, FeedNamespace.atom03, nil]
  private static let media: Set<String?> = [FeedNamespace.media]

  static func read(_ root: FeedXMLElement) -> ParsedFeed {
    let isLegacy = root.namespace == FeedNamespace.atom03 || root.attribute("version") == "0.3"
    var feed = ParsedFeed(format: isLegacy ? .atom03 : .atom10)
    feed.title = root.child("title", in: atom).flatMap(text).map(plainLine)
    feed.link = alternateLink(root)
    feed.subtitle =
      (root.child("subtitle", in: atom) ?? root.child("tagline", in: atom))
      .flatMap(text)?.value
    feed.language = root.attribute("lang", namespace: FeedNamespace.xml)
    feed.updated = (root.child("updated", in: atom) ?? root.child("modified", in: atom))?
      .trimmedText.flatMap(FeedDate.parse)
    feed.authors = people(root.children("author", in: atom))
    // Entries are independent: a feed of thousands is converted on every core.
    let authors = feed.authors
    feed.items = ConcurrentSlices.map(root.children("entry", in: atom)) {
      $0.map { entry($0, feedAuthors: authors) }
    }.flatMap { $0 }
    return feed
  }

  /// An Atom entry document (`<entry>` at the root): a feed of that one entry, titled
  /// and linked from the entry's `<source>` when it names its feed.
  static func readEntryDocument(_ root: FeedXMLElement) -> ParsedFeed {
    let isLegacy = root.namespace == FeedNamespace.atom03 || root.attribute("version") == "0.3"
    var feed = ParsedFeed(format: isLegacy ? .atom03 : .atom10)
    if let source = root.child("source", in: atom) {
      feed.title = source.child("title", in: atom).flatMap(text).map(plainLine)
      feed.link = alternateLink(source)
      feed.authors = people(source.children("author", in: atom))
    }
    feed.items = [entry(root, feedAuthors: feed.authors)]
    return feed
  }

  private static func entry(_ element: FeedXMLElement, feedAuthors: [FeedPerson]) -> FeedItem {
    var item = FeedItem()
    item.id = element.child("id", in: atom)?.trimmedText
    let mediaGroup = element.child("group", in: media)?.child("content", in: media)
    item.title =
      (element.child("title", in: atom).flatMap(text)
      ?? (element.child("title", in: media) ?? mediaGroup?.child("title", in: media)).flatMap(text))
      .map(plainLine)
    item.link = alternateLink(element)
    let authors = people(element.children("author", in: atom))
    let sourceAuthors = people(
      element.children("source", in: atom).flatMap { $0.children("author", in: atom) })
    item.authors = !authors.isEmpty ? authors : !sourceAuthors.isEmpty ? sourceAuthors : feedAuthors
    item.published =
      (element.child("published", in: atom) ?? element.child("issued", in: atom)
      ?? element.child("created", in: atom))?.trimmedText.flatMap(FeedDate.parse)
    item.updated = (element.child("updated", in: atom) ?? element.child("modified", in: atom))?
      .trimmedText.flatMap(FeedDate.parse)
    item.summary =
      element.child("summary", in: atom).flatMap(text)
      ?? (element.child("description", in: media) ?? mediaGroup?.child("description", in: media))
      .flatMap(text)
    if let content = element.child("content", in: atom) {
      if let source = content.attribute("src") {
        if item.link == nil { item.link = content.resolve(source) }
      } else {
        item.content = text(content)
      }
    }
    item.categories = element.children("category", in: atom).compactMap {
      ($0.attribute("label") ?? $0.attribute("term") ?? $0.trimmedText).map(FeedTextCleaner.line)
    }.filter { !$0.isEmpty }
    item.enclosures = element.children("link", in: atom).compactMap { link in
      guard link.attribute("rel") == "enclosure", let href = link.attribute("href") else {
        return nil
      }
      return FeedEnclosure(
        url: link.resolve(href), type: link.attribute("type"),
        length: link.attribute("length").flatMap { Int64($0) })
    }
    for mediaContent in element.children("content", in: media) {
      if let url = mediaContent.attribute("url") {
        item.enclosures.append(
          FeedEnclosure(url: mediaContent.resolve(url), type: mediaContent.attribute("type")))
      }
    }
    item.image = MediaThumbnail.url(in: element)
    return item
  }

  /// The `rel="alternate"` link (a link without rel is one), an HTML one first.
  private static func alternateLink(_ element: FeedXMLElement) -> String? {
    let alternates = element.children("link", in: atom).filter {
      ($0.attribute("rel") ?? "alternate") == "alternate" && $0.attribute("href") != nil
    }
    let html = alternates.first { ($0.attribute("type") ?? "text/html").contains("html") }
    return (html ?? alternates.first).flatMap { link in link.attribute("href").map(link.resolve) }
  }

  private static func people(_ elements: [FeedXMLElement]) -> [FeedPerson] {
    elements.compactMap { element in
      let name = element.child("name", in: atom)?.trimmedText.map(FeedTextCleaner.line)
      guard let name, !name.isEmpty else { return nil }
      return FeedPerson(
        name: name, email: element.child("email", in: atom)?.trimmedText,
        uri: element.child("uri", in: atom)?.trimmedText.map(element.resolve))
    }
  }

  /// An Atom text construct: text, html, xhtml, or (content only) any MIME type,
  /// base64-encoded unless textual. Atom 0.3's `mode` (xml, escaped, base64) too.
  static func text(_ element: FeedXMLElement) -> FeedText? {
    let type = (element.attribute("type") ?? "text").lowercased()
    let mode = element.attribute("mode")?.lowercased()
    if type == "xhtml" || type.hasSuffix("xhtml+xml") || mode == "xml" {
      let markup = element.innerXML ?? element.textContent
      let trimmed = markup.trimmingCharacters(in: .whitespacesAndNewlines)
      return trimmed.isEmpty ? nil : FeedText(.html, FeedTextCleaner.clean(trimmed))
    }
    let isTextual =
      type == "text" || type == "html" || type.hasPrefix("text/") || type.hasSuffix("+xml")
      || type.hasSuffix("/xml")
    var value = element.textContent
    if mode == "base64" || !isTextual {
      let compact = value.filter { !$0.isWhitespace }
      guard let data = Data(base64Encoded: compact),
        let decoded = String(data: data, encoding: .utf8)
      else { return nil }
      value = decoded
    }
    value = FeedTextCleaner.clean(value)
    guard !value.isEmpty else { return nil }
    let isHTML = type == "html" || type.contains("html")
    return FeedText(isHTML ? .html : .text, value)
  }

  /// A title as one plain line: HTML titles lose their markup.
  static func plainLine(_ text: FeedText) -> String {
    FeedTextCleaner.line(text.kind == .html ? FeedHTML.plainText(text.value) : text.value)
  }
}

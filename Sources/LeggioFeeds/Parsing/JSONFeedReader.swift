import Foundation

/// Reads JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1).
enum JSONFeedReader {
  static func read(_ data: Data, url: URL?, source: String) throws -> ParsedFeed {
    let object: Any
    do {
      object = try JSONSerialization.jsonObject(with: data)
    } catch {
      throw FeedError.invalidJSON(
        source: source, detail: "the JSON is not valid (\(describe(error)))")
    }
    guard let json = object as? [String: Any] else {
      throw FeedError.invalidJSON(source: source, detail: "the JSON is not an object")
    }
    guard let version = json["version"] as? String else {
      throw FeedError.invalidJSON(source: source, detail: "it has no \"version\" field")
    }
    let base = url ?? (json["feed_url"] as? String).flatMap(URL.init(string:))
    let resolve = { (link: String) -> String in
      guard let base, !FeedXMLElement.isAbsolute(link) else { return link }
      return URL(string: link, relativeTo: base)?.absoluteString ?? link
    }
    var feed = ParsedFeed(format: version.hasSuffix("1.1") ? .json11 : .json10)
    if json["items"] == nil { feed.warnings.append("the feed has no \"items\" array") }
    feed.title = string(json["title"]).map(title)
    feed.link = string(json["home_page_url"]).map(resolve)
    feed.subtitle = string(json["description"])
    feed.language = string(json["language"])
    feed.authors = people(json)
    let items = json["items"] as? [[String: Any]] ?? []
    feed.items = items.map { item($0, feedAuthors: feed.authors, resolve: resolve) }
    return feed
  }

  private static func item(
    _ json: [String: Any], feedAuthors: [FeedPerson], resolve: (String) -> String
  ) -> FeedItem {
    var item = FeedItem()
    if let id = json["id"] as? String {
      item.id = id
    } else if let number = json["id"] as? NSNumber {
      item.id = number.stringValue  // 1.0 feeds in the wild use numbers
    }
    item.title = string(json["title"]).map(title)
    item.link = (string(json["url"]) ?? string(json["external_url"])).map(resolve)
    let authors = people(json)
    item.authors = authors.isEmpty ? feedAuthors : authors
    item.published = string(json["date_published"]).flatMap(FeedDate.parse)
    item.updated = string(json["date_modified"]).flatMap(FeedDate.parse)
    item.summary = string(json["summary"]).map { FeedText(.text, $0) }
    if let html = string(json["content_html"]) {
      item.content = FeedText(.html, html)
    } else if let text = string(json["content_text"]) {
      item.content = FeedText(.text, text)
    }
    item.categories = (json["tags"] as? [Any] ?? []).compactMap { string($0) }
    item.enclosures = (json["attachments"] as? [[String: Any]] ?? []).compactMap { attachment in
      guard let url = string(attachment["url"]) else { return nil }
      return FeedEnclosure(
        url: resolve(url), type: string(attachment["mime_type"]),
        length: (attachment["size_in_bytes"] as? NSNumber)?.int64Value)
    }
    item.image = string(json["image"]).map(resolve)
    return item
  }

  /// `authors` (1.1), else the deprecated `author` (1.0).
  private static func people(_ json: [String: Any]) -> [FeedPerson] {
    let list =
      json["authors"] as? [[String: Any]] ?? (json["author"] as? [String: Any]).map { [$0] } ?? []
    return list.compactMap { person in
      let name = string(person["name"]).map(FeedTextCleaner.line)
      let url = string(person["url"])
      guard name != nil || url != nil else { return nil }
      return FeedPerson(name: name, uri: url)
    }
  }

  /// A title as one line with its character references decoded (`&#8211;`, `&amp;`):
  /// JSON Feed titles are plain text, but publishers write them from HTML templates, and
  /// every other reader decodes them. Tags are left as they are (they are text here).
  static func title(_ value: String) -> String {
    guard value.contains("&") else { return FeedTextCleaner.line(value) }
    let escaped = value.replacingOccurrences(of: "<", with: "&lt;")
    return FeedTextCleaner.line(FeedHTML.plainText(escaped))
  }

  private static func string(_ value: Any?) -> String? {
    guard let text = value as? String else { return nil }
    let cleaned = FeedTextCleaner.clean(text)
    return cleaned.isEmpty ? nil : cleaned
  }

  private static func describe(_ error: Error) -> String {
    let nsError = error as NSError
    return (nsError.userInfo[NSDebugDescriptionErrorKey] as? String) ?? "syntax error"
  }
}

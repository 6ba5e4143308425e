import Foundation
import LeggioModel
import LeggioImport

/// Turns a feed's bytes into a `ParsedFeed`: RSS 0.90–2.0, RDF, Atom 0.3 and 1.0, JSON
/// Feed 1.0 and 1.1, whatever the server claims the content type is.
///
/// A malformed feed yields what can be read, with warnings; bytes that are no feed at
/// all (empty, HTML, plain text, other XML) throw a `FeedError` that says so.
public enum FeedParser {
  /// - Parameters:
  ///   - contentType: the HTTP `Content-Type`, whose `charset` wins over the XML declaration.
  ///   - url: where the feed came from; relative links are resolved against it.
  public static func parse(data: Data, contentType: String? = nil, url: URL? = nil) throws
    -> ParsedFeed
  {
    let source = url.map(describe) ?? "The feed"
    let decoded = FeedCharset.decode(data, httpCharset: charset(in: contentType))
    guard let first = decoded.bytes.firstIndex(where: { !isSpace($0) }) else {
      throw FeedError.empty(source: source)
    }
    var feed: ParsedFeed
    switch decoded.bytes[first] {
    case UInt8(ascii: "{"):
      feed = try JSONFeedReader.read(Data(decoded.bytes[first...]), url: url, source: source)
    case UInt8(ascii: "<"):
      let bytes = first == 0 ? decoded.bytes : Array(decoded.bytes[first...])
      if looksLikeHTML(bytes) { throw htmlError(bytes, url: url, source: source) }
      let result = try FeedXMLReader.parse(
        bytes, encoding: decoded.libxmlEncoding, url: url, source: source)
      feed = try read(result.root, bytes: bytes, url: url, source: source)
      feed.warnings.insert(contentsOf: result.warnings, at: 0)
      ReleasedElsewhere.release(result.root)
    default:
      let start = String(decoding: decoded.bytes[first...].prefix(24), as: UTF8.self)
      throw FeedError.notAFeed(source: source, startsWith: FeedTextCleaner.line(start))
    }
    feed.warnings.insert(contentsOf: decoded.warnings, at: 0)
    return feed
  }

  /// Parses like `parse(data:contentType:url:)`, handing the items to `onItems` in
  /// batches of up to `batchSize`, each with the feed as read so far (title, link...).
  /// RSS is read as a stream, so the first batch comes while the rest is still being
  /// parsed; other feeds are parsed whole and then handed over. Returns the whole feed;
  /// without `keepsItems`, the returned feed leaves out the items handed over while
  /// streaming, so that no step holds a large feed's items all at once.
  public static func parse(
    data: consuming Data, contentType: String? = nil, url: URL? = nil, batchSize: Int,
    keepsItems: Bool = true, onItems: ([FeedItem], ParsedFeed) -> Void
  ) throws -> ParsedFeed {
    let source = url.map(describe) ?? "The feed"
    let httpCharset = charset(in: contentType)
    // Bytes that are UTF-8 already are parsed where they lie: a copy is 21 MB for a feed
    // of 10,000 items, and 5,000 pages to fault in.
    if FeedCharset.isUTF8AsIs(data, httpCharset: httpCharset) {
      let streamed = try data.withUnsafeBytes { raw in
        try stream(
          raw.bindMemory(to: UInt8.self), warnings: [], url: url, source: source,
          batchSize: batchSize, keepsItems: keepsItems, onItems: onItems)
      }
      if let streamed { return streamed }
      return try parseWhole(
        data: data, contentType: contentType, url: url, batchSize: batchSize, onItems: onItems)
    }
    let decoded = FeedCharset.decode(data, httpCharset: httpCharset)
    guard decoded.bytes.withUnsafeBufferPointer(canStreamUTF8) else {
      return try parseWhole(
        data: data, contentType: contentType, url: url, batchSize: batchSize, onItems: onItems)
    }
    // The fetched bytes are let go once decoded: held beside their copy while the feed is
    // parsed, they were 2.2 MB more at a ten-feed update's peak.
    _ = consume data
    return try decoded.bytes.withUnsafeBufferPointer { bytes in
      try stream(
        bytes, warnings: decoded.warnings, url: url, source: source, batchSize: batchSize,
        keepsItems: keepsItems, onItems: onItems)
    }!
  }

  /// A feed that cannot be streamed, parsed whole and then handed over in batches.
  private static func parseWhole(
    data: Data, contentType: String?, url: URL?, batchSize: Int,
    onItems: ([FeedItem], ParsedFeed) -> Void
  ) throws -> ParsedFeed {
    let feed = try parse(data: data, contentType: contentType, url: url)
    for batch in feed.items.chunks(of: batchSize) { onItems(Array(batch), feed) }
    return feed
  }

  /// Whether UTF-8 bytes are an XML document that `FeedXMLStreamReader` can read.
  private static func canStreamUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let first = bytes.firstIndex(where: { !isSpace($0) }), bytes[first] == UInt8(ascii: "<")
    else { return false }
    return FeedXMLStreamReader.canStream(bytes, encoding: "UTF-8")
  }

  /// Streams UTF-8 bytes through `FeedXMLStreamReader`; nil when they cannot be streamed
  /// (`canStreamUTF8`). `warnings` are the charset's, put first as `parse` does.
  private static func stream(
    _ all: UnsafeBufferPointer<UInt8>, warnings: [String], url: URL?, source: String,
    batchSize: Int, keepsItems: Bool, onItems: ([FeedItem], ParsedFeed) -> Void
  ) throws -> ParsedFeed? {
    guard canStreamUTF8(all), let first = all.firstIndex(where: { !isSpace($0) }) else {
      return nil
    }
    let bytes = UnsafeBufferPointer(rebasing: all[first...])
    if looksLikeHTML(bytes) { throw htmlError(bytes, url: url, source: source) }
    var streamed: [FeedItem] = []
    let result = try FeedXMLStreamReader.parse(
      bytes, url: url, source: source, batchSize: batchSize
    ) { elements, root in
      let items = ConcurrentSlices.map(elements) { $0.map(RSSReader.item) }.flatMap { $0 }
      if keepsItems { streamed += items }
      onItems(items, RSSReader.header(root))
    }
    var feed = try read(result.root, bytes: bytes, url: url, source: source)
    // Atom entries, and RSS items outside the channel, are read from the rest of the tree.
    for batch in feed.items.chunks(of: batchSize) { onItems(Array(batch), feed) }
    feed.items = streamed + feed.items
    feed.warnings.insert(contentsOf: result.warnings, at: 0)
    feed.warnings.insert(contentsOf: warnings, at: 0)
    ReleasedElsewhere.release(result.root)
    return feed
  }

  private static func read(
    _ root: FeedXMLElement, bytes: some Collection<UInt8>, url: URL?, source: String
  ) throws
    -> ParsedFeed
  {
    switch root.name.lowercased() {
    case "rss", "rdf": return RSSReader.read(root)
    case "feed": return AtomReader.read(root)
    // A standalone Atom entry document (RFC 5023's member resource): a feed of one entry.
    case "entry": return AtomReader.readEntryDocument(root)
    case "html": throw htmlError(bytes, url: url, source: source)
    default:
      throw FeedError.unknownXML(source: source, rootElement: FeedTextCleaner.line(root.name))
    }
  }

  /// `http://example.com/feed` or, for files, the file's path.
  static func describe(_ url: URL) -> String {
    url.isFileURL ? url.path : url.absoluteString
  }

  /// The `charset` parameter of a Content-Type header.
  static func charset(in contentType: String?) -> String? {
    guard let contentType else { return nil }
    for parameter in contentType.split(separator: ";").dropFirst() {
      let pair = parameter.split(separator: "=", maxSplits: 1)
      if pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == "charset" {
        return pair[1].trimmingCharacters(in: CharacterSet(charactersIn: " \"'"))
      }
    }
    return nil
  }

  private static func isSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
  }

  /// `<!DOCTYPE html` or an `<html` start before any feed root.
  private static func looksLikeHTML(_ bytes: some Collection<UInt8>) -> Bool {
    let head = String(decoding: bytes.prefix(1024), as: UTF8.self).lowercased()
    if head.contains("<!doctype html") { return true }
    guard let html = head.range(of: "<html") else { return false }
    for root in ["<rss", "<feed", "<rdf:rdf"] {
      if let feed = head.range(of: root), feed.lowerBound < html.lowerBound { return false }
    }
    return true
  }

  /// The error for a web page, naming the feeds it advertises with `<link rel=alternate>`.
  private static func htmlError(_ bytes: some Collection<UInt8>, url: URL?, source: String)
    -> FeedError
  {
    let page = HTMLParser.parse(String(decoding: bytes, as: UTF8.self))
    let feedTypes = ["application/rss+xml", "application/atom+xml", "application/feed+json"]
    let links = page.elements(named: "link").compactMap { link -> String? in
      guard (link.attribute("rel") ?? "").lowercased().contains("alternate"),
        feedTypes.contains((link.attribute("type") ?? "").lowercased()),
        let href = link.attribute("href")
      else { return nil }
      guard let url, !FeedXMLElement.isAbsolute(href) else { return href }
      return URL(string: href, relativeTo: url)?.absoluteString ?? href
    }
    return .htmlPage(source: source, feedLinks: links.map(FeedTextCleaner.line))
  }
}

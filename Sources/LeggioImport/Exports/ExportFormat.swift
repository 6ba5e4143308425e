import Foundation

/// The services and programs whose exports `leggio import` reads.
public enum ExportFormat: String, CaseIterable, Hashable, Sendable {
  case pocket
  case instapaper
  case omnivore
  case wallabag
  case readwise
  case bookmarks
  /// Other services' link lists: JSON (Pinboard, Firefox, Chrome, Linkwarden…), CSV
  /// with a `url` column (Omnivore's CSV, Matter), or one address per line.
  case links

  /// The service's name as people write it.
  public var displayName: String {
    switch self {
    case .pocket: "Pocket"
    case .instapaper: "Instapaper"
    case .omnivore: "Omnivore"
    case .wallabag: "wallabag"
    case .readwise: "Readwise"
    case .bookmarks: "bookmarks"
    case .links: "link list"
    }
  }

  /// The format of one file of an export, judged by its name and first bytes; nil when
  /// it is none of them (a licence file, an image).
  static func detect(_ file: ExportFile) -> ExportFormat? {
    let name = file.baseName.lowercased()
    if name.hasPrefix("metadata_") && name.hasSuffix(".json") { return .omnivore }
    let head = String(decoding: file.data.prefix(4096), as: UTF8.self)
    let trimmed = head.drop { $0.isWhitespace || $0 == "\u{FEFF}" }
    if trimmed.hasPrefix("[") || trimmed.hasPrefix("{") {
      // The keys may come after a long `content`: look at the whole file.
      let text = file.text
      if text.contains("\"slug\"") && text.contains("\"savedAt\"") { return .omnivore }
      if text.contains("\"is_archived\"") || text.contains("\"is_read\"")
        || text.contains("\"is_starred\"") || text.contains("\"is_fav\"")
      {
        return .wallabag
      }
      let lowered = text.lowercased()
      let hasAddresses = ["\"url\"", "\"href\"", "\"uri\"", "\"article__url\""].contains {
        lowered.contains($0)
      }
      return hasAddresses ? .links : nil
    }
    let lowered = head.lowercased()
    if lowered.contains("<!doctype netscape-bookmark-file") { return .bookmarks }
    if lowered.contains("<title>pocket export</title>")
      || (lowered.contains("time_added=") && lowered.contains("<li>"))
    {
      return .pocket
    }
    if lowered.contains("<dt><a ") || lowered.contains("<dt><h3") { return .bookmarks }
    if name.hasSuffix(".csv") || !lowered.contains("<") {
      let header = CSVTable(String(head.prefix { $0 != "\n" && $0 != "\r\n" }))
      if header.has("title", "url", "time_added") { return .pocket }
      if header.has("url", "title", "selection", "folder") { return .instapaper }
      if header.has("title", "url", "document tags") || header.has("title", "url", "saved date") {
        return .readwise
      }
      if header.has("highlight", "book title") { return .readwise }
      if header.has("url") || (header.has("text", "title") && name.hasSuffix(".csv")) {
        return .links
      }
    }
    if URLListReader.looksLikeList(head) { return .links }
    return nil
  }
}

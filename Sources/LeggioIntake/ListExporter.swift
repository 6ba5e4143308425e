import Foundation
import LeggioStore

/// Writes the library's articles for other services and browsers: a Netscape bookmark
/// file (what every browser and read-it-later service imports) and a Pocket-style CSV.
/// Articles without a web address (imported files) are left out: they cannot be saved
/// elsewhere by address.
public enum ListExporter {
  public enum Format: String, CaseIterable, Sendable {
    case netscape
    case csv
  }

  /// The file's bytes, and how many articles were left out for having no web address.
  public static func export(_ articles: [ListedArticle], as format: Format) -> (
    data: Data, skipped: Int
  ) {
    var writer = Writer(format)
    var text = writer.header
    for article in articles { text += writer.line(article) }
    text += writer.footer
    return (Data(text.utf8), writer.skipped)
  }

  /// The file a piece at a time: the header, each article's line as it is read, the
  /// footer; 100,000 articles are written holding one.
  public struct Writer: Sendable {
    public let format: Format
    /// Articles left out so far for having no web address.
    public private(set) var skipped = 0

    public init(_ format: Format) { self.format = format }

    public var header: String { ListExporter.header(format) }
    public var footer: String { ListExporter.footer(format) }

    /// The article's line with its line break, or nothing when it has no web address.
    public mutating func line(_ article: ListedArticle) -> String {
      guard article.source.map(isWebAddress) ?? false else {
        skipped += 1
        return ""
      }
      return ListExporter.line(article, format)
    }
  }

  static func isWebAddress(_ source: String) -> Bool {
    guard let scheme = URL(string: source)?.scheme?.lowercased() else { return false }
    return scheme != "file" && source.contains("://")
  }

  static func header(_ format: Format) -> String {
    switch format {
    case .netscape:
      """
      <!DOCTYPE NETSCAPE-Bookmark-file-1>
      <!-- This is an automatically generated file: Leggio's library. -->
      <META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=UTF-8">
      <TITLE>Bookmarks</TITLE>
      <H1>Bookmarks</H1>
      <DL><p>

      """
    // Pocket's columns (`title,url,time_added,tags,status`, tags split by `|`, status
    // `unread` or `archive`), plus `starred`.
    case .csv: "title,url,time_added,tags,status,starred\r\n"
    }
  }

  static func footer(_ format: Format) -> String {
    switch format {
    case .netscape: "</DL><p>\n"
    case .csv: ""
    }
  }

  /// The article's line, its line break included; `article` has a web address.
  static func line(_ article: ListedArticle, _ format: Format) -> String {
    switch format {
    case .netscape:
      var attributes = [
        "HREF=\"\(escaped(article.source!))\"",
        "ADD_DATE=\"\(Int(article.savedAt.timeIntervalSince1970))\"",
      ]
      if !article.tags.isEmpty {
        attributes.append("TAGS=\"\(escaped(article.tags.joined(separator: ",")))\"")
      }
      attributes.append("TOREAD=\"\(article.isArchived ? 0 : 1)\"")
      if article.isStarred { attributes.append("STARRED=\"1\"") }
      return "    <DT><A \(attributes.joined(separator: " "))>\(escaped(article.title))</A>\n"
    case .csv:
      return [
        field(article.title), field(article.source!),
        String(Int(article.savedAt.timeIntervalSince1970)),
        field(article.tags.joined(separator: "|")), article.isArchived ? "archive" : "unread",
        article.isStarred ? "1" : "0",
      ].joined(separator: ",") + "\r\n"
    }
  }

  /// A CSV field, quoted when it holds a comma, quote or line break (its quotes doubled
  /// byte by byte: Foundation's `replacingOccurrences` was a sixth of an export's time).
  static func field(_ text: String) -> String {
    // Most fields hold no byte of those characters (U+0085 starts with 0xC2, U+2028 and
    // U+2029 with 0xE2): seen without walking the characters.
    guard
      text.utf8.contains(where: {
        $0 == 0x2C || $0 == 0x22 || (0x0A...0x0D).contains($0) || $0 == 0xC2 || $0 == 0xE2
      }),
      text.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline })
    else { return text }
    var bytes: [UInt8] = [UInt8(ascii: "\"")]
    bytes.reserveCapacity(text.utf8.count + 8)
    for byte in text.utf8 {
      bytes.append(byte)
      if byte == UInt8(ascii: "\"") { bytes.append(byte) }
    }
    bytes.append(UInt8(ascii: "\""))
    return String(decoding: bytes, as: UTF8.self)
  }

  /// `&`, `<`, `>` and `"` as entities, in one pass over the bytes (Foundation's
  /// `replacingOccurrences`, four a text, was most of a bookmark file's time).
  static func escaped(_ text: String) -> String {
    guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 })
    else { return text }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(text.utf8.count + 16)
    for byte in text.utf8 {
      switch byte {
      case 0x26: bytes.append(contentsOf: "&amp;".utf8)
      case 0x3C: bytes.append(contentsOf: "&lt;".utf8)
      case 0x3E: bytes.append(contentsOf: "&gt;".utf8)
      case 0x22: bytes.append(contentsOf: "&quot;".utf8)
      default: bytes.append(byte)
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }
}

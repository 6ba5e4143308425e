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
    let kept = articles.filter { $0.source.map(isWebAddress) ?? false }
    let text =
      switch format {
      case .netscape: netscape(kept)
      case .csv: csv(kept)
      }
    return (Data(text.utf8), articles.count - kept.count)
  }

  static func isWebAddress(_ source: String) -> Bool {
    guard let scheme = URL(string: source)?.scheme?.lowercased() else { return false }
    return scheme != "file" && source.contains("://")
  }

  static func netscape(_ articles: [ListedArticle]) -> String {
    var lines = [
      "<!DOCTYPE NETSCAPE-Bookmark-file-1>",
      "<!-- This is an automatically generated file: Leggio's library. -->",
      "<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=UTF-8\">",
      "<TITLE>Bookmarks</TITLE>",
      "<H1>Bookmarks</H1>",
      "<DL><p>",
    ]
    for article in articles {
      var attributes = [
        "HREF=\"\(escaped(article.source!))\"",
        "ADD_DATE=\"\(Int(article.savedAt.timeIntervalSince1970))\"",
      ]
      if !article.tags.isEmpty {
        attributes.append("TAGS=\"\(escaped(article.tags.joined(separator: ",")))\"")
      }
      attributes.append("TOREAD=\"\(article.isArchived ? 0 : 1)\"")
      if article.isStarred { attributes.append("STARRED=\"1\"") }
      lines.append("    <DT><A \(attributes.joined(separator: " "))>\(escaped(article.title))</A>")
    }
    lines.append("</DL><p>")
    return lines.joined(separator: "\n") + "\n"
  }

  /// Pocket's columns (`title,url,time_added,tags,status`, tags split by `|`, status
  /// `unread` or `archive`), plus `starred`.
  static func csv(_ articles: [ListedArticle]) -> String {
    var lines = ["title,url,time_added,tags,status,starred"]
    for article in articles {
      lines.append(
        [
          field(article.title), field(article.source!),
          String(Int(article.savedAt.timeIntervalSince1970)),
          field(article.tags.joined(separator: "|")), article.isArchived ? "archive" : "unread",
          article.isStarred ? "1" : "0",
        ].joined(separator: ","))
    }
    return lines.joined(separator: "\r\n") + "\r\n"
  }

  /// A CSV field, quoted when it holds a comma, quote or line break.
  static func field(_ text: String) -> String {
    guard text.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return text }
    return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }

  static func escaped(_ text: String) -> String {
    text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
      .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
  }
}

import Foundation

/// One subscription in an OPML file.
public struct OPMLSubscription: Hashable, Sendable {
  /// The feed's URL (`xmlUrl`).
  public var url: String
  public var title: String?
  /// The site's URL (`htmlUrl`).
  public var siteURL: String?
  /// The names of the folders the outline sits in, outermost first, then its `category`.
  public var tags: [String]

  public init(url: String, title: String? = nil, siteURL: String? = nil, tags: [String] = []) {
    self.url = url
    self.title = title
    self.siteURL = siteURL
    self.tags = tags
  }
}

/// Reads and writes OPML subscription lists (OPML 1.0 and 2.0). Nested outlines are
/// folders; a feed's folders become its tags, and tags become folders on export.
public enum OPML {
  public static func parse(data: Data, source: String = "The OPML file") throws
    -> [OPMLSubscription]
  {
    let decoded = FeedCharset.decode(data, httpCharset: nil)
    guard decoded.bytes.contains(where: { $0 > 0x20 }) else {
      throw FeedError.invalidOPML(source: source, detail: "the file is empty")
    }
    let root = try FeedXMLReader.parse(
      decoded.bytes, encoding: decoded.libxmlEncoding, url: nil, source: source
    ).root
    guard root.name.lowercased() == "opml" else {
      throw FeedError.invalidOPML(
        source: source, detail: "its root element is <\(root.name)>, not <opml>")
    }
    guard let body = root.children.first(where: { $0.name == "body" }) else {
      throw FeedError.invalidOPML(source: source, detail: "it has no <body>")
    }
    var result: [OPMLSubscription] = []
    collect(body, folders: [], into: &result)
    return result
  }

  private static func collect(
    _ element: FeedXMLElement, folders: [String], into result: inout [OPMLSubscription]
  ) {
    for outline in element.children where outline.name == "outline" {
      let title = (outline.attribute("title") ?? outline.attribute("text")).map(
        FeedTextCleaner.line)
      if let url = outline.attribute("xmlUrl") ?? outline.attribute("xmlurl"), !url.isEmpty {
        var tags = folders
        for category in (outline.attribute("category") ?? "").split(separator: ",") {
          if let name = category.split(separator: "/").last.map({ FeedTextCleaner.line(String($0)) }
          ),
            !name.isEmpty, !tags.contains(name)
          {
            tags.append(name)
          }
        }
        result.append(
          OPMLSubscription(
            url: url.trimmingCharacters(in: .whitespacesAndNewlines),
            title: title?.isEmpty == false ? title : nil,
            siteURL: outline.attribute("htmlUrl"), tags: tags))
      } else {
        // A folder is named by its text; `title` only when there is no text.
        let name = (outline.attribute("text") ?? outline.attribute("title")).map(
          FeedTextCleaner.line)
        collect(
          outline, folders: name.map { $0.isEmpty ? folders : folders + [$0] } ?? folders,
          into: &result)
      }
    }
  }

  /// An OPML 2.0 document: feeds without tags at the top, the others in nested folders
  /// following their tags in order.
  public static func export(
    feeds: [OPMLSubscription], title: String = "Leggio subscriptions", created: Date = Date()
  ) -> String {
    final class Folder {
      var feeds: [OPMLSubscription] = []
      var folders: [(String, Folder)] = []
      func folder(_ name: String) -> Folder {
        if let existing = folders.first(where: { $0.0 == name }) { return existing.1 }
        let folder = Folder()
        folders.append((name, folder))
        return folder
      }
    }
    let top = Folder()
    for feed in feeds {
      feed.tags.reduce(top) { $0.folder($1) }.feeds.append(feed)
    }
    var lines = [
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
      "<opml version=\"2.0\">",
      "  <head>",
      "    <title>\(escape(title))</title>",
      "    <dateCreated>\(rfc822(created))</dateCreated>",
      "  </head>",
      "  <body>",
    ]
    func write(_ folder: Folder, depth: Int) {
      let indent = String(repeating: "  ", count: depth)
      for feed in folder.feeds {
        var attributes = "type=\"rss\" text=\"\(escape(feed.title ?? feed.url))\""
        if let title = feed.title { attributes += " title=\"\(escape(title))\"" }
        attributes += " xmlUrl=\"\(escape(feed.url))\""
        if let site = feed.siteURL { attributes += " htmlUrl=\"\(escape(site))\"" }
        lines.append("\(indent)<outline \(attributes)/>")
      }
      for (name, child) in folder.folders {
        lines.append("\(indent)<outline text=\"\(escape(name))\" title=\"\(escape(name))\">")
        write(child, depth: depth + 1)
        lines.append("\(indent)</outline>")
      }
    }
    write(top, depth: 2)
    lines += ["  </body>", "</opml>", ""]
    return lines.joined(separator: "\n")
  }

  static func escape(_ text: String) -> String {
    var result = ""
    for character in FeedTextCleaner.clean(text) {
      switch character {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"": result += "&quot;"
      case "\n", "\r\n", "\t": result += " "
      default: result.append(character)
      }
    }
    return result
  }

  private static func rfc822(_ date: Date) -> String {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "GMT")
    formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
    return formatter.string(from: date)
  }
}

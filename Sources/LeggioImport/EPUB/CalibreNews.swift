import Foundation

/// What calibre's news system writes into the books it makes from news recipes (and
/// KindleEar, which shares its code): a navigation bar at the top and foot of every page
/// (`div.calibre_navbar`, or `table.touchscreen_navbar` for tablet profiles), whose foot
/// names the page the article came from; and one page per section listing its articles
/// with their dates, summaries and, in the tablet layout, bylines.
enum CalibreNews {
  /// One article as its section page lists it.
  struct Listing: Equatable, Sendable {
    /// The article's href as written, relative to the section page.
    var href: String
    var date: String?
    var byline: String?
    var summary: String?
  }

  /// Whether `node` is one of calibre's navigation bars.
  static func isNavigationBar(_ node: HTMLNode) -> Bool {
    (node.name == "div" && hasClass(node, "calibre_navbar"))
      || (node.name == "table" && hasClass(node, "touchscreen_navbar"))
  }

  /// Removes calibre's navigation bars (`isNavigationBar`, as a walk of the page found
  /// them, in document order) from their page; returns the address of the page the
  /// article was downloaded from when a bar names one.
  static func removeNavigation(bars: [HTMLNode]) -> String? {
    var source: String?
    for bar in bars {
      if source == nil,
        let link = bar.descendants(where: { $0.attribute("rel") == "calibre-downloaded-from" })
          .first,
        let href = link.attribute("href"), href.hasPrefix("http://") || href.hasPrefix("https://")
      {
        source = href
      }
      bar.parent?.removeChild(bar)
    }
    return source
  }

  /// The articles a section page lists: links of class `article` (the default layout)
  /// or `summary_headline` (the tablet layout), with the date, byline and summary
  /// written beside them.
  /// `links` are the page's `a` elements, in document order.
  static func listings(among links: [HTMLNode]) -> [Listing] {
    let links = links.filter { node in
      guard node.attribute("href") != nil else { return false }
      return hasClass(node, "article") || hasClass(node, "summary_headline")
    }
    return links.compactMap { link in
      guard let href = link.attribute("href"), let item = link.parent else { return nil }
      func text(_ name: String) -> String? {
        item.descendants { classes(of: $0).contains(name) }.first.map {
          EPUBNavigation.clean(HTMLDocumentConverter.collapsedText(of: $0))
        }.flatMap { $0.isEmpty ? nil : $0 }
      }
      return Listing(
        href: href, date: text("article_date"), byline: text("summary_byline"),
        summary: text("article_description") ?? text("summary_text"))
    }
  }

  private static func classes(of node: HTMLNode) -> [String] {
    (node.attribute("class") ?? "").split(separator: " ").map(String.init)
  }

  /// Whether `node`'s class list holds `name` (ASCII), looked for without splitting
  /// the list: every `div` and `a` of every chapter of a book is asked. A list that is
  /// not all ASCII is split as `classes` splits it (by characters).
  static func hasClass(_ node: HTMLNode, _ name: StaticString) -> Bool {
    guard var value = node.attribute("class") else { return false }
    return value.withUTF8 { bytes in
      guard bytes.allSatisfy({ $0 < 0x80 }) else {
        return classes(of: node).contains(name.description)
      }
      let wanted = UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount)
      var start = 0
      while start < bytes.count {
        var end = start
        while end < bytes.count, bytes[end] != 0x20 { end += 1 }
        if end - start == wanted.count,
          memcmp(bytes.baseAddress! + start, wanted.baseAddress!, wanted.count) == 0
        {
          return true
        }
        start = end + 1
      }
      return false
    }
  }

  /// Whether the package says it is a periodical (`calibre:publication_type`
  /// `periodical:…`), or the spine has calibre's layout of `feed_N/article_M/` pages.
  static func isPeriodical(_ package: EPUBPackage) -> Bool {
    if let type = package.namedMeta["calibre:publication_type"],
      type.lowercased().hasPrefix("periodical")
    {
      return true
    }
    let articles = package.spine.filter { isArticlePath($0.item.path) }
    return articles.count >= 2
  }

  /// `feed_0/article_3/index.html`, anywhere in the book.
  static func isArticlePath(_ path: String) -> Bool {
    let parts = path.split(separator: "/")
    guard parts.count >= 3 else { return false }
    let feed = parts[parts.count - 3]
    let article = parts[parts.count - 2]
    return feed.hasPrefix("feed_") && feed.dropFirst(5).allSatisfy(\.isNumber)
      && article.hasPrefix("article_") && article.dropFirst(8).allSatisfy(\.isNumber)
  }

  /// The periodical's name: the last part of `periodical:TYPE:NAME`, else the title
  /// without the date calibre appends to it (`The Gazette [Fri, 04 Dec 2026]`).
  static func name(_ package: EPUBPackage, title: String) -> String {
    if let type = package.namedMeta["calibre:publication_type"] {
      let parts = type.split(separator: ":", maxSplits: 2)
      if parts.count == 3 {
        let name = EPUBNavigation.clean(String(parts[2]))
        if !name.isEmpty { return name }
      }
    }
    if title.hasSuffix("]"), let open = title.lastIndex(of: "[") {
      let name = title[..<open].trimmingCharacters(in: .whitespaces)
      if !name.isEmpty { return name }
    }
    return title
  }

  private static let months = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
  ]

  /// A listing's date as calibre writes it (` [Fri, 04 Dec 03:00]`, the year left out)
  /// in the year of the issue: a December article in a January issue is from the year
  /// before. Times are read as UTC (calibre writes them in its machine's zone, unnamed).
  static func date(_ text: String, issue: Date) -> Date? {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    let words = text.split { !$0.isLetter && !$0.isNumber && $0 != ":" }
    var day: Int?
    var month: Int?
    var year: Int?
    var hour = 0
    var minute = 0
    for word in words {
      let lower = word.lowercased()
      if let index = months.firstIndex(where: { lower.hasPrefix($0) }), month == nil {
        month = index + 1
      } else if let number = Int(word), number >= 1000, number <= 9999 {
        year = number
      } else if let number = Int(word), (1...31).contains(number), day == nil {
        day = number
      } else if word.contains(":") {
        let parts = word.split(separator: ":").compactMap { Int($0) }
        if parts.count >= 2, parts[0] < 24, parts[1] < 60 { (hour, minute) = (parts[0], parts[1]) }
      }
    }
    guard let day, let month else { return nil }
    let issueParts = calendar.dateComponents([.year, .month], from: issue)
    var resolvedYear = year ?? issueParts.year ?? 1970
    if year == nil, let issueMonth = issueParts.month, month > issueMonth + 1 {
      resolvedYear -= 1
    }
    return calendar.date(
      from: DateComponents(year: resolvedYear, month: month, day: day, hour: hour, minute: minute))
  }
}

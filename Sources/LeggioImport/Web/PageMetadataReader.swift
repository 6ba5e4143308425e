import Foundation
import LeggioModel

/// Reads an article's metadata from a page: JSON-LD first, then `<meta>` tags (Dublin
/// Core, OpenGraph, `article:*`, `author`), then the visible page (`<title>`, `h1`,
/// byline elements, `<time datetime>`, `<html lang>`).
///
/// Among meta tags Dublin Core is preferred to OpenGraph, as Readability does: it is the
/// more deliberate declaration, while `og:` titles often carry the site's suffix.
public enum PageMetadataReader {
  public static func read(_ document: HTMLNode, url: URL?) -> ArticleMetadata {
    let sources = MetadataSources(document)
    let meta = MetaTags(sources.metas)
    let jsonLD = JSONLDArticle.read(sources.jsonLDScripts)

    let siteName = first(
      meta["og:site_name"], jsonLD?.publisher, meta["application-name"], meta["dc:publisher"])
    var byline = first(
      jsonLD.flatMap { $0.authors.isEmpty ? nil : $0.authors.joined(separator: ", ") },
      meta["dc:creator"], meta["dcterm:creator"], meta["author"],
      meta["article:author"].flatMap(nameUnlessURL),
      meta["og:article:author"].flatMap(nameUnlessURL),
      meta["byl"], meta["parsely-author"], meta["sailthru.author"])
    if byline == nil { byline = visibleByline(sources.authorMarked) }

    let headings = sources.headings.map(\.innerText).filter { !$0.isEmpty }
    let rawTitle = first(
      jsonLD?.headline, meta["dc:title"], meta["dcterm:title"], meta["og:title"],
      meta["twitter:title"], meta["title"],
      sources.title?.innerText, headings.first)
    let title = rawTitle.map {
      TitleCleaner.clean(
        $0, siteName: siteName, byline: byline.map(cleanByline), host: url?.host,
        headings: headings)
    }

    let publishedText = first(
      jsonLD?.datePublished, meta["article:published_time"], meta["og:article:published_time"],
      meta["dc:date.issued"], meta["dcterm:issued"], meta["dc:date"], meta["datepublished"],
      meta["parsely-pub-date"], meta["sailthru.date"], meta["pubdate"], meta["publishdate"],
      meta["date"], timeElementDate(sources.times))
    let language = first(
      jsonLD?.language, sources.html?.attribute("lang"),
      meta["content-language"], meta["dc:language"],
      meta["og:locale"].map { $0.replacingOccurrences(of: "_", with: "-") })

    return ArticleMetadata(
      title: title ?? "",
      kicker: first(jsonLD?.section, meta["article:section"]),
      standfirst: first(
        jsonLD?.description, meta["dc:description"], meta["dcterm:description"],
        meta["og:description"], meta["description"], meta["twitter:description"]),
      byline: byline.map(cleanByline).flatMap { $0.isEmpty ? nil : $0 },
      published: publishedText.flatMap(PublishedDate.parse)
        ?? VisibleDate.find(document, url: url),
      language: language,
      source: url?.absoluteString,
      siteName: siteName)
  }

  /// "By JANE DOE" -> "Jane Doe"; entities decoded, whitespace collapsed, a label
  /// ("By", "Von:", "Autor:", "Posted by", "Par") and a trailing date or "|" part dropped.
  public static func cleanByline(_ byline: String) -> String {
    var text = TextSanitizer.sanitize(decodingEntities(byline)).collapsingWhitespace()
    // "Posted on 5 March 2019 by Jane Doe": the name is after the last " by ".
    let lowered = text.lowercased()
    for marker in [" by ", " von ", " par ", " di ", " por "]
    where ReadabilityPatterns.matches(lowered, [ByteNeedle(marker)]) {
      if let range = text.range(of: marker, options: [.caseInsensitive, .backwards]),
        WrittenDate.first(in: String(text[..<range.lowerBound])) != nil
      {
        text = String(text[range.upperBound...])
        break
      }
    }
    var stripped = true
    while stripped {
      stripped = false
      let lower = text.lowercased()
      for label in bylineLabels where lower.hasPrefix(label) {
        // The label ends at ":", a space, or a capital glued to it ("Veröffentlicht vonChris").
        let rest = text.dropFirst(label.count)
        guard let next = rest.first,
          next == ":"
            || (!colonOnlyLabels.contains(label)
              && (next.isWhitespace || (next.isUppercase && label.last!.isLetter)))
        else { continue }
        text = String(rest).trimmingCharacters(in: labelPunctuation)
        stripped = true
        break
      }
    }
    // A second field after the name: "Jane Doe | 05.03.2019", "Jane Doe, 5. März 2019".
    for separator in [" | ", " · ", " - ", " – ", " — "] {
      if let range = text.range(of: separator) { text = String(text[..<range.lowerBound]) }
    }
    if text.unicodeScalars.contains(where: { $0.properties.numericType == .decimal }),
      let date = dateSuffix.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
      let range = Range(date.range, in: text), range.lowerBound != text.startIndex
    {
      text = String(text[..<range.lowerBound])
    }
    // "@handle" after the name, and one word of affiliation: "Rob Picheta, CNN".
    text = text.split(separator: " ").filter { !$0.hasPrefix("@") }.joined(separator: " ")
    let commaParts = text.components(separatedBy: ", ")
    if commaParts.count == 2, !commaParts[1].contains(" "), commaParts[0].contains(" ") {
      text = commaParts[0]
    }
    text = text.trimmingCharacters(in: labelPunctuation)
    // Shouted names read better in title case.
    if text.count > 3, text == text.uppercased(), text.contains(where: \.isLetter) {
      text = text.capitalized
    }
    return text
  }

  private static let labelPunctuation = CharacterSet(charactersIn: " :.,;|-–—\u{00A0}")

  /// Labels before a name, longest first ("autorin" before "autor").
  static let bylineLabels = [
    "posted by", "posted on", "written by", "veröffentlicht von", "publié par", "scritto da",
    "published by", "geschrieben von", "verfasst von",
    "ein beitrag von", "beitrag von", "autorin", "autoren", "autor", "authors", "author", "by",
    "von", "text", "texte", "par", "di", "por", "door", "przez", "redakcja", "redaktion",
  ].sorted { $0.count > $1.count }

  /// Labels that are part of the name unless a colon ends them: "Redaktion: Jane Doe" is
  /// Jane Doe, "Redaktion Polizeiticker" is the newsroom's own name.
  static let colonOnlyLabels: Set<String> = ["redaktion", "redakcja"]

  /// ", 5. März 2019", " am 05.03.2019", ", le 5 mars": a date after the name.
  nonisolated(unsafe) private static let dateSuffix = try! NSRegularExpression(
    pattern: #"[,\s]+(?:am|le|il|el|on|den|dnia)?\s*\d{1,4}[./ -]+(?:\d|\p{L}).*$"#)

  /// `&#8211;` -> "–", `&amp;` -> "&": text from JSON-LD or a doubly escaped attribute.
  static func decodingEntities(_ text: String) -> String {
    guard text.contains("&"), text.contains(";") else { return text }
    return HTMLParser.parse("<p>" + text.replacingOccurrences(of: "<", with: "&lt;") + "</p>")
      .textContent
  }

  private static func first(_ values: String?...) -> String? {
    for value in values {
      if let text = value.map(decodingEntities)?.collapsingWhitespace(), !text.isEmpty {
        return text
      }
    }
    return nil
  }

  private static func nameUnlessURL(_ value: String) -> String? {
    value.contains("://") || value.hasPrefix("/") ? nil : value
  }

  /// A short element marked as the author: `rel=author`, `itemprop=author`, `.byline`;
  /// the first whose text reads as a name (not "By" alone, a form's "Name *" or "Follow").
  private static func visibleByline(_ marked: [HTMLNode]) -> String? {
    for node in marked where !["form", "label", "input", "textarea"].contains(node.name) {
      let text = cleanByline(node.bylineText)
      if isPlausibleName(text) { return text }
    }
    return nil
  }

  /// Words that a byline element can hold without naming anyone.
  private static let notNames: Set<String> = [
    "by", "von", "par", "di", "follow", "share", "author", "autor", "comments", "admin",
  ]

  static func isPlausibleName(_ text: String) -> Bool {
    guard !text.isEmpty, text.count < 100, text.contains(where: \.isLetter),
      !text.contains("*"), !text.contains("http"), !notNames.contains(text.lowercased())
    else { return false }
    return text.split(separator: " ").count <= 12
  }

  /// The first `<time datetime>`, preferring one marked as the publication time.
  private static func timeElementDate(_ times: [HTMLNode]) -> String? {
    let marked = times.first {
      $0.attribute("pubdate") != nil || $0.attribute("itemprop") == "datePublished"
    }
    return (marked ?? times.first)?.attribute("datetime")
  }
}

/// The page's `<meta>` values by normalised key (`og:title`, `dc:creator`, `author`);
/// `property` declarations win over `name` ones, earlier over later.
struct MetaTags {
  private var values: [String: String] = [:]

  init(_ metas: [HTMLNode]) {
    var fromName: [String: String] = [:]
    for meta in metas {
      guard let content = meta.attribute("content")?.collapsingWhitespace(), !content.isEmpty
      else { continue }
      if let property = meta.attribute("property") ?? meta.attribute("itemprop") {
        for key in property.split(separator: " ") where values[Self.normalize(key)] == nil {
          values[Self.normalize(key)] = content
        }
      }
      if let name = meta.attribute("name") ?? meta.attribute("http-equiv") {
        let key = Self.normalize(name)
        if fromName[key] == nil { fromName[key] = content }
      }
    }
    values.merge(fromName) { property, _ in property }
  }

  /// Lower case; Dublin Core's `DC.title` and `dcterms.title` become `dc:title`, `dcterm:title`.
  static func normalize<S: StringProtocol>(_ key: S) -> String {
    var lower = key.lowercased().trimmingWhitespace()
    for prefix in ["dcterms.", "dcterms:", "dcterm."] where lower.hasPrefix(prefix) {
      lower = "dcterm:" + lower.dropFirst(prefix.count)
    }
    if lower.hasPrefix("dc.") { lower = "dc:" + lower.dropFirst(3) }
    return lower
  }

  subscript(key: String) -> String? { values[key] }
}

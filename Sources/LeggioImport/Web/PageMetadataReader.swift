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
    readWithBody(document, url: url).metadata
  }

  /// `read`, with the JSON-LD article's `articleBody` when it declares one.
  static func readWithBody(_ document: HTMLNode, url: URL?) -> (
    metadata: ArticleMetadata, articleBody: String?
  ) {
    let sources = MetadataSources(document)
    let meta = MetaTags(sources.metas)
    let jsonLD = JSONLDArticle.read(sources.jsonLDScripts)

    let siteName = first(
      meta["og:site_name"], jsonLD?.publisher, meta["application-name"], meta["dc:publisher"])
    let jsonLDByline = jsonLD.flatMap { article -> String? in
      guard !article.authors.isEmpty else { return nil }
      if article.authorsByReference {
        let shown = sources.authorMarked.map(\.innerText).joined(separator: " ")
        guard article.authors.allSatisfy(shown.contains) else { return nil }
      }
      return article.authors.joined(separator: ", ")
    }
    var byline = first(
      jsonLDByline, meta["dc:creator"], meta["dcterm:creator"], meta.joined("author"),
      meta["article:author"].flatMap(nameUnlessURL),
      meta["og:article:author"].flatMap(nameUnlessURL),
      meta["byl"], meta.joined("parsely-author"), meta["sailthru.author"])
    // A publisher declared as the author ("stern.de", the site's own name, a JSON-LD
    // Organization) yields to a person named on the page.
    if let declared = byline,
      (jsonLDByline == declared && jsonLD?.authorsAreOrganisations == true)
        || namesPublisher(declared, siteName: siteName)
    {
      byline = visibleByline(sources.authorMarked, siteName: siteName) ?? declared
    }
    if byline == nil { byline = visibleByline(sources.authorMarked, siteName: siteName) }

    let headings = sources.headings.filter { !isLogo($0, siteName: siteName) }
      .map(\.innerText).filter { !$0.isEmpty }
    let rawTitle = first(
      jsonLD?.headline, meta["dc:title"], meta["dcterm:title"], meta["og:title"],
      meta["twitter:title"], meta["title"],
      sources.title?.innerText, headings.first)
    var title = rawTitle.map {
      TitleCleaner.clean(
        $0, siteName: siteName, byline: byline.map(cleanByline), host: url?.host,
        headings: headings)
    }
    // A page with one headline shows its title there.
    if headings.count == 1, let headline = headings.first, headline.count <= 300,
      let declared = title, HeadlineChoice.prefers(headline: headline, over: declared)
    {
      title = TextSanitizer.sanitize(headline).collapsingWhitespace()
    }

    let declaredTexts: [(text: String?, isGeneric: Bool)] =
      [(jsonLD?.datePublished, false)]
      + [
        "article:published_time", "og:article:published_time", "dc:date.issued", "dcterm:issued",
        "dc:date", "datepublished", "parsely-pub-date", "sailthru.date", "pubdate", "publishdate",
        "date",
      ].map { (meta[$0], genericDateKeys.contains($0)) }
      + [(timeElementDate(sources.times), false)]
    let declaredDates = declaredTexts.compactMap { declared -> DeclaredDate? in
      guard let text = declared.text?.collapsingWhitespace(), let date = PublishedDate.parse(text)
      else { return nil }
      return DeclaredDate(text: text, date: date, isGeneric: declared.isGeneric)
    }
    // When the page was changed: the best guess left when nothing, visible or declared,
    // says when it was published.
    let modifiedText = first(
      jsonLD?.dateModified, meta["article:modified_time"], meta["og:updated_time"],
      meta["dcterm:modified"], meta["lastmod"])
    let language = first(
      jsonLD?.language, sources.html?.attribute("lang"),
      meta["content-language"], meta["dc:language"],
      meta["og:locale"].map { $0.replacingOccurrences(of: "_", with: "-") })

    var shownDates = ShownDates(document, url: url, title: title ?? "")
    let metadata = ArticleMetadata(
      title: title ?? "",
      kicker: first(jsonLD?.section, meta["article:section"]),
      standfirst: first(
        jsonLD?.description, meta["dc:description"], meta["dcterm:description"],
        meta["og:description"], meta["description"], meta["twitter:description"]),
      byline: byline.map(cleanByline).flatMap { $0.isEmpty ? nil : $0 },
      published: PublicationDateChoice.choose(declaredDates, shown: &shownDates)
        ?? shownDates.url ?? shownDates.marked ?? shownDates.dateline
        ?? modifiedText.flatMap(PublishedDate.parse),
      language: language,
      source: url?.absoluteString,
      siteName: siteName)
    return (metadata, jsonLD?.articleBody)
  }

  /// Date keys that say nothing of what the date is (see `DeclaredDate.isGeneric`).
  private static let genericDateKeys: Set<String> = ["dc:date", "date"]

  /// "By JANE DOE" -> "Jane Doe"; entities decoded, whitespace collapsed, a label
  /// ("By", "Von:", "Autor:", "Posted by", "Par") and a trailing date or "|" part dropped.
  public static func cleanByline(_ byline: String) -> String {
    var text = TextSanitizer.sanitize(decodingEntities(byline)).collapsingWhitespace()
      .trimmingCharacters(in: labelPunctuation)
    // "Posted on 5 March 2019 by Jane Doe": the name is after the last " by ".
    let lowered = text.lowercased()
    for marker in [" by ", " von ", " par ", " di ", " por "]
    where ReadabilityPatterns.matches(lowered, [ByteNeedle(marker)]) {
      if let range = text.range(of: marker, options: [.caseInsensitive, .backwards]),
        WrittenDate.contains(in: String(text[..<range.lowerBound]))
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
    // A label of a few words ending in a colon: "Text & Fotos: Jane Doe", "Auteur(s) : X".
    if let colon = text.firstIndex(of: ":"),
      text[..<colon].split(separator: " ").count <= 3, !text[..<colon].contains(where: \.isNumber),
      !text[text.index(after: colon)...].trimmingCharacters(in: labelPunctuation).isEmpty
    {
      text = String(text[text.index(after: colon)...]).trimmingCharacters(in: labelPunctuation)
    }
    // A second field after the name: "Jane Doe | 05.03.2019", "Jane Doe, 5. März 2019".
    for separator in [" | ", " · ", " - ", " – ", " — "] {
      if let range = text.range(of: separator) { text = String(text[..<range.lowerBound]) }
    }
    if text.unicodeScalars.contains(where: { $0.properties.numericType == .decimal }),
      let date = dateSuffix.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
      let range = Range(date.range, in: text), range.lowerBound != text.startIndex,
      // ", 7 News WSVN" is a third author, not a date.
      WrittenDate.contains(in: String(text[range]))
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
    "écrit par", "rédigé par", "escrito por", "redactado por", "pubblicato da", "napisał",
    "napisała", "auteur", "autore",
    "published by", "geschrieben von", "verfasst von",
    "ein beitrag von", "beitrag von", "autorin", "autoren", "autor", "authors", "author", "by",
    "von", "vom", "text", "texte", "par", "di", "por", "door", "przez", "redakcja", "redaktion",
  ].sorted { $0.count > $1.count }

  /// Labels that are part of the name unless a colon ends them: "Redaktion: Jane Doe" is
  /// Jane Doe, "Redaktion Polizeiticker" is the newsroom's own name.
  static let colonOnlyLabels: Set<String> = ["redaktion", "redakcja"]

  /// ", 5. März 2019", " am 05.03.2019", ", le 5 mars": a date after the name.
  private static let dateSuffix = try! NSRegularExpression(
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

  /// An `h1` that is the site's logo, not the headline: the site's name, or a single
  /// link to the home page ("<h1><a href="/">Ethify</a></h1>").
  static func isLogo(_ heading: HTMLNode, siteName: String?) -> Bool {
    let text = heading.innerText
    if let siteName, TitleCleaner.normalize(text) == TitleCleaner.normalize(siteName) {
      return true
    }
    let links = heading.elements(named: "a")
    guard links.count == 1, let href = links[0].attribute("href"),
      links[0].innerTextLength == heading.innerTextLength
    else { return false }
    let path = URL(string: href.trimmingCharacters(in: .whitespaces))?.path ?? href
    // An archived copy's link keeps the original address after the archive's own path.
    let original = path.range(of: "/http", options: .backwards).map {
      String(path[$0.upperBound...])
    }
    let home = original.map { URL(string: "http" + $0)?.path ?? $0 } ?? path
    return home.isEmpty || home == "/"
  }

  private static func nameUnlessURL(_ value: String) -> String? {
    value.contains("://") || value.hasPrefix("/") ? nil : value
  }

  /// A short element marked as the author: `rel=author`, `itemprop=author`, `.byline`;
  /// the first whose text reads as a name (not "By" alone, a form's "Name *" or "Follow",
  /// not the site's name in an `h1` logo marked `vcard author`).
  private static func visibleByline(_ marked: [HTMLNode], siteName: String?) -> String? {
    for node in marked
    where !notBylineElements.contains(node.name)
      && !ReadabilityPatterns.attributeMatches(node, "class", [commentNeedle])
      && !node.hasAncestor("a", maxDepth: 0)
    {
      // A marked element holding a page of text (a `<body class="author">`) is a
      // container, not a byline: cleaning it would cost more than the rest of the page.
      let raw = node.bylineText
      guard raw.utf8.count <= Self.longestBylineBytes else { continue }
      let text = cleanByline(raw)
      if isPlausibleName(text), !namesPublisher(text, siteName: siteName) { return text }
    }
    return nil
  }

  private static let commentNeedle = ByteNeedle("comment")

  /// Beyond this a byline element's text is a container's (a name and a date take a line).
  private static let longestBylineBytes = 2_000

  private static let notBylineElements: Set<String> = [
    "form", "label", "input", "textarea", "h1", "meta", "link",
  ]

  /// Whether a byline names the publisher rather than a writer: the site's own name
  /// (letters and digits compared), or a domain name ("stern.de", "stol.it / Suedtirol").
  package static func namesPublisher(_ byline: String, siteName: String?) -> Bool {
    func letters(_ text: String) -> String {
      String(
        text.lowercased().unicodeScalars.filter {
          $0.properties.isAlphabetic || ("0"..."9").contains($0)
        })
    }
    if let siteName, !siteName.isEmpty, letters(byline) == letters(siteName) { return true }
    return domainName.firstMatch(in: byline, range: NSRange(byline.startIndex..., in: byline))
      != nil
  }

  private static let domainName = try! NSRegularExpression(
    pattern:
      #"(?<![\p{L}\d-])[\p{L}\d][\p{L}\d-]{2,}\.(?:[a-z]{2,3}|info|online|news)(?:$|[\s)/,])"#)

  /// Words that a byline element can hold without naming anyone.
  private static let notNames: Set<String> = [
    "by", "von", "par", "di", "follow", "share", "author", "autor", "comments", "admin",
  ]

  static func isPlausibleName(_ text: String) -> Bool {
    guard !text.isEmpty, text.count < 100, text.contains(where: \.isLetter),
      !text.contains("*"), !text.contains("http"), !text.contains("©"),
      !notNames.contains(text.lowercased()),
      // "01:30 Min", "12 Kommentare": a figure, not a name.
      text.count(where: \.isNumber) * 2 < text.count(where: \.isLetter)
    else { return false }
    return text.split(separator: " ").count <= 12
  }

  /// The first `<time datetime>`, preferring one marked as the publication time. Unmarked
  /// times that name three days or more are a list of posts (related articles, a sidebar;
  /// two are a published and an updated time): none of them is the page's date, and the
  /// dateline by the headline is looked for.
  static func timeElementDate(_ times: [HTMLNode]) -> String? {
    if let marked = times.first(where: {
      $0.attribute("pubdate") != nil || $0.attribute("itemprop") == "datePublished"
    }) {
      return marked.attribute("datetime")
    }
    let days = Set(times.prefix(8).compactMap { $0.attribute("datetime")?.prefix(10) })
    return days.count > 2 ? nil : times.first?.attribute("datetime")
  }
}

/// The page's `<meta>` values by normalised key (`og:title`, `dc:creator`, `author`);
/// `property` declarations win over `name` ones, earlier over later.
struct MetaTags {
  private var values: [String: String] = [:]
  private var repeated: [String: [String]] = [:]

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
        repeated[key, default: []].append(content)
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

  /// Every distinct `name=` value of a key, joined: several `<meta name="author">` are
  /// several authors.
  func joined(_ key: String) -> String? {
    guard let all = repeated[key], all.count > 1 else { return values[key] }
    var seen = Set<String>()
    return all.filter { seen.insert($0).inserted }.joined(separator: ", ")
  }
}

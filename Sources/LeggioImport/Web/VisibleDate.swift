import Foundation

/// The publication date a page shows its readers (see `ShownDates`): a short element marked
/// as a date (`class="date"`, `post-meta`, `<time>` without `datetime`), or a date in the
/// first lines by the headline. Dates labelled as something else (a forum's clock, a
/// member's join date) are passed over.
enum VisibleDate {
  /// Class/id/itemprop fragments of elements that carry a post's date (htmldate's list,
  /// in part).
  static let hints = NeedleSet([
    "date", "time", "publish", "posted", "datum", "fecha", "data-", "meta", "byline",
    "dateline", "info", "entry-header", "article-header", "stand", "pubdate", "veröffentlicht",
    "publica", "pubblica", "subline", "submitted", "parution",
  ])

  /// The first date in a short element marked as a date.
  static func marked(in body: HTMLNode) -> Date? {
    var marked: [HTMLNode] = []
    var stack: [HTMLNode] = [body]
    while let node = stack.popLast() {
      guard node.isElement, !skipped.contains(node.name) else { continue }
      if node.name == "time" || ReadabilityPatterns.classOrIDMatches(node, hints)
        || ReadabilityPatterns.attributeMatches(node, "itemprop", hints)
      {
        let length = node.innerTextLength
        if length >= 6 && length <= 200 { marked.append(node) }
      }
      stack.append(contentsOf: node.children.reversed())
    }
    for node in marked {
      let text = node.innerText
      if labelsOtherDate(text) { continue }
      if let date = WrittenDate.first(in: text) ?? WrittenDate.firstWithShortYear(in: text) {
        return date
      }
    }
    return nil
  }

  /// Labels of dates that are not the page's: a forum's clock ("Aktuelle Zeit", "It is
  /// currently"), a member's join date or last visit.
  private static let otherDateLabels = [
    "aktuelle zeit", "it is currently", "current time", "heute ist", "today is",
    "nous sommes le", "registriert", "joined", "member since", "mitglied seit", "last visit",
    "letzter besuch", "inscrit le", "registrado", "iscritto",
  ].map(ByteNeedle.init)

  /// Whether `text` holds a label saying its date is not when the page was published.
  static func labelsOtherDate(_ text: String) -> Bool {
    ReadabilityPatterns.matches(text.lowercased(), otherDateLabels)
  }

  private static let skipped: Set<String> = [
    "script", "style", "noscript", "template", "nav", "footer", "aside", "select", "option",
  ]

  /// The page's headline: its first `h1`, else (a page that sets its headline in a smaller
  /// heading) the first heading that says what the title says.
  static func headline(in body: HTMLNode, title: String) -> HTMLNode? {
    if let h1 = body.firstElement(named: "h1") { return h1 }
    let titleWords = Set(TextSimilarity.words(title))
    guard !titleWords.isEmpty else { return nil }
    return body.elements(namedAnyOf: headingTags).first { heading in
      let text = heading.innerText
      return text.utf16.count <= 300 && TextSimilarity.similarity(words: titleWords, text) > 0.75
        && TextSimilarity.similarity(text, title) > 0.75
    }
  }

  private static let headingTags: Set<String> = ["h2", "h3", "h4", "h5", "h6"]

  /// How many lines above the headline may hold its dateline (a date, then a print link,
  /// a picture credit and a section label sit between them on some pages).
  static let linesAbove = 5

  /// A dateline by the headline (see `headline`): a short line that is a date
  /// ("21.01.2022", "von Jane · 31. Oktober 2023") among the lines after it, then among the
  /// `linesAbove` lines just above it (a date over the headline), and only then a date in
  /// the running text after it (400 characters).
  static func afterHeadline(_ body: HTMLNode, title: String) -> Date? {
    guard let headline = headline(in: body, title: title) else { return nil }
    var before: [String] = []
    var after: [String] = []
    var afterLength = 0
    var started = false
    var stack: [HTMLNode] = [body]
    while let node = stack.popLast(), afterLength < 400 {
      if node === headline {
        started = true
        continue
      }
      switch node.kind {
      case .text where !node.isWhitespaceText:
        if started {
          after.append(node.text)
          afterLength += node.text.utf16.count
        } else {
          before.append(node.text)
          if before.count > linesAbove { before.removeFirst() }
        }
      case .element where !skipped.contains(node.name):
        stack.append(contentsOf: node.children.reversed())
      case .document: stack.append(contentsOf: node.children.reversed())
      default: break
      }
    }
    // Each line with the one before it in the page: "Registriert:" may be a line of its own.
    let afterPairs = after.indices.map { (after[$0], $0 > 0 ? after[$0 - 1] : "") }
    let beforePairs = before.indices.reversed().map { (before[$0], $0 > 0 ? before[$0 - 1] : "") }
    for (line, previous) in afterPairs + beforePairs
    where line.split(whereSeparator: \.isWhitespace).count <= 8 && !labelsOtherDate(line)
      && !labelsOtherDate(previous)
    {
      if let date = WrittenDate.first(in: line) ?? WrittenDate.firstWithShortYear(in: line) {
        return date
      }
    }
    return WrittenDate.first(in: after.joined(separator: " "))
  }
}

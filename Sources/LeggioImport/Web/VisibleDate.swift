import Foundation

/// The publication date a page shows its readers when it declares none: a date in the
/// URL's path, then a short element marked as a date (`class="date"`, `post-meta`,
/// `<time>` without `datetime`), then a date in the first lines after the headline.
enum VisibleDate {
  /// Class/id/itemprop fragments of elements that carry a post's date.
  static let hints = NeedleSet([
    "date", "time", "publish", "posted", "datum", "fecha", "data-", "meta", "byline",
    "dateline", "info", "entry-header", "article-header", "stand", "pubdate", "veröffentlicht",
    "publica", "pubblica",
  ])

  /// - Parameter title: the page's title, to find the headline of a page without an `h1`.
  static func find(_ document: HTMLNode, url: URL?, title: String = "") -> Date? {
    if let url, let date = WrittenDate.inURL(url) { return date }
    let body = document.firstElement(named: "body") ?? document
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
      if let date = WrittenDate.first(in: node.innerText) { return date }
    }
    return afterHeadline(body, title: title)
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

  /// A dateline by the headline (see `headline`): a short line that is a date
  /// ("21.01.2022", "von Jane · 31. Oktober 2023") among the lines after it, then among the
  /// three lines just above it (a date over the headline), and only then a date in the
  /// running text after it (400 characters).
  private static func afterHeadline(_ body: HTMLNode, title: String) -> Date? {
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
          if before.count > 3 { before.removeFirst() }
        }
      case .element where !skipped.contains(node.name):
        stack.append(contentsOf: node.children.reversed())
      case .document: stack.append(contentsOf: node.children.reversed())
      default: break
      }
    }
    for line in after + before.reversed()
    where line.split(whereSeparator: \.isWhitespace).count <= 8 {
      if let date = WrittenDate.first(in: line) { return date }
    }
    return WrittenDate.first(in: after.joined(separator: " "))
  }
}

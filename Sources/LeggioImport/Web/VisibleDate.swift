import Foundation

/// The publication date a page shows its readers when it declares none: a date in the
/// URL's path, then a short element marked as a date (`class="date"`, `post-meta`,
/// `<time>` without `datetime`), then a date in the first lines after the headline.
enum VisibleDate {
  /// Class/id/itemprop fragments of elements that carry a post's date.
  static let hints = NeedleSet([
    "date", "time", "publish", "posted", "datum", "fecha", "data-", "meta", "byline",
    "dateline", "info", "entry-header", "article-header", "stand", "pubdate", "veröffentlicht",
  ])

  static func find(_ document: HTMLNode, url: URL?) -> Date? {
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
    return afterHeadline(body)
  }

  private static let skipped: Set<String> = [
    "script", "style", "noscript", "template", "nav", "footer", "aside", "select", "option",
  ]

  /// A date in the first 400 characters of text after the first `h1`.
  private static func afterHeadline(_ body: HTMLNode) -> Date? {
    guard let headline = body.firstElement(named: "h1") else { return nil }
    var text = ""
    var started = false
    var stack: [HTMLNode] = [body]
    while let node = stack.popLast(), text.utf16.count < 400 {
      if node === headline {
        started = true
        continue
      }
      switch node.kind {
      case .text where started: text += node.text + " "
      case .element where !skipped.contains(node.name):
        stack.append(contentsOf: node.children.reversed())
      case .document: stack.append(contentsOf: node.children.reversed())
      default: break
      }
    }
    return WrittenDate.first(in: text)
  }
}

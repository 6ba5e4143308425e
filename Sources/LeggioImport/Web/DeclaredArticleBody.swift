import Foundation

/// The article text a page declares in its JSON-LD `articleBody`, taken when the visible
/// page shows far less of it: pages that draw their text with scripts from data, or show a
/// teaser while their markup holds the whole text for search engines. A short declared
/// body is a summary and never replaces what the page shows.
enum DeclaredArticleBody {
  /// Below this many characters a declared body is a summary, not the article.
  static let minimumLength = 500

  /// The declared body as paragraphs when it is at least three times as long as the
  /// `visibleLength` characters extracted from the page; nil otherwise.
  static func content(_ body: String, visibleLength: Int) -> HTMLNode? {
    guard body.utf8.count >= minimumLength else { return nil }
    let content = HTMLNode(kind: .element, name: "div")
    let lower = body.lowercased()
    if ["<p", "<br", "<div", "</"].contains(where: lower.contains) {
      // A body written as HTML keeps its paragraphs and lists.
      let parsed = HTMLParser.parse("<div>" + body + "</div>")
      guard let root = parsed.firstElement(named: "div") else { return nil }
      HTMLNode.detach(root.elements(namedAnyOf: ["script", "style", "iframe", "form"]))
      for child in root.removeAllChildren() { content.append(child) }
    } else {
      let text = PageMetadataReader.decodingEntities(body)
      for line in text.split(whereSeparator: \.isNewline) {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { continue }
        let paragraph = HTMLNode(kind: .element, name: "p")
        paragraph.append(HTMLNode(kind: .text, text: trimmed))
        content.append(paragraph)
      }
    }
    let declaredLength = content.innerTextLength
    guard declaredLength >= minimumLength, visibleLength * 3 < declaredLength else { return nil }
    return content
  }
}

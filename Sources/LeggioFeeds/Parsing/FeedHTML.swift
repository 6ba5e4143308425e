import Foundation
import LeggioModel
import LeggioImport

/// Small conversions of the HTML that feeds carry.
enum FeedHTML {
  /// The text of an HTML fragment, tags removed and entities decoded.
  static func plainText(_ html: String) -> String {
    guard html.contains("<") || html.contains("&") else { return html }
    let root = HTMLParser.parse("<body>" + html + "</body>")
    return root.textContent
  }

  /// Turns a fragment into a document, falling back to plain paragraphs when the
  /// converter finds no block in it (a summary that is one line of text).
  static func document(_ text: FeedText, baseURL: URL?) -> Document {
    switch text.kind {
    case .html:
      if let simple = FeedSimpleHTML.document(text.value), !simple.isEmpty { return simple }
      let document = HTMLDocumentConverter.convert(
        HTMLParser.parse("<body>" + text.value + "</body>"), baseURL: baseURL)
      if !document.isEmpty { return document }
      return paragraphs(plainText(text.value))
    case .text:
      return paragraphs(text.value)
    }
  }

  private static func paragraphs(_ text: String) -> Document {
    let parts = text.components(separatedBy: "\n\n")
      .map { FeedTextCleaner.line($0) }
      .filter { !$0.isEmpty }
    return Document(blocks: parts.map { Block(.paragraph, text: $0) })
  }
}

import Foundation
import LeggioModel

/// Prints an extracted article for `leggio extract`: plain text, Markdown, or JSON
/// (`title`, `byline`, `published`, `siteName`, `language`, `excerpt`, `text`, `blocks`).
public enum ExtractedArticleFormatter {
  public enum Format: String, CaseIterable, Sendable {
    case text, markdown, json
  }

  public static func format(_ article: ImportedArticle, as format: Format) -> String {
    switch format {
    case .text: text(article)
    case .markdown: markdown(article)
    case .json: json(article)
    }
  }

  /// Title, byline line, then the canonical text.
  static func text(_ article: ImportedArticle) -> String {
    let metadata = article.metadata
    var lines = [metadata.title]
    let credits = [metadata.byline, metadata.published.map(isoDate)].compactMap { $0 }
    if !credits.isEmpty { lines.append(credits.joined(separator: " · ")) }
    return lines.joined(separator: "\n") + "\n\n" + CanonicalText(article.document).text + "\n"
  }

  static func markdown(_ article: ImportedArticle) -> String {
    let metadata = article.metadata
    var parts = ["# " + metadata.title]
    if let byline = metadata.byline { parts.append("*" + MarkdownWriter.escape(byline) + "*") }
    if !article.document.isEmpty { parts.append(MarkdownWriter.body(article.document)) }
    return parts.joined(separator: "\n\n") + "\n"
  }

  static func json(_ article: ImportedArticle) -> String {
    let metadata = article.metadata
    let output = JSONArticle(
      title: metadata.title, byline: metadata.byline, published: metadata.published.map(isoDate),
      siteName: metadata.siteName, language: metadata.language, excerpt: metadata.standfirst,
      kicker: metadata.kicker, source: metadata.source,
      text: CanonicalText(article.document).text,
      blocks: article.document.blocks.map(JSONArticle.JSONBlock.init),
      warnings: article.warnings)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    let data = (try? encoder.encode(output)) ?? Data("{}".utf8)
    return String(decoding: data, as: UTF8.self) + "\n"
  }

  private static func isoDate(_ date: Date) -> String {
    ISO8601DateFormatter().string(from: date)
  }

  private struct JSONArticle: Encodable {
    var title: String
    var byline, published, siteName, language, excerpt, kicker, source: String?
    var text: String
    var blocks: [JSONBlock]
    var warnings: [String]

    struct JSONBlock: Encodable {
      var kind: String
      var text: String
      var level: Int?
      var depth: Int?
      var ordinal: Int?
      var credit: String?

      init(_ block: Block) {
        kind = block.kindName
        text = block.plainText
        switch block.kind {
        case .heading(let level): self.level = level
        case .blockQuote(let depth): self.depth = depth
        case .listItem(let depth, let ordinal):
          self.depth = depth
          self.ordinal = ordinal
        case .image(let credit): self.credit = credit
        default: break
        }
      }
    }

    /// Optional fields are written as `null` so scripts see every key.
    func encode(to encoder: Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(title, forKey: .title)
      try container.encode(byline, forKey: .byline)
      try container.encode(published, forKey: .published)
      try container.encode(siteName, forKey: .siteName)
      try container.encode(language, forKey: .language)
      try container.encode(excerpt, forKey: .excerpt)
      try container.encode(kicker, forKey: .kicker)
      try container.encode(source, forKey: .source)
      try container.encode(text, forKey: .text)
      try container.encode(blocks, forKey: .blocks)
      try container.encode(warnings, forKey: .warnings)
    }

    enum CodingKeys: String, CodingKey {
      case title, byline, published, siteName, language, excerpt, kicker, source, text, blocks,
        warnings
    }
  }
}

import Foundation
import LeggioModel

/// An article printed as plain text or Markdown by `leggio show`.
enum DocumentText {
  /// The metadata header, then the body's blocks separated by blank lines.
  static func plain(_ metadata: ArticleMetadata, _ document: Document) -> String {
    var header: [String] = []
    if let kicker = metadata.kicker { header.append(kicker.uppercased()) }
    header.append(metadata.title)
    if let standfirst = metadata.standfirst { header.append("\n" + standfirst) }
    var lines: [String] = []
    if let credit = metadata.imageCredit { lines.append(credit) }
    let byline = [metadata.byline, dateline(metadata)].compactMap { $0 }
    if !byline.isEmpty { lines.append(byline.joined(separator: " · ")) }
    if !lines.isEmpty { header.append("\n" + lines.joined(separator: "\n")) }
    let body = document.blocks.map(plain)
    return (header + body.map { "\n" + $0 }).joined(separator: "\n")
  }

  private static func plain(_ block: Block) -> String {
    let text = block.plainText
    switch block.kind {
    case .heading: return text
    case .paragraph, .preformatted: return text
    case .blockQuote(let depth): return prefixLines(text, String(repeating: "> ", count: depth))
    case .listItem(let depth, let ordinal):
      let indent = String(repeating: "  ", count: max(0, depth - 1))
      return indent + (ordinal.map { "\($0). " } ?? "• ") + text
    case .rule: return "* * *"
    case .table:
      return block.tableRows.map { row in
        row.map { $0.reduce(into: "") { $0 += $1.text } }.joined(separator: " | ")
      }.joined(separator: "\n")
    case .image(let credit):
      return "[image" + (text.isEmpty ? "" : ": " + text) + (credit.map { " (\($0))" } ?? "") + "]"
    }
  }

  /// Markdown with a front matter that the Markdown importer reads back.
  static func markdown(_ metadata: ArticleMetadata, _ document: Document) -> String {
    var front = ["---", "title: " + yaml(metadata.title)]
    if let byline = metadata.byline { front.append("author: " + yaml(byline)) }
    if let published = metadata.published {
      front.append("date: " + ArticleJSON.iso8601(published))
    }
    if let source = metadata.source { front.append("source: " + yaml(source)) }
    if !metadata.tags.isEmpty {
      front.append("tags: [" + metadata.tags.map(yaml).joined(separator: ", ") + "]")
    }
    front.append("---")
    var parts = [front.joined(separator: "\n")]
    if let kicker = metadata.kicker { parts.append("*" + MarkdownWriter.escape(kicker) + "*") }
    parts.append(
      "# "
        + (document.headline.map { $0.map(MarkdownWriter.markdown).joined() }
          ?? MarkdownWriter.escape(metadata.title)))
    if let standfirst = metadata.standfirst {
      parts.append("**" + MarkdownWriter.escape(standfirst) + "**")
    }
    if !document.isEmpty { parts.append(MarkdownWriter.body(document)) }
    return parts.joined(separator: "\n\n")
  }

  private static func yaml(_ text: String) -> String {
    "\""
      + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(
        of: "\"", with: "\\\"") + "\""
  }

  private static func prefixLines(_ text: String, _ prefix: String) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false).map { prefix + $0 }
      .joined(separator: "\n")
  }

  /// The dateline as printed, else the publication date.
  private static func dateline(_ metadata: ArticleMetadata) -> String? {
    metadata.dateline ?? metadata.published.map(ArticleJSON.iso8601)
  }
}

import Foundation

/// Imports plain text: news articles with a header (`NewsHeader`), Project Gutenberg
/// books (`GutenbergText`), and any other text, whose title is its first line when that
/// line stands alone, else the file name.
public enum PlainTextImporter {
  /// Imports already decoded text (see `TextDecoder`). `fallbackTitle` is used when the
  /// text names no title of its own.
  public static func importText(
    _ text: String, fallbackTitle: String, timeZone: TimeZone = .current
  ) -> ImportedArticle {
    let lines = Self.lines(of: text)
    var metadata = ArticleMetadata(title: fallbackTitle)
    let blocks: [Block]
    if let book = GutenbergText.parse(lines) {
      metadata.title = book.title ?? fallbackTitle
      metadata.byline = book.author
      metadata.language = book.language
      blocks = ParagraphBuilder.blocks(from: book.body)
    } else if let header = NewsHeader.parse(lines, timeZone: timeZone) {
      metadata.kicker = header.kicker
      metadata.title = header.title
      metadata.standfirst = header.standfirst
      metadata.imageCredit = header.imageCredit
      metadata.byline = header.byline
      metadata.dateline = header.dateline
      metadata.published = header.published
      blocks = ParagraphBuilder.blocks(from: lines[header.bodyStart...])
    } else {
      var body = ParagraphBuilder.blocks(from: lines)
      if body.count > 1, let first = body.first, let title = standaloneTitle(first) {
        metadata.title = title
        body.removeFirst()
      }
      blocks = body
    }
    if metadata.language == nil {
      let sample = [metadata.title, metadata.standfirst ?? ""] + blocks.prefix(60).map(\.plainText)
      metadata.language = LanguageDetector.detect(sample.joined(separator: "\n"))
    }
    return ImportedArticle(metadata: metadata, document: Document(blocks: blocks))
  }

  /// The text's lines, split at each "\n" byte: the same lines as splitting by
  /// characters (the decoder leaves no "\r\n", the one cluster holding a line feed),
  /// without walking grapheme clusters through a whole book.
  static func lines(of text: String) -> [Substring] {
    var lines: [Substring] = []
    let bytes = text.utf8
    var start = bytes.startIndex
    var index = start
    while index != bytes.endIndex {
      if bytes[index] == 0x0A {
        lines.append(text[start..<index])
        start = bytes.index(after: index)
      }
      index = bytes.index(after: index)
    }
    lines.append(text[start..<bytes.endIndex])
    return lines
  }

  /// The text of a first block that can serve as a title: one line on its own, short,
  /// and not the only thing in the text worth reading.
  private static func standaloneTitle(_ block: Block) -> String? {
    let text = block.plainText
    guard !text.contains("\n"), text.count <= 120 else { return nil }
    return text
  }
}

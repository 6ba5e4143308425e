import LeggioCore

/// The whole article as plain text, laid out exactly as the reader lays out its pages
/// (same column, breaks, justification and decoration) but without page breaks: what
/// `leggio show --width W` prints. Blocks are measured and written one at a time into one
/// byte buffer, so long books stream through without building runs.
public enum PlainTextRenderer {
  /// The article as lines of text, each ending with "\n".
  public static func render(
    document: Document, metadata: ArticleMetadata?, width: Int, measure: Int = 72,
    justify: Bool = true, margin: Int = 1
  ) -> String {
    String(
      decoding: renderUTF8(
        document: document, metadata: metadata, width: width, measure: measure, justify: justify,
        margin: margin),
      as: UTF8.self)
  }

  /// The same text as UTF-8 bytes, ready for `fwrite` (skips building and validating a
  /// `String` of the whole book).
  public static func renderUTF8(
    document: Document, metadata: ArticleMetadata?, width: Int, measure: Int = 72,
    justify: Bool = true, margin: Int = 1
  ) -> [UInt8] {
    let geometry = ColumnGeometry(
      LayoutOptions(width: width, measure: measure, justify: justify, margin: margin))
    let textBytes = document.blocks.reduce(0) {
      $0 + $1.inlines.reduce(0) { $0 + $1.text.utf8.count }
    }
    var sink = TextSink(capacity: textBytes + textBytes / 8 + 4096)
    var first = true
    if let title = TitleBlock.unit(metadata) {
      UnitRenderer.render(title, geometry: geometry, into: &sink)
      first = false
    }
    for block in document.blocks {
      if !first { sink.blankLine(position: 0) }
      first = false
      UnitRenderer.render(
        FlowUnit(block: block, start: 0, justify: justify), geometry: geometry, into: &sink)
    }
    return sink.bytes
  }
}

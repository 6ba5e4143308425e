import LeggioCore

/// The whole article as plain text, laid out exactly as the reader lays out its pages
/// (same column, breaks, justification and decoration) but without page breaks: what
/// `leggio show --width W` prints. Blocks are measured and written one at a time into one
/// byte buffer, so long books stream through without building runs.
public enum PlainTextRenderer {
  public static func render(
    document: Document, metadata: ArticleMetadata?, width: Int, measure: Int = 72,
    justify: Bool = true,
    margin: Int = 1
  ) -> String {
    let geometry = ColumnGeometry(
      LayoutOptions(width: width, measure: measure, justify: justify, margin: margin))
    var sink = TextSink(
      capacity: document.blocks.reduce(0) { $0 + $1.inlines.reduce(0) { $0 + $1.text.utf8.count } }
        * 11 / 10)
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
    return String(decoding: sink.bytes, as: UTF8.self)
  }
}

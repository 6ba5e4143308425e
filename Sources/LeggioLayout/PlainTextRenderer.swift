import LeggioModel

/// The whole article as plain text, laid out exactly as the reader lays out its pages
/// (same column, breaks, justification and decoration) but without page breaks: what
/// `leggio show --width W` prints. Blocks are measured and written one at a time into one
/// byte buffer, so long books stream through without building runs.
public enum PlainTextRenderer {
  /// The article as lines of text, each ending with "\n".
  public static func render(
    document: Document, metadata: ArticleMetadata?, width: Int, measure: Int = 72,
    justify: Bool = true, hyphenate: Bool = true, margin: Int = 1
  ) -> String {
    String(
      decoding: renderUTF8(
        document: document, metadata: metadata, width: width, measure: measure, justify: justify,
        hyphenate: hyphenate, margin: margin),
      as: UTF8.self)
  }

  /// The same text as UTF-8 bytes, ready for `fwrite` (skips building and validating a
  /// `String` of the whole book).
  public static func renderUTF8(
    document: Document, metadata: ArticleMetadata?, width: Int, measure: Int = 72,
    justify: Bool = true, hyphenate: Bool = true, margin: Int = 1
  ) -> [UInt8] {
    // Joined on every core: the copy of a book's 4 MB (and its page faults) on one
    // thread held up the end of the run.
    ConcurrentSlices.joined(
      renderPieces(
        document: document, metadata: metadata, width: width, measure: measure,
        justify: justify, hyphenate: hyphenate, margin: margin))
  }

  /// The same bytes in pieces, to be written one after another (`writev`): a long book's
  /// slices as each core laid them out, with no copy joining them.
  public static func renderPieces(
    document: Document, metadata: ArticleMetadata?, width: Int, measure: Int = 72,
    justify: Bool = true, hyphenate: Bool = true, margin: Int = 1
  ) -> [[UInt8]] {
    let geometry = ColumnGeometry(
      LayoutOptions(width: width, measure: measure, justify: justify, margin: margin))
    var output: [UInt8] = []
    if let title = TitleBlock.unit(metadata, document: document) {
      var sink = TextSink(capacity: 1024)
      UnitRenderer.render(title, geometry: geometry, into: &sink)
      output = sink.bytes
    }
    // Blocks are laid out independently (a blank line between each two), so a long book
    // is set in slices on every core and the slices joined in order. The slices hold
    // about the same number of bytes each, not of blocks: a book's blocks run from a
    // line of verse to a page.
    let hasTitle = !output.isEmpty
    let rightToLeft = BidiParagraph.isRightToLeftLanguage(metadata?.language)
    let slices = ConcurrentSlices.map(
      document.blocks, minimumWeight: 16_384, weight: { $0.inlines.count + Self.bytes($0) }
    ) { blocks in
      let sliceBytes = blocks.reduce(0) { $0 + Self.bytes($1) }
      var sink = TextSink(capacity: sliceBytes + sliceBytes / 8 + 1024)
      let hyphenator = hyphenate ? Hyphenator(language: metadata?.language) : nil
      let storage = ClusterStorage()
      for index in blocks.indices {
        if index > 0 ? !document.joinsPrevious(index) : hasTitle { sink.blankLine(position: 0) }
        // Read once: each `blocks[index]` was a copy of the block (a retain per string).
        let block = blocks[index]
        for piece in BlockPieces.spans(of: block) {
          let unit = BlockPieces.unit(
            block, span: piece, start: 0, justify: justify, column: geometry.width,
            hyphenator: hyphenator, rightToLeftDocument: rightToLeft,
            loneVerseLine: piece == nil && document.isLoneVerseLine(index), storage: storage)
          UnitRenderer.render(
            consuming: unit, geometry: geometry, into: &sink, recycling: storage)
        }
      }
      return sink.bytes
    }
    return output.isEmpty ? slices : [output] + slices
  }

  /// The UTF-8 length of a block's text.
  private static func bytes(_ block: Block) -> Int {
    block.inlines.reduce(0) { $0 + $1.text.utf8.count }
  }
}

extension PlainTextRenderer {
  /// Loads the hyphenation patterns for `language` now, so that a layout started later
  /// finds them ready: `leggio show` loads them on another core while it reads the text
  /// (they take about 2 ms, which every slice of a book's layout would wait for).
  public static func prepareHyphenation(language: String?) {
    _ = language.flatMap(HyphenDictionary.forLanguage)
  }
}

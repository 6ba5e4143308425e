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
    // is set in slices on every core and the slices joined in order. The slices are many
    // and small, each core taking the next as it finishes one: a book's blocks run from a
    // line of verse to a page that goes to the total fit with hyphenation.
    let hasTitle = !output.isEmpty
    PhaseTrace.mark("layout: title set")
    let rightToLeft = BidiParagraph.isRightToLeftLanguage(metadata?.language)
    let language = metadata?.language
    let slices = ConcurrentSlices.map(
      queuedSlicesOf: document.blocks, sliceLength: sliceLength(blocks: document.blocks.count),
      state: { (hyphenate ? Hyphenator(language: language) : nil, ClusterStorage()) }
    ) { state, blocks in
      PhaseTrace.mark("layout: slice from block \(blocks.startIndex)")
      defer { PhaseTrace.mark("layout: slice from block \(blocks.startIndex) done") }
      let (hyphenator, storage) = state
      let sliceBytes = blocks.reduce(0) { $0 + Self.bytes($1) }
      var sink = TextSink(capacity: sliceBytes + sliceBytes / 8 + 1024)
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
    PhaseTrace.mark("layout: done")
    return output.isEmpty ? slices : [output] + slices
  }

  /// Blocks per slice of the layout: a short article's few dozen in one slice on the
  /// calling thread (threads would cost more than they save), a book's in about sixteen
  /// slices per core, so that the slice a core finishes last is a small part of the whole.
  static func sliceLength(blocks: Int) -> Int {
    max(64, blocks / (ConcurrentSlices.coreCount * 16))
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

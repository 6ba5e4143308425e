import LeggioModel
import Testing

@testable import LeggioLayout

/// A paragraph of a whole book on one line is laid out a piece at a time: showing its
/// first page costs what a page costs, and nothing of it is lost or reordered.
@Suite struct LongParagraphTests {
  /// The first 300,000 characters of I promessi sposi as one paragraph.
  static let document: Document = {
    let text = Fixtures.promessiSposi.blocks.map(\.plainText).joined(separator: " ")
    return Document(blocks: [
      Block(.heading(level: 1), text: "Capitolo primo"),
      Block(.paragraph, text: String(text.prefix(300_000))),
      Block(.paragraph, text: "Fine."),
    ])
  }()

  @Test func theFirstPageMeasuresOnlyTheFirstPieceOfAVeryLongParagraph() {
    let article = PagedArticle(
      document: Self.document, metadata: nil, options: LayoutOptions(width: 80, height: 24))
    #expect(article.flow.pieces.count > 10)
    #expect(article.page(at: 0) != nil)
    #expect(article.flow.measuredUnitCount <= 3)
  }

  @Test func everyPieceAfterTheFirstStartsAfterASentence() {
    let block = Self.document.blocks[1]
    let scalars = Array(block.plainText.unicodeScalars)
    let starts = BlockPieces.cuts(of: block, scalarCount: scalars.count).map(\.scalar)
    #expect(starts.count > 10)
    for start in starts.dropFirst() {
      #expect(scalars[start - 1] == " ")
      #expect(".!?;:»".unicodeScalars.contains(scalars[start - 2]), "cut at \(start)")
      #expect(start - starts[0] > 0)
    }
    #expect(zip(starts, starts.dropFirst()).allSatisfy { $1 - $0 <= BlockPieces.length + 200 })
  }

  @Test func thePagesShowTheWholeParagraphInOrderWithoutBlankLines() {
    for width in [30, 80] {
      let article = PagedArticle(
        document: Self.document, metadata: nil, options: LayoutOptions(width: width, height: 20))
      let scalars = Array(article.canonicalText.text.unicodeScalars)
      var covered = 0
      let pages = allPages(article)
      for page in pages {
        for run in page.lines.flatMap(\.runs) {
          guard let source = run.source else { continue }
          #expect(source.lowerBound >= covered, "w\(width): out of order at \(source)")
          #expect(scalars[covered..<source.lowerBound].allSatisfy { $0.properties.isWhitespace })
          covered = source.upperBound
        }
      }
      #expect(scalars[covered...].allSatisfy { $0.properties.isWhitespace }, "w\(width)")
      // Inside the paragraph (pages 1 to the one before last) a blank line is only the
      // padding at a page's foot, never between two lines.
      for page in pages.dropFirst().dropLast(2) {
        let rows = page.lines.map { $0.plainText.isEmpty }
        let firstBlank = rows.firstIndex(of: true) ?? rows.count
        #expect(!rows[firstBlank...].contains(false), "w\(width) page \(page.index)")
        #expect(firstBlank >= rows.count - 2, "w\(width) page \(page.index)")
      }
    }
  }

  @Test func showPrintsEveryCharacterOfAVeryLongParagraphInOrder() {
    let plain = PlainTextRenderer.render(
      document: Self.document, metadata: nil, width: 72, hyphenate: false)
    let text = CanonicalText(Self.document).text
    // Lines may break after a dash inside a word: compare without the white space.
    let shown = plain.unicodeScalars.filter { !$0.properties.isWhitespace }
    let expected = text.unicodeScalars.filter { !$0.properties.isWhitespace }
    #expect(shown.count == expected.count)
    #expect(shown.elementsEqual(expected))
  }

  @Test func piecesOfAParagraphOfManyStyledRunsKeepEveryRunAndItsStyle() {
    let sentences = Fixtures.promessiSposi.blocks.prefix(400).map(\.plainText)
    let inlines = sentences.enumerated().map { index, text in
      Inline(text + " ", style: index % 3 == 0 ? .emphasis : [])
    }
    let block = Block(.paragraph, inlines)
    let spans = BlockPieces.spans(of: block).compactMap { $0 }
    #expect(spans.count > 2)
    let slices = spans.map { block.slice($0) }
    #expect(slices.map(\.plainText).joined() == block.plainText)
    // Runs cut at a piece's edge keep their style: joined again, the runs are the same.
    func merged(_ runs: [Inline]) -> [String] {
      var result: [(text: String, style: InlineStyle)] = []
      for run in runs {
        if let last = result.last, last.style == run.style {
          result[result.count - 1].text += run.text
        } else {
          result.append((run.text, run.style))
        }
      }
      return result.map { "\($0.style.rawValue):\($0.text)" }
    }
    #expect(merged(slices.flatMap(\.inlines)) == merged(inlines))
  }
}

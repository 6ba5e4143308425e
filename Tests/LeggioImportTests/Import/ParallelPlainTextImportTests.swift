import Foundation
import Testing

@testable import LeggioImport
@testable import LeggioModel

/// A long plain text decoded and split into lines in pieces on every core (`TextPieces`,
/// `PlainTextImporter.importText(pieces:)`) gives the article the one-thread whole-text
/// way gives, on the corpus's long texts and on texts whose cuts fall in awkward places:
/// inside CR LF runs, inside one huge line, in text without blank lines.
@Suite struct ParallelPlainTextImportTests {
  static let novel =
    (try? Data(contentsOf: ImportFixtures.url("corpus/texts/i-promessi-sposi_pg45334_it.txt")))
    ?? Data()
  static let verse =
    (try? Data(contentsOf: ImportFixtures.url("corpus/texts/divina-commedia_it.txt")))
    ?? Data()

  /// The pieces way's article and the whole-text way's, which must be equal.
  func bothWays(_ data: Data, name: String = "book.txt") throws -> (
    ImportedArticle, ImportedArticle
  ) {
    let pieces = try #require(
      try ArticleImporter.importLongPlainText(
        data, name: name, mimeType: nil, options: ImportFixtures.options()))
    let decoded = try TextDecoder.decode(data, name: name)
    let whole = PlainTextImporter.importText(
      decoded.text, fallbackTitle: "book", timeZone: ImportFixtures.zurich)
    return (pieces, whole)
  }

  @Test func theCorpusLongTextsReadTheSameInPiecesAsWhole() throws {
    for data in [Self.novel + Self.verse, Self.verse + Self.novel, Self.novel + Self.novel] {
      let (pieces, whole) = try bothWays(data)
      #expect(pieces.document == whole.document)
      #expect(pieces.metadata == whole.metadata)
      #expect(pieces.document.blocks.count > 1_000)
    }
  }

  @Test func cutsInCarriageReturnsAHugeLineOrTextWithoutBlankLinesReadTheSame() throws {
    let novel = String(decoding: Self.novel, as: UTF8.self)
    let crlf = novel.replacingOccurrences(of: "\n", with: "\r\n")
    // Every line of the novel, no blank line between them.
    let noBlankLines =
      (novel + novel).split(separator: "\n").filter { !$0.allSatisfy(\.isWhitespace) }
      .joined(separator: "\n")
    // One paragraph of a single 1.2 MB line between two ordinary texts, so that the
    // middle cuts all fall inside it.
    let words = String(repeating: "parola lunga e breve, ", count: 55_000)
    let hugeLine = String(novel.prefix(20_000)) + "\n\n" + words + "\n\n" + novel
    // CR LF with a lone CR and stray spaces and tabs at line ends.
    let ragged = crlf.replacingOccurrences(of: ".\r\n", with: ". \t\r\n")
      .replacingOccurrences(of: "Renzo", with: "Renzo\r")
    for (name, text) in [
      ("crlf", crlf + crlf), ("no blank lines", noBlankLines), ("huge line", hugeLine),
      ("ragged", ragged + ragged),
    ] {
      let data = Data(text.utf8)
      #expect(data.count >= TextPieces.minimumLength, "\(name)")
      let (pieces, whole) = try bothWays(data)
      #expect(pieces.document == whole.document, "\(name)")
      #expect(pieces.metadata == whole.metadata, "\(name)")
    }
  }
}

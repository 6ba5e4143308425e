import Foundation
import Testing

@testable import LeggioImport
@testable import LeggioModel

/// What `leggio show` does differently to read a long file quickly gives the same article:
/// the file mapped, the lines left unfreed, the UTF-8 and sanitiser checks made in one pass,
/// the wrap width counted while the chunks are cut.
@Suite struct ShowImportShortcutTests {
  static let book =
    (try? Data(contentsOf: ImportFixtures.url("corpus/texts/i-promessi-sposi_pg45334_it.txt")))
    ?? Data()
  static let verse =
    (try? Data(contentsOf: ImportFixtures.url("corpus/texts/divina-commedia_it.txt")))
    ?? Data()

  @Test func aLongFileImportedForAProcessThatEndsIsTheArticleAnImportThatFreesAllMakes() throws {
    let data = Self.book + Self.verse
    #expect(data.count > TextPieces.minimumLength)
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("leggio-mapped-\(UUID().uuidString).txt")
    try data.write(to: url)
    defer { try? FileManager.default.removeItem(at: url) }
    var ending = ImportFixtures.options()
    ending.endsWithProcess = true
    let mapped = try ArticleImporter.importFile(at: url, options: ending)
    let read = try ArticleImporter.importFile(at: url, options: ImportFixtures.options())
    #expect(mapped.document == read.document)
    #expect(mapped.metadata == read.metadata)
    #expect(mapped.document.blocks.count > 1_000)
  }

  @Test func aMappedFileHoldsTheFilesBytesAndAnEmptyOrMissingOneIsNotMapped() throws {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("leggio-mapped-\(UUID().uuidString).txt")
    try Self.verse.write(to: url)
    defer { try? FileManager.default.removeItem(at: url) }
    #expect(MappedFile.data(atPath: url.path, size: Self.verse.count) == Self.verse)
    #expect(MappedFile.data(atPath: url.path, size: 0) == nil)
    #expect(MappedFile.data(atPath: url.path + ".missing", size: 10) == nil)
  }

  @Test func theWrapWidthCountedWhileChunkingIsTheOneMeasuredAfterwards() {
    let texts = [Self.book, Self.verse, Self.book + Self.verse].map {
      String(decoding: $0, as: UTF8.self)
    }
    var generator = SystemRandomNumberGenerator()
    // Random chunks of random lengths, some over the histograms' bound.
    let random = (0..<3_000).map { _ -> String in
      (0..<Int.random(in: 1...6, using: &generator)).map { _ in
        let words = Int.random(in: 1...14, using: &generator)
        return (0..<words).map { _ in
          String(
            repeating: "x", count: Int.random(in: 1...(words == 1 ? 1_500 : 9), using: &generator))
        }.joined(separator: " ")
      }.joined(separator: "\n")
    }.joined(separator: "\n\n")
    for text in texts + [random, "one\ntwo\n\nthree"] {
      let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
      let chunks = ParagraphBuilder.chunkAndMeasure(lines[...])
      let measured = ParagraphBuilder.measure(
        chunks.lines, lengths: chunks.lengths, firstWords: chunks.firstWords)
      let counted = chunks.tally.wrapping()
      if let counted {
        #expect(counted == measured)
      } else {
        #expect((measured?.width ?? 0) >= ParagraphBuilder.WrapTally.bound)
      }
    }
    // The verse is not hard-wrapped, the novel is: both answers occur above.
    let verse = String(decoding: Self.verse, as: UTF8.self).split(
      separator: "\n", omittingEmptySubsequences: false)
    #expect(ParagraphBuilder.chunkAndMeasure(verse[...]).tally.wrapping()??.isHardWrapped == false)
  }
}

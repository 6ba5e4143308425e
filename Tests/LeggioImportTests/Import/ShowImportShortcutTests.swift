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
}

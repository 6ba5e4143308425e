import Foundation
import LeggioTestSupport
import Testing

@testable import LeggioImport

@Suite struct ZIPBoundsTests {
  private func book() throws -> [UInt8] {
    [UInt8](try Data(contentsOf: SharedFiles.url("corpus/epub/pandoc/epub2_cover.epub")))
  }

  /// The offset of the end of central directory record.
  private func endRecord(_ bytes: [UInt8]) -> Int {
    var index = bytes.count - 22
    while !(bytes[index] == 0x50 && bytes[index + 1] == 0x4B && bytes[index + 2] == 5
      && bytes[index + 3] == 6)
    {
      index -= 1
    }
    return index
  }

  @Test func everyCorpusBookIsInBounds() throws {
    let folder = SharedFiles.url("corpus/epub")
    let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
    var checked = 0
    while let url = enumerator?.nextObject() as? URL {
      guard url.pathExtension == "epub", let data = try? Data(contentsOf: url),
        data.count > 100
      else { continue }
      #expect(throws: Never.self, "\(url.lastPathComponent)") { try ZIPBounds.check(data) }
      checked += 1
    }
    #expect(checked >= 5)
  }

  @Test func aDirectoryOffsetPastTheEndIsRefusedNotFollowed() throws {
    var bytes = try book()
    let end = endRecord(bytes)
    bytes.replaceSubrange((end + 16)..<(end + 20), with: [0xF0, 0xFF, 0xFF, 0x0F])
    #expect(throws: ZIPBounds.Problem.self) { try ZIPBounds.check(bytes) }
    #expect(throws: EPUBError.self) { try EPUBImporter.importBook(Data(bytes), name: "b.epub") }
  }

  @Test func anEntryWhoseHeaderLiesPastTheEndIsRefused() throws {
    var bytes = try book()
    let end = endRecord(bytes)
    let directory =
      Int(bytes[end + 16]) | Int(bytes[end + 17]) << 8
      | Int(bytes[end + 18]) << 16 | Int(bytes[end + 19]) << 24
    // The first entry's local header offset.
    bytes.replaceSubrange((directory + 42)..<(directory + 46), with: [0xFF, 0xFF, 0xFF, 0x7F])
    #expect(throws: ZIPBounds.Problem.self) { try ZIPBounds.check(bytes) }
    #expect(throws: EPUBError.self) { try EPUBImporter.importBook(Data(bytes), name: "b.epub") }
  }

  @Test func aBookCutAnywhereGivesAnErrorNeverACrash() throws {
    let bytes = try book()
    for length in stride(from: 0, to: bytes.count, by: 97) {
      _ = try? EPUBImporter.importBook(Data(bytes.prefix(length)), name: "cut.epub")
    }
  }
}

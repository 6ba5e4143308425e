import Foundation
import Testing

@testable import LeggioImport

/// Every bad input gets an `ImportError` whose message names the file and says what is
/// wrong.
@Suite struct ImportErrorTests {
  func message(_ body: () throws -> Void) -> String? {
    do {
      try body()
      return nil
    } catch {
      return (error as? LocalizedError)?.errorDescription
    }
  }

  @Test func missingFile() throws {
    let url = URL(fileURLWithPath: "/nonexistent/leggio/report.txt")
    #expect(throws: ImportError.missing(name: url.path)) {
      try ArticleImporter.importFile(at: url)
    }
    #expect(
      message { _ = try ArticleImporter.importFile(at: url) }
        == "/nonexistent/leggio/report.txt does not exist; check the path")
  }

  @Test func directoryWhereAFileIsNeeded() throws {
    try ImportFixtures.withTemporaryDirectory { directory in
      #expect(throws: ImportError.isDirectory(name: directory.path)) {
        try ArticleImporter.importFile(at: directory)
      }
    }
  }

  @Test func emptyAndBlankFiles() throws {
    try ImportFixtures.withTemporaryDirectory { directory in
      let empty = directory.appendingPathComponent("empty.txt")
      let blank = directory.appendingPathComponent("blank.md")
      try Data().write(to: empty)
      try Data(" \n\n\t \r\n".utf8).write(to: blank)
      #expect(throws: ImportError.empty(name: empty.path)) {
        try ArticleImporter.importFile(at: empty)
      }
      #expect(throws: ImportError.empty(name: blank.path)) {
        try ArticleImporter.importFile(at: blank)
      }
      #expect(
        message { _ = try ArticleImporter.importFile(at: empty) }?.contains("empty.txt is empty")
          == true)
    }
  }

  @Test func pdfMessageSaysWhatTheFileIsAndWhatLeggioReads() throws {
    try ImportFixtures.withTemporaryDirectory { directory in
      let pdf = directory.appendingPathComponent("report.pdf")
      try Data("%PDF-1.7\n%âãÏÓ\n1 0 obj\n".utf8).write(to: pdf)
      #expect(
        message { _ = try ArticleImporter.importFile(at: pdf) }
          == "\(pdf.path) does not look like text (it starts with %PDF); "
          + "Leggio imports .txt, .md and .html files")
    }
  }

  @Test func pngAndRandomBytesAreRefused() throws {
    let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D])
    #expect(
      message { _ = try ArticleImporter.importData(png, name: "photo.png") }
        == "photo.png does not look like text (it is a PNG image); Leggio imports .txt, .md and .html files"
    )
    let noise = Data((0..<2048).map { UInt8(truncatingIfNeeded: $0 &* 7919 &+ 13) })
    #expect(throws: ImportError.self) { try ArticleImporter.importData(noise, name: "noise.bin") }
  }

  @Test func markupWithoutAnyTextIsRefused() {
    let html = Data(
      "<html><head><script>var a = 1;</script></head><body><nav>menu</nav></body></html>".utf8)
    #expect(throws: ImportError.noReadableText(name: "vuota.html")) {
      try ArticleImporter.importData(html, name: "vuota.html")
    }
    #expect(
      ImportError.noReadableText(name: "vuota.html").localizedDescription
        == "vuota.html contains no readable text")
  }

  @Test func tooLargeSaysTheSizeAndTheLimit() throws {
    try ImportFixtures.withTemporaryDirectory { directory in
      let big = directory.appendingPathComponent("big.txt")
      try Data(repeating: 0x61, count: 3 * 1024).write(to: big)
      let options = ImportFixtures.options(maximumSize: 2 * 1024)
      #expect(throws: ImportError.tooLarge(name: big.path, size: 3 * 1024, limit: 2 * 1024)) {
        try ArticleImporter.importFile(at: big, options: options)
      }
      #expect(
        message { _ = try ArticleImporter.importFile(at: big, options: options) }
          == "\(big.path) is 3 KiB, more than the 2 KiB limit for one article")
      #expect(throws: ImportError.tooLarge(name: "-", size: 3 * 1024, limit: 2 * 1024)) {
        try ArticleImporter.importData(
          Data(repeating: 0x61, count: 3 * 1024), name: "-", options: options)
      }
    }
  }

  @Test func defaultLimitIsSixtyFourMebibytes() {
    #expect(ImportOptions.defaultMaximumSize == 64 * 1024 * 1024)
    #expect(ImportError.describe(bytes: 80 * 1024 * 1024 + 300 * 1024) == "80.3 MiB")
  }

  /// Tests run as root, whom chmod 000 does not stop, so the permission check is injected.
  @Test func unreadableFileThroughAnInjectedPermissionCheck() throws {
    try ImportFixtures.withTemporaryDirectory { directory in
      let secret = directory.appendingPathComponent("secret.txt")
      try Data("Titolo\n\nTesto.".utf8).write(to: secret)
      let options = ImportOptions(isReadable: { _ in false })
      #expect(
        message { _ = try ArticleImporter.importFile(at: secret, options: options) }
          == "\(secret.path) cannot be read (permission denied); check its permissions")
    }
  }

  @Test func relativePathsAreNamedAsGiven() throws {
    let url = URL(fileURLWithPath: "no-such-dir/report.txt")
    #expect(throws: ImportError.missing(name: "no-such-dir/report.txt")) {
      try ArticleImporter.importFile(at: url)
    }
  }
}

import Foundation
import Testing

@testable import LeggioImport
@testable import LeggioModel

/// Books made by pandoc from Markdown, as EPUB 2 (NCX) and EPUB 3 (nav): chapters,
/// table of contents, a footnote and a link between chapters.
@Suite struct EPUBPandocTests {
  static let markdown = """
    ---
    title: Pandoc Book
    author: Jane Writer
    lang: it-IT
    date: 2024-03-05
    ---

    # Chapter One

    First words of the book.[^1]

    [^1]: A footnote of the first chapter.

    # Chapter Two

    See [the third chapter](#chapter-three) for the end.

    # Chapter Three

    Last words.
    """

  static func make(_ format: String) throws -> ImportedArticle {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("leggio-pandoc-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let source = folder.appendingPathComponent("book.md")
    let output = folder.appendingPathComponent("book.epub")
    try markdown.write(to: source, atomically: true, encoding: .utf8)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["pandoc", source.path, "-t", format, "-o", output.path]
    try process.run()
    process.waitUntilExit()
    try #require(process.terminationStatus == 0, "pandoc failed")
    return try ArticleImporter.importFile(at: output)
  }

  @Test(arguments: ["epub2", "epub3"])
  func pandocBooksHaveTheirChaptersInTheTableOfContents(_ format: String) throws {
    let article = try Self.make(format)
    #expect(article.metadata.title == "Pandoc Book")
    #expect(article.metadata.byline == "Jane Writer")
    #expect(article.metadata.language == "it")
    let entries = try #require(article.contents?.entries)
    let chapters = entries.filter { $0.title.hasPrefix("Chapter") }
    #expect(chapters.map(\.title) == ["Chapter One", "Chapter Two", "Chapter Three"])
    for entry in chapters {
      #expect(article.document.blocks[entry.block].plainText == entry.title)
    }
  }

  @Test(arguments: ["epub2", "epub3"])
  func aPandocFootnoteIsANoteAndACrossReferenceAJump(_ format: String) throws {
    let article = try Self.make(format)
    let inlines = article.document.blocks.flatMap(\.inlines)
    let note = try #require(
      inlines.lazy.compactMap { $0.link.flatMap(InternalLink.init) }.first {
        if case .note = $0 { return true }
        return false
      })
    #expect(
      article.document.blocks[note.block].plainText.hasPrefix("A footnote of the first chapter."))
    let jump = try #require(inlines.first { $0.text == "the third chapter" }?.link)
    let target = try #require(InternalLink(jump))
    #expect(article.document.blocks[target.block].plainText == "Chapter Three")
  }
}

import ArgumentParser
import Foundation
import LeggioImport
import LeggioModel
import LeggioStore

/// `leggio toc ID|FILE [--json]`: a book's table of contents.
struct TocCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "toc",
    abstract: "Print the table of contents of a book in the library (ID) or of an EPUB file.",
    discussion: """
      Each line is an entry, indented by its level, with how far into the book it starts.
      --json prints the entries with their block and scalar offset in the canonical text.
      """)

  @OptionGroup var options: LibraryOptions

  @Argument(help: "A book's id from `leggio list`, or an .epub file (read without storing).")
  var book: String

  @Flag(name: .long, help: "Print JSON.")
  var json = false

  func run() throws {
    try reportingErrors {
      let (title, contents, document) = try load()
      let canonical = CanonicalText(document)
      if json {
        Console.out(BookJSON.toc(contents, canonical: canonical).text)
        return
      }
      var lines = [title.terminalSafe()]
      let total = max(1, canonical.scalarCount)
      for entry in contents.entries {
        let offset = BookJSON.offset(ofBlock: entry.block, in: canonical)
        let percent = String(format: "%3d%%", offset * 100 / total)
        let indent = String(repeating: "  ", count: max(0, entry.level - 1))
        lines.append("\(percent)  \(indent)\(entry.title.terminalSafe())")
      }
      Console.out(lines.joined(separator: "\n"))
    }
  }

  private func load() throws -> (String, BookContents, Document) {
    let input = InputFiles.Input(path: book)
    if !FileManager.default.fileExists(atPath: book), let id = Int64(book) {
      let library = try options.open()
      guard let stored = try library.article(id: id) else {
        throw LibraryError.noSuchArticle(id: id)
      }
      guard let contents = try library.contents(of: id) else {
        throw CLIError.invalid("article \(id) is not a book; it has no table of contents")
      }
      return (stored.metadata.title, contents, stored.document)
    }
    do {
      let imported = try InputFiles.importArticle(input)
      guard let contents = imported.contents else {
        throw CLIError.invalid(
          CLIError.naming(input, "is not a book; it has no table of contents"))
      }
      return (imported.metadata.title, contents, imported.document)
    } catch let error as CLIError {
      throw error
    } catch {
      throw CLIError.about(input, error)
    }
  }
}

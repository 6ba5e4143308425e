import ArgumentParser
import Foundation
import LeggioCore
import LeggioLayout

struct ShowCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "show",
    abstract: "Print an article from the library (ID) or a file (PATH, not stored).",
    discussion: """
      --width W prints the article laid out as the reader sets it; with --height H,
      --page N or --page last prints that page, padded to H lines, and "page N/M".
      """)

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case text, markdown, json
  }

  /// `--page N` (from 1) or `--page last`.
  enum PageChoice: ExpressibleByArgument, Equatable {
    case number(Int)
    case last

    init?(argument: String) {
      if argument == "last" {
        self = .last
      } else if let n = Int(argument), n >= 1 {
        self = .number(n)
      } else {
        return nil
      }
    }
  }

  @OptionGroup var options: LibraryOptions

  @Argument(help: "An article id from `leggio list`, or a file to read without storing it.")
  var article: String

  @Option(name: .long, help: "text, markdown or json.")
  var format: Format = .text

  @Option(name: .long, help: "Lay the article out for this many columns.")
  var width: Int?

  @Option(name: .long, help: "Lines per page (with --width).")
  var height: Int?

  @Option(name: .long, help: "The page to print, from 1, or `last` (with --width and --height).")
  var page: PageChoice?

  func validate() throws {
    if let width, width < 1 { throw ValidationError("--width must be at least 1") }
    if let height, height < 1 { throw ValidationError("--height must be at least 1") }
    if height != nil && width == nil { throw ValidationError("--height needs --width") }
    if page != nil && height == nil { throw ValidationError("--page needs --width and --height") }
    if width != nil && format != .text {
      throw ValidationError("--width lays out text; it does not go with --format \(format)")
    }
  }

  func run() throws {
    try reportingErrors {
      let (summary, metadata, document) = try load()
      switch format {
      case .json:
        Console.out(
          ArticleJSON.value(summary: summary, metadata: metadata, document: document).text)
      case .markdown:
        Console.out(DocumentText.markdown(metadata, document).terminalSafe(keepingNewlines: true))
      case .text:
        if let width {
          try printLaidOut(metadata, document, width: width)
        } else {
          Console.out(DocumentText.plain(metadata, document).terminalSafe(keepingNewlines: true))
        }
      }
    }
  }

  /// The stored article `id`, or the file at the path, imported but not stored.
  private func load() throws -> (ArticleSummary?, ArticleMetadata, Document) {
    let isFile = FileManager.default.fileExists(atPath: article)
    if !isFile, let id = Int64(article) {
      let library = try options.open()
      guard let stored = try library.article(id: id) else {
        throw LibraryError.noSuchArticle(id: id)
      }
      return (stored.summary, stored.metadata, stored.document)
    }
    let imported = try InputFiles.importArticle(InputFiles.Input(path: article))
    return (nil, imported.metadata, imported.document)
  }

  private func printLaidOut(_ metadata: ArticleMetadata, _ document: Document, width: Int) throws {
    let options = LayoutOptions(width: width, height: height ?? .max)
    let paged = PagedArticle(document: document, metadata: metadata, options: options)
    guard let height else {
      var output = ""
      var index = 0
      while let page = paged.page(at: index) {
        for line in page.lines { output += line.plainText.terminalSafe() + "\n" }
        index += 1
      }
      FileHandle.standardOutput.write(Data(output.utf8))
      return
    }
    paged.layoutAll()
    let count = max(1, paged.pageCount.value)
    let number: Int
    switch page ?? .number(1) {
    case .last: number = count
    case .number(let n): number = n
    }
    guard let shown = paged.page(at: number - 1) else {
      throw CLIError.pageOutOfRange(requested: number, pages: count)
    }
    var lines = shown.lines.map { $0.plainText.terminalSafe() }
    lines += Array(repeating: "", count: max(0, height - lines.count))
    for line in lines.prefix(height) { Console.out(line) }
    Console.out("page \(number)/\(count)")
  }
}

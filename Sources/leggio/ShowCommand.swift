import ArgumentParser
import Foundation
import LeggioModel
import LeggioImport
import LeggioStore
import LeggioLayout

struct ShowCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "show",
    abstract: "Print an article from the library (ID), or a file, URL or - (not stored).",
    discussion: """
      --width W prints the article laid out as the reader sets it; with --height H,
      --page N or --page last prints that page, padded to H lines, and "page N/M".
      """)

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case text, markdown, json, html, original
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

  @Argument(
    help: "An article id from `leggio list`, or a file, http(s) URL or - to read without storing.")
  var article: String

  @Option(
    name: .long,
    help:
      "text, markdown, json, html (the article as clean HTML5), or original (the page a web article came from)."
  )
  var format: Format = .text

  @Option(
    name: .long,
    help: "Lay the article out for this many columns (1 to \(Self.maximumWidth)).")
  var width: Int?

  @Option(name: .long, help: "Lines per page, with --width (1 to \(Self.maximumHeight)).")
  var height: Int?

  /// Wider than any terminal; a larger number would only cost memory.
  static let maximumWidth = 1000
  /// Taller than any terminal.
  static let maximumHeight = 1000

  @Option(name: .long, help: "The page to print, from 1, or `last` (with --width and --height).")
  var page: PageChoice?

  @Flag(
    name: .customLong("no-hyphenate"), help: "Do not hyphenate words at line ends (with --width).")
  var noHyphenate = false

  @Option(help: "Seconds to wait for a web page (when ARTICLE is a URL).")
  var timeout: Double = Self.defaultTimeout

  static let defaultTimeout: Double = 20

  func validate() throws {
    if let width, !(1...Self.maximumWidth).contains(width) {
      throw ValidationError("--width must be between 1 and \(Self.maximumWidth) columns")
    }
    if let height, !(1...Self.maximumHeight).contains(height) {
      throw ValidationError("--height must be between 1 and \(Self.maximumHeight) lines")
    }
    if height != nil && width == nil { throw ValidationError("--height needs --width") }
    if page != nil && height == nil { throw ValidationError("--page needs --width and --height") }
    if width != nil && format != .text {
      throw ValidationError("--width lays out text; it does not go with --format \(format)")
    }
  }

  func run() throws {
    HeapTuning.keepLargeBuffersInHeap()
    HeapTuning.preferHugePagesInHeap()
    try reportingErrors {
      let (summary, metadata, document, page, contents) = try load()
      switch format {
      case .html:
        Console.out(HTMLWriter.page(metadata, document).terminalSafe(keepingNewlines: true))
      case .original:
        guard let page else {
          throw CLIError.invalid(
            "\(article.terminalSafe()) did not come from a web page; there is no original HTML")
        }
        printPage(page)
      case .json:
        Console.out(
          ArticleJSON.value(
            summary: summary, metadata: metadata, document: document, contents: contents
          ).text)
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

  /// The stored article `id`, or the file, page or standard input, imported but not stored.
  private func load() throws -> (
    ArticleSummary?, ArticleMetadata, Document, Data?, BookContents?
  ) {
    let input = InputFiles.Input(path: article)
    let isFile = FileManager.default.fileExists(atPath: article)
    if !isFile, let id = Int64(article) {
      let library = try options.open()
      guard let stored = try library.article(id: id) else {
        throw LibraryError.noSuchArticle(id: id)
      }
      if stored.summary.isPending {
        Console.error(
          "article \(id) is waiting for its page (\(stored.metadata.source ?? "")); "
            + "`leggio fetch \(id)` fetches it")
      }
      let page = format == .original ? try library.originalHTML(of: id) : nil
      let contents = format == .json ? try library.contents(of: id) : nil
      return (stored.summary, stored.metadata, stored.document, page, contents)
    }
    let imported = try Self.importInput(input, timeout: timeout)
    return (nil, imported.metadata, imported.document, imported.originalHTML, imported.contents)
  }

  /// The file, page or standard input, imported but not stored; its warnings said on
  /// standard error. `show` exits once it has printed the article, so a long file is
  /// imported for a process that ends with it (`ImportOptions.endsWithProcess`).
  static func importInput(_ input: InputFiles.Input, timeout: Double) throws -> ImportedArticle {
    do {
      let imported = try InputFiles.importArticle(
        input, fetcher: PageFetcher(timeout: timeout), endsWithProcess: true)
      for warning in imported.warnings {
        Console.error(CLIError.naming(input, "warning: " + warning))
      }
      return imported
    } catch {
      throw CLIError.about(input, error)
    }
  }

  /// The original page byte for byte into a pipe or file; on a terminal, as text with
  /// its control characters made visible.
  private func printPage(_ page: Data) {
    if Console.isTerminal(STDOUT_FILENO) {
      Console.out(String(decoding: page, as: UTF8.self).terminalSafe(keepingNewlines: true))
    } else {
      Console.write([UInt8](page))
    }
  }

  /// The whole article laid out `width` cells wide, in one write.
  static func printWhole(
    _ metadata: ArticleMetadata, _ document: Document, width: Int, hyphenate: Bool
  ) {
    if let note = RightToLeftText.missingSupport(in: document) { Console.error("note: " + note) }
    PhaseTrace.mark("show: right-to-left support checked")
    Console.write(
      pieces: PlainTextRenderer.renderPieces(
        document: document, metadata: metadata, width: width, hyphenate: hyphenate))
  }

  /// The article laid out `width` cells wide: the whole text, or with `height` one page
  /// padded to the height and followed by "page N/M".
  private func printLaidOut(_ metadata: ArticleMetadata, _ document: Document, width: Int) throws {
    guard let height else {
      Self.printWhole(metadata, document, width: width, hyphenate: !noHyphenate)
      return
    }
    if let note = RightToLeftText.missingSupport(in: document) { Console.error("note: " + note) }
    let paged = PagedArticle(
      document: document, metadata: metadata,
      options: LayoutOptions(width: width, height: height, hyphenate: !noHyphenate))
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
    var lines = shown.plainText.split(separator: "\n", omittingEmptySubsequences: false)
      .dropLast().map { String($0).terminalSafe() }
    lines += Array(repeating: "", count: max(0, height - lines.count))
    Console.out((lines.prefix(height) + ["page \(number)/\(count)"]).joined(separator: "\n"))
  }
}

import ArgumentParser
import Foundation
import LeggioImport
import LeggioModel
import LeggioStore

extension EPUBForm: ExpressibleByArgument {}

struct AddCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "add",
    abstract: "Import files, directories (recursively), web pages or standard input (-).",
    discussion: """
      Text, Markdown and HTML files are read; an http(s) URL is fetched, its article
      extracted and stored with the original page and its pictures (--no-images skips
      them; a picture that cannot be kept is named in a warning), and read offline from
      then on.
      An EPUB is one book, or, when it is a periodical (calibre's news: sections and
      articles), one article per piece, tagged with the periodical's name and issue
      date; --as book or --as articles overrides the guess.
      Prints one line per article ("added 12  Title", "updated", "unchanged") and a
      summary. Errors name the file or URL; the good ones are imported anyway and the
      exit status is non-zero if anything failed.
      """)

  @OptionGroup var options: LibraryOptions

  @Option(name: .long, help: "Tag every imported article (repeatable).")
  var tag: [String] = []

  @Option(name: .customLong("as"), help: "Read EPUB files as one book or as articles.")
  var form: EPUBForm?

  @Option(help: "Seconds to wait for a web page before giving up on it.")
  var timeout: Double = 20

  @Flag(help: "Keep no pictures of web pages and books (they are kept by default).")
  var noImages = false

  @Argument(help: "Files, directories, http(s) URLs, or - for standard input.")
  var paths: [String]

  func validate() throws {
    for tag in tag where !tag.contains(where: { !$0.isWhitespace && !$0.isASCIIControl }) {
      throw ValidationError(
        "--tag \"\(tag.terminalSafe())\" is empty; a tag needs a visible character")
    }
    if paths.filter({ $0 == "-" }).count > 1 {
      throw ValidationError("standard input (-) can be read only once")
    }
    if !(timeout > 0) { throw ValidationError("--timeout must be more than 0 seconds") }
  }

  func run() throws {
    PhaseTrace.mark("add: start")
    var tally = Tally()
    // A book's chapters, text and JSON are tens of large buffers: kept in the heap rather
    // than mapped and faulted in one by one (about 15% fewer page faults adding a book).
    HeapTuning.keepLargeBuffersInHeap()
    HeapTuning.preferHugePagesInBothHeaps()
    try reportingErrors {
      let options = options
      let opening = OpeningLibrary { try options.open() }
      let (inputs, errors) = InputFiles.expand(paths)
      // A library that cannot be opened is the one error, before any other.
      if !errors.isEmpty { _ = try opening.library() }
      for error in errors {
        Console.error(error)
        tally.failed += 1
      }
      let fetcher = PageFetcher(timeout: timeout)
      let pictures = noImages ? nil : ImageCollector(timeout: timeout)
      var bar = ProgressBar(total: inputs.count)
      for input in inputs {
        // The first input is read while the library opens.
        let read = Result { try readArticles(input, fetcher: fetcher, pictures: pictures) }
        PhaseTrace.mark("add: read")
        let library = try opening.library()
        PhaseTrace.mark("add: library open")
        do {
          let (articles, prepared) = try read.get()
          for warning in articles.first?.warnings ?? [] {
            bar.error(CLIError.invalid(CLIError.naming(input, "warning: " + warning)))
          }
          for article in articles {
            let outcome = try library.add(
              article, tags: tag, prepared: articles.count == 1 ? prepared : nil)
            tally.count(outcome)
            PhaseTrace.mark("add: stored")
            bar.print("\(outcome.verb) \(outcome.id)  \(article.metadata.title.terminalSafe())")
          }
        } catch {
          tally.failed += 1
          bar.error(CLIError.about(input, error))
        }
        bar.advance()
        // A book is hundreds of thousands of values to free: that is done on another
        // thread, while the next input is read or the process ends.
        let finished = consume read
        DispatchQueue.global(qos: .utility).async { withExtendedLifetime(finished) {} }
      }
      if inputs.isEmpty { _ = try opening.library() }
      bar.clear()
      Console.out(tally.description)
      PhaseTrace.mark("add: done")
    }
    if tally.failed > 0 { throw ExitCode.failure }
  }

  /// The articles of one input, with their pictures unless `--no-images`; a long one
  /// (a book) has its digest begun while its pictures are kept.
  private func readArticles(
    _ input: InputFiles.Input, fetcher: PageFetcher, pictures: ImageCollector?
  ) throws -> (articles: [ImportedArticle], prepared: PreparedDocument?) {
    // A book's pictures are read by the importer from the archive it has open, after its
    // text: its digest is begun in between, to run beside them.
    let isBook =
      input.webURL == nil && input.absolutePath?.lowercased().hasSuffix(".epub") == true
    let early = EarlyDigest()
    var articles = try InputFiles.importArticles(
      input, fetcher: fetcher, as: form, bookPictures: isBook && !noImages ? ImageLimits() : nil,
      textRead: { articles in
        if articles.count == 1 { early.prepared = PreparedDocument.begin(articles[0].document) }
      })
    let prepared =
      articles.count == 1
      ? early.prepared ?? PreparedDocument.begin(articles[0].document) : nil
    if input.webURL != nil, let pictures {
      for index in articles.indices { pictures.collect(into: &articles[index]) }
    }
    return (articles, prepared)
  }
}

/// A book's digest begun as soon as its text is read (`ImportOptions.epubTextRead`).
/// Unchecked: written by the importing thread during the import, read after it returns.
private final class EarlyDigest: @unchecked Sendable {
  var prepared: PreparedDocument?
}

/// The counts of `leggio add`'s summary line.
struct Tally: CustomStringConvertible {
  var added = 0
  var updated = 0
  var unchanged = 0
  var failed = 0

  mutating func count(_ outcome: AddOutcome) {
    switch outcome {
    case .added: added += 1
    case .updated: updated += 1
    case .unchanged: unchanged += 1
    }
  }

  var description: String {
    "\(added) added, \(updated) updated, \(unchanged) unchanged, \(failed) failed"
  }
}

extension Character {
  fileprivate var isASCIIControl: Bool { asciiValue.map { $0 < 0x20 || $0 == 0x7F } ?? false }
}

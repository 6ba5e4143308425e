import ArgumentParser
import Foundation
import LeggioIntake
import LeggioModel
import LeggioStore

// The annotation commands of issue 5: `annotate`, `bookmark`, `annotations`, `export`,
// `import-annotations`, registered as subcommands of `Leggio`.

enum AnnotationCommands {
  static let all: [any ParsableCommand.Type] = [
    AnnotateCommand.self, BookmarkCommand.self, AnnotationsCommand.self, ExportCommand.self,
    ImportAnnotationsCommand.self,
  ]
}

/// What the annotation commands need from the library.
struct AnnotationContext {
  var store: AnnotationStore
  var articles: any AnnotationArticleSource
  /// The UUID of the article a person named: its short number or its UUID.
  var articleUUID: (String) throws -> String
  /// Finds an imported annotation's article here (see `Library.locateArticle`).
  var locate: @Sendable (ArticleClue) -> String?

  /// The article a person named, with its current text.
  func article(_ reference: String) throws -> AnnotationArticle {
    let uuid = try articleUUID(reference)
    guard let article = try articles.annotationArticle(uuid: uuid) else {
      throw CLIError.invalid("no article \(reference) in the library; `leggio list` shows them")
    }
    return article
  }
}

extension AnnotationContext {
  /// Opens the library at `libraryPath` (nil: `LEGGIO_LIBRARY` or the default place).
  static func open(libraryPath: String?) throws -> AnnotationContext {
    let library = try Library(path: libraryPath ?? Library.defaultPath())
    return AnnotationContext(
      store: library.annotations, articles: library,
      articleUUID: { reference in
        guard let uuid = try library.articleUUID(reference: reference) else {
          throw CLIError.invalid("no article \(reference) in the library; `leggio list` shows them")
        }
        return uuid
      }, locate: { library.locateArticle($0) })
  }
}

/// `--library PATH`, shared by the annotation commands.
struct AnnotationLibraryOption: ParsableArguments {
  @Option(
    name: .customLong("library"),
    help: ArgumentHelp(
      "The library database (default: $LEGGIO_LIBRARY, else the XDG data directory).",
      valueName: "path"))
  var path: String?

  func open() throws -> AnnotationContext { try AnnotationContext.open(libraryPath: path) }
}

/// `leggio annotate ID --quote TEXT [--occurrence N] [--note TEXT] [--color 1-5]`
struct AnnotateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "annotate", abstract: "Highlight a passage of an article, with an optional note.")

  @OptionGroup var library: AnnotationLibraryOption
  @Argument(help: "The article's number or UUID.") var id: String
  @Option(help: "The passage, exactly as the article writes it.") var quote: String
  @Option(help: "Which occurrence of the passage, from 1.") var occurrence = 1
  @Option(help: "A note on the passage.") var note = ""
  @Option(help: "The highlight colour, 1 to 5.") var color = 1
  @Flag(help: "Print the annotation as JSON.") var json = false

  func validate() throws {
    guard occurrence >= 1 else {
      throw ValidationError(
        "--occurrence \(occurrence) is not an occurrence; 1 is the passage's first appearance")
    }
    guard AnnotationColor(rawValue: color) != nil else {
      throw ValidationError("--color \(color) is not a highlight colour; use 1 to 5")
    }
  }

  func run() throws {
    try reportingErrors {
      let context = try library.open()
      let annotation = try context.store.annotate(
        try context.article(id), quote: quote, occurrence: occurrence, note: note,
        color: AnnotationColor(rawValue: color) ?? .first)
      try printAnnotations([annotation], json: json)
    }
  }
}

/// `leggio bookmark ID --offset N [--name TEXT]`
struct BookmarkCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "bookmark", abstract: "Bookmark a place in an article.")

  @OptionGroup var library: AnnotationLibraryOption
  @Argument(help: "The article's number or UUID.") var id: String
  @Option(help: "Where, as a character offset into the article's text.") var offset: Int
  @Option(help: "A name for the bookmark.") var name: String?
  @Flag(help: "Print the bookmark as JSON.") var json = false

  func run() throws {
    try reportingErrors {
      let context = try library.open()
      let bookmark = try context.store.bookmark(
        try context.article(id), offset: offset, name: name)
      try printAnnotations([bookmark], json: json)
    }
  }
}

/// `leggio annotations [ID] [--json] [--search TEXT] [--color N] [--tag TAG] [--orphaned]`
struct AnnotationsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "annotations",
    abstract: "List bookmarks, highlights and notes, newest first.")

  @OptionGroup var library: AnnotationLibraryOption
  @Argument(help: "Only this article's (number or UUID).") var id: String?
  @Option(help: "Only those whose quote, note, name or tags contain these words.") var search:
    String?
  @Option(help: "Only this colour, 1 to 5.") var color: Int?
  @Option(help: "Only those with this tag.") var tag: String?
  @Flag(help: "Only those no longer found in their article's text.") var orphaned = false
  @Flag(help: "Print JSON objects for scripts.") var json = false

  func validate() throws {
    if let color, AnnotationColor(rawValue: color) == nil {
      throw ValidationError("--color \(color) is not a highlight colour; use 1 to 5")
    }
  }

  func run() throws {
    try reportingErrors {
      let context = try library.open()
      var filter = AnnotationFilter(search: search, tag: tag, orphanedOnly: orphaned)
      if let color {
        filter.colors = [try AnnotationColor.checked(color)]
      }
      if let id { filter.articleUUID = try context.articleUUID(id) }
      try printAnnotations(try context.store.annotations(filter), json: json)
    }
  }
}

/// `leggio export [ID...] --format markdown|json|w3c|netscape|csv [--output FILE]`
struct ExportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract: "Export annotations for notes apps, or the library for other services.",
    discussion: """
      markdown, json and w3c export annotations. netscape writes the library as a
      bookmark file (tags kept) that browsers and read-it-later services import; csv
      writes Pocket's columns (title,url,time_added,tags,status) plus starred.
      """)

  @OptionGroup var library: AnnotationLibraryOption
  @Argument(help: "Only these articles (numbers or UUIDs); all when none.") var ids: [String] = []
  @Option(
    help: "markdown, json (Leggio's own), w3c (Web Annotation JSON-LD), netscape or csv.")
  var format: String = "markdown"
  @Option(name: .shortAndLong, help: "Write to this file instead of the standard output.")
  var output: String?

  func run() throws {
    try reportingErrors { try export() }
  }

  private func export() throws {
    let data: Data
    if let listFormat = ListExporter.Format(rawValue: format.lowercased()) {
      // Streamed as it is read: a bookmark file of 100,000 articles in little memory.
      return try exportList(listFormat)
    } else {
      guard let format = AnnotationExportFormat(rawValue: format.lowercased()) else {
        throw CLIError.invalid(
          "--format \(format) is unknown; use markdown, json, w3c, netscape or csv")
      }
      let context = try library.open()
      let wanted = Set(try ids.map(context.articleUUID))
      let articles = try context.store.annotatedArticles(from: context.articles)
        .filter { wanted.isEmpty || wanted.contains($0.uuid) }
      let exported = try AnnotationExporter().export(articles, as: format)
      // The text of notes and quotes is the user's; JSON keeps it whole but escaped.
      data =
        format == .markdown
        ? exported
        : Data(
          TerminalSafety.escapingUnsafe(inJSON: String(decoding: exported, as: UTF8.self)).utf8)
    }
    if let output {
      do {
        try data.write(to: URL(fileURLWithPath: output), options: .atomic)
      } catch {
        throw CLIError.invalid("cannot write \(output): \(error.localizedDescription)")
      }
    } else {
      FileHandle.standardOutput.write(data)
      if data.last != UInt8(ascii: "\n") { print() }
    }
  }
}

extension ExportCommand {
  /// Writes the library's articles as a bookmark file or CSV as they are read, to the
  /// standard output or (whole or not at all) to `--output`; those without a web address
  /// are counted on stderr.
  func exportList(_ format: ListExporter.Format) throws {
    let store = try Library(path: library.path ?? Library.defaultPath())
    let ids = try ids.map { reference -> Int64 in
      guard let uuid = try store.articleUUID(reference: reference),
        let id = try store.articleID(uuid: uuid)
      else {
        throw CLIError.invalid("no article \(reference) in the library; `leggio list` shows them")
      }
      return id
    }
    var writer = ListExporter.Writer(format)
    if let output {
      // Written beside the file, then moved over it: an interrupted export leaves the
      // file as it was.
      let url = URL(fileURLWithPath: output)
      let partial = url.deletingLastPathComponent().appendingPathComponent(
        ".\(url.lastPathComponent).\(getpid()).partial")
      guard FileManager.default.createFile(atPath: partial.path, contents: nil),
        let handle = try? FileHandle(forWritingTo: partial)
      else { throw CLIError.invalid("cannot write \(output): the folder cannot be written") }
      do {
        var buffer = ""
        func flush(_ force: Bool) throws {
          guard force || buffer.utf8.count >= 1 << 16 else { return }
          try handle.write(contentsOf: Data(buffer.utf8))
          buffer = ""
        }
        buffer += writer.header
        try store.forEachListedArticle(ids: ids) {
          buffer += writer.line($0)
          try flush(false)
        }
        buffer += writer.footer
        try flush(true)
        try handle.close()
        guard rename(partial.path, url.path) == 0 else {
          throw CLIError.invalid("cannot write \(output): \(String(cString: strerror(errno)))")
        }
      } catch {
        try? handle.close()
        try? FileManager.default.removeItem(at: partial)
        if error is LibraryError || error is CLIError { throw error }
        throw CLIError.invalid("cannot write \(output): \(error.localizedDescription)")
      }
    } else {
      let stream = StreamedOutput()
      stream.write(writer.header)
      try store.forEachListedArticle(ids: ids) { stream.write(writer.line($0)) }
      stream.write(writer.footer)
      stream.flush()
    }
    let skipped = writer.skipped
    if skipped > 0 {
      Console.error("\(skipped) article\(skipped == 1 ? "" : "s") without a web address left out")
    }
  }
}

/// `leggio import-annotations FILE`
struct ImportAnnotationsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import-annotations",
    abstract: "Import annotations from Leggio JSON or W3C Web Annotation JSON-LD.")

  @OptionGroup var library: AnnotationLibraryOption
  @Argument(help: "The file to import.") var file: String

  func run() throws {
    try reportingErrors { try importAnnotations() }
  }

  private func importAnnotations() throws {
    let context = try library.open()
    let articles = context.articles
    let importer = AnnotationImporter(locate: context.locate)
    let read = try importer.read(contentsOf: URL(fileURLWithPath: file))
    let report = try context.store.merge(read.annotations)
    // The file's offsets may refer to another version of the text: place them on ours.
    var orphaned = 0
    for uuid in report.articleUUIDs {
      guard let article = try articles.annotationArticle(uuid: uuid) else { continue }
      orphaned += try context.store.reanchorAll(
        articleUUID: uuid, newText: article.text, newHash: article.textHash
      ).orphaned
    }
    for reason in read.skipped + report.skipped {
      FileHandle.standardError.write(Data("leggio: \(reason)\n".utf8))
    }
    print(
      "\(read.format.rawValue): \(report.inserted) added, \(report.updated) updated, "
        + "\(report.unchanged) already here, \(read.skipped.count + report.skipped.count) skipped"
        + (orphaned > 0 ? ", \(orphaned) not found in their article's text" : ""))
  }
}

/// Prints annotations as JSON objects, or one line each for people.
private func printAnnotations(_ annotations: [Annotation], json: Bool) throws {
  if json {
    let json = String(decoding: try AnnotationJSON.encode(annotations), as: UTF8.self)
    print(TerminalSafety.escapingUnsafe(inJSON: json))
    return
  }
  for annotation in annotations {
    var line = "\(annotation.id.map(String.init) ?? "-")\t\(annotation.kind.rawValue)"
    if let color = annotation.color { line += " \(color.rawValue)" }
    line += "\t\(annotation.anchor.start)–\(annotation.anchor.end)"
    line += "\t«\(oneLine(annotation.anchor.quote, limit: 60))»"
    if let name = annotation.name { line += " [\(oneLine(name, limit: 40))]" }
    if annotation.hasNote { line += " — \(oneLine(annotation.note, limit: 80))" }
    if annotation.isOrphaned { line += " (orphaned)" }
    print(line)
  }
}

private func oneLine(_ text: String, limit: Int) -> String {
  let flat = text.terminalSafe(keepingNewlines: true).split(whereSeparator: \.isNewline)
    .joined(separator: " ")
  return flat.count > limit ? flat.prefix(limit - 1) + "…" : flat
}

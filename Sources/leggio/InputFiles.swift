import Foundation
import LeggioModel
import LeggioImport

/// What `leggio add` and `leggio show` read: files, the importable files inside
/// directories, web pages (http and https URLs), or standard input ("-"). The checks and
/// the reading itself are the importers' (`ArticleImporter`, `WebPageImporter`), so the
/// command line and the reader refuse the same inputs with the same words.
enum InputFiles {
  /// One thing to import: a file, a web page, or standard input (`path` "-").
  struct Input {
    var path: String
    var isStandardInput: Bool { path == "-" }
    /// The page's URL when the argument is an http or https URL.
    var webURL: URL? {
      guard case .url(let url) = WebPageSource(argument: path) else { return nil }
      return url
    }
    /// How messages name the input.
    var displayName: String { isStandardInput ? "standard input" : path }
    /// The absolute path, the source of an article read from a file.
    var absolutePath: String? {
      isStandardInput || webURL != nil
        ? nil : URL(fileURLWithPath: path).standardizedFileURL.path
    }
  }

  /// Expands `arguments` into things to import. A directory with nothing importable is
  /// returned as an error beside the inputs that are fine; a missing file is left for
  /// the importer to name.
  static func expand(_ arguments: [String]) -> (inputs: [Input], errors: [CLIError]) {
    var inputs: [Input] = []
    var errors: [CLIError] = []
    for argument in arguments {
      let input = Input(path: argument)
      var isDirectory: ObjCBool = false
      guard !input.isStandardInput, input.webURL == nil,
        FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory),
        isDirectory.boolValue
      else {
        inputs.append(input)
        continue
      }
      let found = importableFiles(in: argument)
      if found.isEmpty { errors.append(.nothingImportable(directory: argument)) }
      inputs += found.map { Input(path: $0) }
    }
    return (inputs, errors)
  }

  /// The importable files under `directory`, recursively, hidden ones skipped, sorted.
  static func importableFiles(in directory: String) -> [String] {
    let base = URL(fileURLWithPath: directory)
    guard
      let enumerator = FileManager.default.enumerator(
        at: base, includingPropertiesForKeys: [.isRegularFileKey],
        options: [.skipsHiddenFiles])
    else { return [] }
    var files: [String] = []
    for case let url as URL in enumerator where ArticleImporter.isImportable(url) {
      if (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true {
        files.append(url.path)
      }
    }
    return files.sorted { $0.localizedStandardCompare($1) == .orderedAscending }
  }

  /// The extensions a directory walk picks up, for messages: ".txt .md ...".
  static var extensionList: String {
    (ImportFormat.extensions.keys + ["epub"]).sorted().map { "." + $0 }.joined(separator: " ")
  }

  /// Imports one input without storing it. A file's source is its absolute path, a web
  /// page's the URL it ended at after redirects; standard input has none. With
  /// `endsWithProcess`, the caller exits once it has used the article (`leggio show`):
  /// see `ImportOptions.endsWithProcess`.
  static func importArticle(
    _ input: Input, fetcher: PageFetcher = PageFetcher(), endsWithProcess: Bool = false
  ) throws -> ImportedArticle {
    if let url = input.webURL {
      let page = try fetcher.fetchBlocking(url)
      return try WebPageImporter.importHTML(
        data: page.data, url: page.finalURL, contentType: page.contentType)
    }
    if input.isStandardInput {
      return try ArticleImporter.importData(try standardInput(), name: "-")
    }
    var options = ImportOptions()
    options.endsWithProcess = endsWithProcess
    var article = try ArticleImporter.importFile(
      at: URL(fileURLWithPath: input.path), options: options)
    if article.metadata.source == nil { article.metadata.source = input.absolutePath }
    return article
  }

  /// Imports one input as `importArticle` does, but a periodical's EPUB as one article
  /// per piece (`form` forces book or articles). A piece without a web address of its
  /// own gets the file's path with its number (`/path/issue.epub#3`) as its source, so
  /// adding the file again finds the same articles.
  /// With `bookPictures`, an EPUB's pictures are kept too, read from the open archive;
  /// `textRead` is given an EPUB's articles before that (see `ImportOptions`).
  static func importArticles(
    _ input: Input, fetcher: PageFetcher = PageFetcher(), as form: EPUBForm? = nil,
    bookPictures: ImageLimits? = nil,
    textRead: (@Sendable ([ImportedArticle]) -> Void)? = nil
  ) throws -> [ImportedArticle] {
    if input.webURL != nil { return [try importArticle(input, fetcher: fetcher)] }
    var options = ImportOptions()
    options.epubForm = form
    options.epubPictures = bookPictures
    options.epubTextRead = textRead
    if input.isStandardInput {
      return try ArticleImporter.importArticles(try standardInput(), name: "-", options: options)
    }
    var articles = try ArticleImporter.importArticles(
      fromFile: URL(fileURLWithPath: input.path), options: options)
    for index in articles.indices where articles[index].metadata.source == nil {
      articles[index].metadata.source = input.absolutePath.map {
        articles.count == 1 ? $0 : "\($0)#\(index + 1)"
      }
    }
    return articles
  }

  private static func standardInput() throws -> Data {
    let limit = ImportOptions.defaultMaximumSize
    let data = try FileHandle.standardInput.read(upToCount: limit + 1) ?? Data()
    guard data.count <= limit else {
      throw ImportError.tooLarge(name: "-", size: data.count, limit: limit)
    }
    return data
  }
}

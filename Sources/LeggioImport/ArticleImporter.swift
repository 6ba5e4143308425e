import Foundation
import LeggioModel

/// The one entry point for turning bytes into an article: size and binary checks,
/// charset detection (`TextDecoder`), format detection (`ImportFormat`), then the
/// importer of that format; HTML goes through the readability extractor
/// (`WebPageImporter`). `metadata.source` is left for the caller to set.
public enum ArticleImporter {
  /// Whether a directory walk should pick up this file, judged by its extension
  /// (txt text md markdown mdown mkd html htm xhtml epub).
  public static func isImportable(_ url: URL) -> Bool {
    let ext = url.pathExtension.lowercased()
    return ImportFormat.extensions[ext] != nil || ext == "epub"
  }

  /// Imports an article from bytes. `name` is how errors and, failing anything better,
  /// the title refer to the data (a file name, "-" for stdin); `mimeType` helps when
  /// the name has no telling extension; relative links in HTML and Markdown are
  /// resolved against `baseURL`.
  public static func importData(
    _ data: Data, name: String, mimeType: String? = nil, baseURL: URL? = nil,
    options: ImportOptions = ImportOptions()
  ) throws -> ImportedArticle {
    guard data.count <= options.maximumSize else {
      throw ImportError.tooLarge(name: name, size: data.count, limit: options.maximumSize)
    }
    guard !data.isEmpty else { throw ImportError.empty(name: name) }
    if EPUBImporter.isEPUB(data, name: name, mimeType: mimeType) {
      return try EPUBImporter.importBook(data, name: name)
    }
    if isHTML(data, name: name, mimeType: mimeType) {
      return try importPage(data, name: name, mimeType: mimeType, baseURL: baseURL)
    }
    if let article = try importLongPlainText(data, name: name, mimeType: mimeType, options: options)
    {
      return article
    }
    let decoded = try TextDecoder.decode(data, name: name)
    guard decoded.text.contains(where: { !$0.isWhitespace }) else {
      throw ImportError.empty(name: name)
    }
    let format = ImportFormat.detect(name: name, mimeType: mimeType, text: decoded.text)
    let fallbackTitle = title(fromName: name)
    var article: ImportedArticle
    switch format {
    case .plainText:
      article = PlainTextImporter.importText(
        decoded.text, fallbackTitle: fallbackTitle, timeZone: options.timeZone)
    case .markdown:
      article = MarkdownImporter.importText(
        decoded.text, fallbackTitle: fallbackTitle, baseURL: baseURL, timeZone: options.timeZone)
    case .html:  // sniffing the decoded text found markup the byte sniffer missed
      article = HTMLImporter.importText(
        decoded.text, fallbackTitle: fallbackTitle, baseURL: baseURL)
    }
    if decoded.encoding == .windows1252 {
      article.warnings.append("\(name) is not valid UTF-8; it was read as Windows-1252 (Latin-1)")
    }
    // A page of scripts and markup alone: no body and no title of its own.
    guard !article.document.isEmpty || article.metadata.title != fallbackTitle else {
      throw ImportError.noReadableText(name: name)
    }
    return article
  }

  /// A long plain text (a book) decoded and split into lines in pieces on every core
  /// (`TextPieces`), the same article as decoding it whole gives; nil for anything else
  /// (short, not UTF-8, not plain text), which takes the whole-text way.
  static func importLongPlainText(
    _ data: Data, name: String, mimeType: String?, options: ImportOptions
  ) throws -> ImportedArticle? {
    guard data.count >= TextPieces.minimumLength, !data.starts(with: [0xFF, 0xFE]),
      !data.starts(with: [0xFE, 0xFF])
    else { return nil }
    let declared =
      ImportFormat.fromExtension(of: name) ?? mimeType.flatMap(ImportFormat.fromMIMEType)
    guard declared == nil || declared == .plainText else { return nil }
    if let evidence = BinarySniffer.evidenceOfBinary(data) {
      throw ImportError.notText(name: name, evidence: evidence)
    }
    PhaseTrace.mark("text: sniffed")
    guard let pieces = TextPieces.decode(data), let first = pieces.first else { return nil }
    PhaseTrace.mark("text: decoded")
    guard pieces.contains(where: { $0.contains(where: { !$0.isWhitespace }) }) else {
      throw ImportError.empty(name: name)
    }
    // Sniffing reads the first 4,096 characters: the first piece must hold them.
    guard
      declared != nil
        || (first.prefix(4097).count == 4097 && ImportFormat.sniff(first) == .plainText)
    else { return nil }
    let fallbackTitle = title(fromName: name)
    let article = PlainTextImporter.importText(
      pieces: pieces, fallbackTitle: fallbackTitle, timeZone: options.timeZone,
      memory: WorkingMemory(endsWithProcess: options.endsWithProcess))
    guard !article.document.isEmpty || article.metadata.title != fallbackTitle else {
      throw ImportError.noReadableText(name: name)
    }
    return article
  }

  /// Imports the file at `url`, refusing with an `ImportError` that names the file
  /// when it is missing, a directory, too large, unreadable, empty or binary.
  public static func importFile(at url: URL, options: ImportOptions = ImportOptions()) throws
    -> ImportedArticle
  {
    let (data, name) = try readFile(at: url, options: options)
    return try importData(data, name: name, mimeType: nil, baseURL: url, options: options)
  }

  /// Imports the file at `url` as `importFile` does, but a periodical's EPUB as its
  /// articles (`options.epubForm` forces book or articles).
  public static func importArticles(fromFile url: URL, options: ImportOptions = ImportOptions())
    throws -> [ImportedArticle]
  {
    let (data, name) = try readFile(at: url, options: options)
    return try importArticles(data, name: name, baseURL: url, options: options)
  }

  /// `importData`, with a periodical's EPUB read as its articles.
  public static func importArticles(
    _ data: Data, name: String, mimeType: String? = nil, baseURL: URL? = nil,
    options: ImportOptions = ImportOptions()
  ) throws -> [ImportedArticle] {
    guard data.count <= options.maximumSize, !data.isEmpty,
      EPUBImporter.isEPUB(data, name: name, mimeType: mimeType)
    else {
      return [
        try importData(data, name: name, mimeType: mimeType, baseURL: baseURL, options: options)
      ]
    }
    return try EPUBImporter.importArticles(
      data, name: name, as: options.epubForm, pictures: options.epubPictures,
      textRead: options.epubTextRead)
  }

  /// The bytes of the file at `url` and how messages name it, after the checks.
  static func readFile(at url: URL, options: ImportOptions) throws -> (Data, String) {
    let name = url.isFileURL ? url.relativePath : url.absoluteString
    let path = url.path
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw ImportError.missing(name: name)
    }
    if isDirectory.boolValue { throw ImportError.isDirectory(name: name) }
    let size = fileSize(atPath: path)
    if let size, size > options.maximumSize {
      throw ImportError.tooLarge(name: name, size: size, limit: options.maximumSize)
    }
    guard options.isReadable(path) else {
      throw ImportError.unreadable(name: name, reason: "permission denied")
    }
    if options.endsWithProcess, let size, size >= TextPieces.minimumLength,
      let mapped = MappedFile.data(atPath: path, size: size)
    {
      return (mapped, name)
    }
    do {
      return (try Data(contentsOf: url), name)
    } catch {
      throw ImportError.unreadable(name: name, reason: readFailureReason(error))
    }
  }

  /// The size of the file at `path` from `stat(2)`, or nil if it cannot be read.
  /// (`FileManager.attributesOfItem` also looks up the owner's user and group names, a
  /// trip through /etc/passwd and /etc/group that costs more than this import needs.)
  static func fileSize(atPath path: String) -> Int? {
    var status = stat()
    guard stat(path, &status) == 0 else { return nil }
    return Int(status.st_size)
  }

  /// Whether the bytes are a web page: an HTML extension or MIME type, else markup
  /// sniffed from the start of the (possibly Latin-1) text.
  static func isHTML(_ data: Data, name: String, mimeType: String?) -> Bool {
    if let format = ImportFormat.fromExtension(of: name) { return format == .html }
    if let mimeType, let format = ImportFormat.fromMIMEType(mimeType) { return format == .html }
    let head = String(decoding: data.prefix(4096), as: UTF8.self)
    return ImportFormat.sniff(head) == .html
  }

  /// A web page saved as a file or piped in: the readability extractor keeps the article
  /// and drops the menus, as for pages fetched from the web. The page's own charset
  /// declaration is honoured, and its bytes are kept as `originalHTML`.
  static func importPage(_ data: Data, name: String, mimeType: String?, baseURL: URL?) throws
    -> ImportedArticle
  {
    if let evidence = BinarySniffer.evidenceOfBinary(data) {
      throw ImportError.notText(name: name, evidence: evidence)
    }
    var article: ImportedArticle
    do {
      article = try WebPageImporter.importHTML(data: data, url: baseURL, contentType: mimeType)
    } catch WebImportError.notHTML(_, let kind) {
      throw ImportError.notText(name: name, evidence: "it is \(kind)")
    } catch {
      throw ImportError.noReadableText(name: name)
    }
    // Like every importer here, leave the source to the caller (a path, not file://).
    article.metadata.source = nil
    if article.metadata.title == "Untitled page" {
      article.metadata.title = title(fromName: name)
    }
    return article
  }

  /// A file name without its directory and extension, as a last-resort title.
  static func title(fromName name: String) -> String {
    if name == "-" || name.isEmpty { return "Untitled" }
    let base = ((name as NSString).lastPathComponent as NSString).deletingPathExtension
    // Scalar by scalar: Foundation's replacingOccurrences copies through an NSString.
    let cleaned = String(
      String.UnicodeScalarView(base.unicodeScalars.map { $0 == "_" ? " " : $0 }))
    return cleaned.isEmpty ? name : cleaned
  }

  private static func readFailureReason(_ error: any Error) -> String {
    let nsError = error as NSError
    if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError,
      underlying.domain == NSPOSIXErrorDomain,
      let code = POSIXErrorCode(rawValue: Int32(underlying.code))
    {
      return String(cString: strerror(code.rawValue)).lowercased()
    }
    if nsError.domain == NSCocoaErrorDomain && nsError.code == NSFileReadNoPermissionError {
      return "permission denied"
    }
    return nsError.localizedDescription
  }
}

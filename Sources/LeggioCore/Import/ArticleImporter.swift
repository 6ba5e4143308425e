import Foundation

/// The one entry point for turning bytes into an article: size and binary checks,
/// charset detection (`TextDecoder`), format detection (`ImportFormat`), then the
/// importer of that format. `metadata.source` is left for the caller to set.
public enum ArticleImporter {
  /// Whether a directory walk should pick up this file, judged by its extension
  /// (txt text md markdown mdown mkd html htm xhtml).
  public static func isImportable(_ url: URL) -> Bool {
    ImportFormat.extensions[url.pathExtension.lowercased()] != nil
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
    case .html:
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

  /// Imports the file at `url`, refusing with an `ImportError` that names the file
  /// when it is missing, a directory, too large, unreadable, empty or binary.
  public static func importFile(at url: URL, options: ImportOptions = ImportOptions()) throws
    -> ImportedArticle
  {
    let name = url.isFileURL ? url.relativePath : url.absoluteString
    let path = url.path
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw ImportError.missing(name: name)
    }
    if isDirectory.boolValue { throw ImportError.isDirectory(name: name) }
    let attributes = try? FileManager.default.attributesOfItem(atPath: path)
    if let size = (attributes?[.size] as? NSNumber)?.intValue, size > options.maximumSize {
      throw ImportError.tooLarge(name: name, size: size, limit: options.maximumSize)
    }
    guard options.isReadable(path) else {
      throw ImportError.unreadable(name: name, reason: "permission denied")
    }
    let data: Data
    do {
      data = try Data(contentsOf: url)
    } catch {
      throw ImportError.unreadable(name: name, reason: readFailureReason(error))
    }
    return try importData(data, name: name, mimeType: nil, baseURL: url, options: options)
  }

  /// A file name without its directory and extension, as a last-resort title.
  static func title(fromName name: String) -> String {
    if name == "-" || name.isEmpty { return "Untitled" }
    let base = ((name as NSString).lastPathComponent as NSString).deletingPathExtension
    let cleaned = base.replacingOccurrences(of: "_", with: " ")
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

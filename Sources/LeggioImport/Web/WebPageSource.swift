import Foundation
import LeggioModel

/// Where `leggio extract` and `leggio add` take a page from: a URL, a file, or stdin ("-").
public enum WebPageSource: Equatable, Sendable {
  case url(URL)
  case file(URL)
  case standardInput

  /// Reads a command-line argument: `-`, an http(s) URL, or a path.
  public init(argument: String) {
    if argument == "-" {
      self = .standardInput
    } else if let url = URL(string: argument), let scheme = url.scheme?.lowercased(),
      ["http", "https"].contains(scheme)
    {
      self = .url(url)
    } else if argument.lowercased().hasPrefix("file://"), let url = URL(string: argument) {
      self = .file(url)
    } else {
      self = .file(URL(fileURLWithPath: argument))
    }
  }

  /// Fetches or reads the page and extracts its article. Blocks while fetching.
  public func importArticle(fetcher: PageFetcher = PageFetcher()) throws -> ImportedArticle {
    switch self {
    case .url(let url):
      let page = try fetcher.fetchBlocking(url)
      return try WebPageImporter.importHTML(
        data: page.data, url: page.finalURL, contentType: page.contentType)
    case .file(let url):
      let data: Data
      do {
        data = try Data(contentsOf: url)
      } catch {
        throw WebImportError.unreadableFile(path: url.path, reason: Self.reason(error))
      }
      var article = try WebPageImporter.importHTML(data: data, url: url, contentType: nil)
      article.metadata.source = url.path
      return article
    case .standardInput:
      let data = FileHandle.standardInput.readDataToEndOfFile()
      return try WebPageImporter.importHTML(data: data, url: nil, contentType: nil)
    }
  }

  private static func reason(_ error: Error) -> String {
    let nsError = error as NSError
    if nsError.domain == NSCocoaErrorDomain {
      switch nsError.code {
      case NSFileReadNoSuchFileError: return "no such file"
      case NSFileReadNoPermissionError: return "permission denied"
      default: break
      }
    }
    return nsError.localizedDescription
  }
}

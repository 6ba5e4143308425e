import ArgumentParser
import Foundation
import LeggioModel
import LeggioImport

/// `leggio extract PATH|URL|- [--format text|markdown|json]`: prints the article a page
/// holds without storing it, for scripts and for comparing extractors.
struct ExtractCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "extract",
    abstract: "Print the article extracted from a web page, without saving it.",
    discussion: """
      SOURCE is an http(s) URL, a path to an .html or .epub file, or - for standard
      input. Warnings (little text found, an undecodable charset) go to standard error.
      A book's JSON holds its metadata, table of contents and chapters.
      """)

  @Argument(help: "An http(s) URL, an HTML file, or - for standard input.")
  var source: String

  @Option(name: .shortAndLong, help: "Output format: text, markdown or json.")
  var format: ExtractedArticleFormatter.Format = .text

  @Option(help: "Seconds to wait for a page before giving up.")
  var timeout: Double = 20

  func run() throws {
    try reportingErrors {
      let input = InputFiles.Input(path: source)
      let article: ImportedArticle
      do {
        if (source as NSString).pathExtension.lowercased() == "epub" {
          article = try InputFiles.importArticle(input)
        } else {
          article = try WebPageSource(argument: source).importArticle(
            fetcher: PageFetcher(timeout: timeout))
        }
      } catch {
        throw CLIError.about(input, error)
      }
      for warning in article.warnings {
        Console.error(CLIError.naming(input, "warning: " + warning))
      }
      if format == .json, let contents = article.contents {
        Console.out(Self.bookJSON(article, contents).text)
        return
      }
      print(ExtractedArticleFormatter.format(article, as: format), terminator: "")
    }
  }
}

extension ExtractCommand {
  /// A book's metadata, facts, table of contents and chapters, without its blocks.
  static func bookJSON(_ article: ImportedArticle, _ contents: BookContents) -> JSONValue {
    let canonical = CanonicalText(article.document)
    guard
      case .object(var members) = ArticleJSON.value(
        summary: nil, metadata: article.metadata, document: article.document, contents: contents)
    else { return .null }
    members["blocks"] = nil
    members["text"] = nil
    members["id"] = nil
    members["uuid"] = nil
    members["progress"] = nil
    members["addedAt"] = nil
    members["chapters"] = BookJSON.chapters(
      contents, document: article.document, canonical: canonical)
    return .object(members)
  }
}

extension ExtractedArticleFormatter.Format: ExpressibleByArgument {}

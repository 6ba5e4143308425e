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
      SOURCE is an http(s) URL, a path to an .html file, or - for standard input.
      Warnings (little text found, an undecodable charset) go to standard error.
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
        article = try WebPageSource(argument: source).importArticle(
          fetcher: PageFetcher(timeout: timeout))
      } catch {
        throw CLIError.about(input, error)
      }
      for warning in article.warnings {
        Console.error(CLIError.naming(input, "warning: " + warning))
      }
      print(ExtractedArticleFormatter.format(article, as: format), terminator: "")
    }
  }
}

extension ExtractedArticleFormatter.Format: ExpressibleByArgument {}

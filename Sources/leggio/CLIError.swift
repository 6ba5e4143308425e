import Foundation
import LeggioImport
import LeggioStore

/// Errors of the command line itself (what an input is, the importers say), each naming
/// what it is about.
enum CLIError: LocalizedError {
  case nothingImportable(directory: String)
  case pageOutOfRange(requested: Int, pages: Int)
  case invalid(String)

  var errorDescription: String? {
    switch self {
    case .nothingImportable(let directory):
      "\(directory): there is no file Leggio can import in this directory (it looks for "
        + InputFiles.extensionList + ")"
    case .pageOutOfRange(let requested, let pages):
      "there is no page \(requested): the article has \(pages) page\(pages == 1 ? "" : "s") at this size"
    case .invalid(let message): message
    }
  }

  /// `error` as one line that names `input` once: "NAME: what is wrong".
  static func about(_ input: InputFiles.Input, _ error: any Error) -> CLIError {
    if let error = error as? CLIError { return error }
    if let error = error as? ImportError {
      return .invalid((error.name == "-" ? "standard input" : error.name) + ": " + error.problem)
    }
    let words =
      Library.describe(error) ?? (error as? LocalizedError)?.errorDescription ?? "\(error)"
    return .invalid(naming(input, words))
  }

  /// A message from a part that does not know how the person named the input, named:
  /// "a.txt contains no text" -> "a.txt: contains no text"; one that already names it
  /// elsewhere ("cannot reach host for URL: ...") is kept as it is.
  static func naming(_ input: InputFiles.Input, _ message: String) -> String {
    let name = input.displayName
    if message.hasPrefix(name + ":") { return message }
    if message.hasPrefix(name + " ") { return name + ": " + message.dropFirst(name.count + 1) }
    if message.contains(name) { return message }
    return name + ": " + message
  }
}

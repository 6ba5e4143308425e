import Foundation

/// Errors of the command line, each naming what it is about.
enum CLIError: LocalizedError {
  case notFound(path: String)
  case unreadable(path: String)
  case emptyFile(path: String)
  case notText(path: String, reason: String)
  case tooLarge(path: String, bytes: Int, limit: Int)
  case nothingImportable(directory: String)
  case notAFileOrDirectory(path: String)
  case pageOutOfRange(requested: Int, pages: Int)
  case invalid(String)

  var errorDescription: String? {
    switch self {
    case .notFound(let path): "\(path): no such file or directory"
    case .unreadable(let path): "\(path): cannot be read (permission denied)"
    case .emptyFile(let path): "\(path): the file is empty"
    case .notText(let path, let reason):
      "\(path): does not look like text (\(reason)); Leggio imports "
        + InputFiles.extensions.map { "." + $0 }.joined(separator: " ")
    case .tooLarge(let path, let bytes, let limit):
      "\(path): the file is too large (\(bytes / 1_048_576) MiB; the limit is "
        + "\(limit / 1_048_576) MiB)"
    case .nothingImportable(let directory):
      "\(directory): there is no file Leggio can import in this directory (it looks for "
        + InputFiles.extensions.map { "." + $0 }.joined(separator: " ") + ")"
    case .notAFileOrDirectory(let path): "\(path): not a regular file or directory"
    case .pageOutOfRange(let requested, let pages):
      "there is no page \(requested): the article has \(pages) page\(pages == 1 ? "" : "s") at this size"
    case .invalid(let message): message
    }
  }
}

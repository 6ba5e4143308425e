import Foundation

/// Why a file or a stream of bytes could not become an article.
///
/// Every message names the file (as the person gave it) and says what is wrong, so the
/// command line can print it on one line and the TUI in its status line.
public enum ImportError: Error, Equatable, Sendable {
  /// Nothing exists at the path.
  case missing(name: String)
  /// The path is a directory where a file is needed.
  case isDirectory(name: String)
  /// The file holds no bytes, or only blank space.
  case empty(name: String)
  /// The bytes are not text; `evidence` says why ("it starts with %PDF").
  case notText(name: String, evidence: String)
  /// The file is bigger than the import limit.
  case tooLarge(name: String, size: Int, limit: Int)
  /// The file exists but cannot be read; `reason` comes from the system.
  case unreadable(name: String, reason: String)
  /// The file is text but nothing readable was left after conversion.
  case noReadableText(name: String)
}

extension ImportError: LocalizedError {
  public var errorDescription: String? { "\(name) \(problem)" }

  /// What is wrong, without the name: "is empty; there is nothing to import". The
  /// command line prints it as "leggio: NAME: PROBLEM".
  public var problem: String {
    switch self {
    case .missing: "does not exist; check the path"
    case .isDirectory: "is a directory, not a file; give the files inside it"
    case .empty: "is empty; there is nothing to import"
    case .notText(_, let evidence):
      "does not look like text (\(evidence)); Leggio imports .txt, .md and .html files"
    case .tooLarge(_, let size, let limit):
      "is \(Self.describe(bytes: size)), more than the \(Self.describe(bytes: limit)) "
        + "limit for one article"
    case .unreadable(_, let reason): "cannot be read (\(reason)); check its permissions"
    case .noReadableText: "contains no readable text"
    }
  }

  /// The file the error is about.
  public var name: String {
    switch self {
    case .missing(let name), .isDirectory(let name), .empty(let name),
      .notText(let name, _), .tooLarge(let name, _, _), .unreadable(let name, _),
      .noReadableText(let name):
      name
    }
  }

  /// A size as people read it: "812 bytes", "3.4 KiB", "80 MiB".
  static func describe(bytes: Int) -> String {
    let units = ["KiB", "MiB", "GiB", "TiB"]
    guard bytes >= 1024 else { return bytes == 1 ? "1 byte" : "\(bytes) bytes" }
    var value = Double(bytes) / 1024
    var unit = 0
    while value >= 1024 && unit < units.count - 1 {
      value /= 1024
      unit += 1
    }
    let rounded = (value * 10).rounded() / 10
    let number =
      rounded == rounded.rounded() ? String(Int(rounded)) : String(format: "%.1f", rounded)
    return "\(number) \(units[unit])"
  }
}

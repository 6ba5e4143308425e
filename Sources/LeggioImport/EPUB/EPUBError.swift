import Foundation

/// Why a file could not be read as an e-book. Each message names the file and fits on
/// one line; the library is left as it was.
public enum EPUBError: Error, Equatable, Sendable {
  /// The bytes are not a ZIP archive at all.
  case notZip(name: String)
  /// The archive is cut short or its directory is damaged.
  case damaged(name: String, detail: String)
  /// No package document (`META-INF/container.xml` names none that exists, and no
  /// `.opf` file is in the archive).
  case noPackage(name: String)
  /// The package document names no readable content documents.
  case noContent(name: String)
  /// The book is encrypted (DRM); fonts obfuscated by the IDPF or Adobe schemes are not.
  case drm(name: String, scheme: String)
  /// The archive would expand beyond the limits (a zip bomb).
  case tooLarge(name: String, detail: String)
  /// Read as articles (`--as articles`), the book has no entry with text to make one.
  case noArticles(name: String)
  /// An entry's name leaves the book (`../`, an absolute path, a backslash).
  case unsafeName(name: String, entry: String)
}

extension EPUBError: LocalizedError {
  public var errorDescription: String? { "\(name) \(problem)" }

  /// What is wrong, without the name, as `leggio: NAME: PROBLEM` prints it.
  public var problem: String {
    switch self {
    case .notZip: "is not an EPUB: it is not a ZIP archive"
    case .damaged(_, let detail): "is a damaged EPUB (\(detail)); it may be cut short"
    case .noPackage:
      "is not an EPUB: it has no package document (META-INF/container.xml names none)"
    case .noContent: "is an EPUB with no readable chapters"
    case .noArticles: "has no table-of-contents entry with text to make an article of"
    case .drm(_, let scheme):
      "is protected by DRM (\(scheme)); Leggio reads only books without it"
    case .tooLarge(_, let detail): "expands too far to be a book (\(detail)); refused"
    case .unsafeName(_, let entry):
      "holds an entry whose name leaves the book (\"\(Self.printable(entry))\"); refused"
    }
  }

  /// The file the error is about.
  public var name: String {
    switch self {
    case .notZip(let name), .damaged(let name, _), .noPackage(let name), .noContent(let name),
      .noArticles(let name), .drm(let name, _), .tooLarge(let name, _), .unsafeName(let name, _):
      name
    }
  }

  /// An entry name with control characters shown as `?`, at most 80 characters.
  static func printable(_ text: String) -> String {
    let visible = String(
      text.unicodeScalars.map {
        $0.value < 0x20 || (0x7F..<0xA0).contains($0.value) ? "?" : Character($0)
      })
    return visible.count > 80 ? String(visible.prefix(79)) + "…" : visible
  }
}

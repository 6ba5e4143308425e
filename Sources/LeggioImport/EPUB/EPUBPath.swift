import Foundation

/// Paths inside a book: hrefs of the package, the table of contents and the chapters are
/// relative to the file that holds them, percent-encoded, and may climb with `../`.
enum EPUBPath {
  /// A resolved href: the entry's path and the fragment after `#`, if any.
  struct Target: Hashable {
    var path: String
    var fragment: String?
  }

  /// The folder of `path`, "" at the root: "OEBPS/content.opf" -> "OEBPS".
  static func directory(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "" }
    return String(path[..<slash])
  }

  /// `href` resolved against `directory`, percent-decoded, with `.` and `..` steps
  /// taken (a `..` above the root is dropped, as readers do). Nil for a link out of the
  /// book (`http:`, `mailto:`); an empty path for a fragment alone ("#n12").
  static func resolve(_ href: String, against directory: String) -> Target? {
    // Foundation's trimming and percent-decoding were most of reading a long table of
    // contents: skipped when there is nothing at the edges to trim or nothing to decode.
    let trimmed =
      href.unicodeScalars.first.map(isEdge) == true || href.unicodeScalars.last.map(isEdge) == true
      ? href.trimmingCharacters(in: .whitespacesAndNewlines) : href
    var pathPart = Substring(trimmed)
    var fragment: String?
    if let hash = trimmed.firstIndex(of: "#") {
      pathPart = trimmed[..<hash]
      let raw = String(trimmed[trimmed.index(after: hash)...])
      fragment = raw.isEmpty ? nil : percentDecoded(raw)
    }
    if let query = pathPart.firstIndex(of: "?") { pathPart = pathPart[..<query] }
    if hasScheme(pathPart) { return nil }
    if pathPart.isEmpty { return Target(path: "", fragment: fragment) }
    let decoded = percentDecoded(String(pathPart))
    var components: [Substring] = []
    if !decoded.hasPrefix("/") {
      components = directory.split(separator: "/")
    }
    for component in decoded.split(separator: "/") {
      switch component {
      case ".": continue
      case "..": if !components.isEmpty { components.removeLast() }
      default: components.append(component)
      }
    }
    return Target(path: components.joined(separator: "/"), fragment: fragment)
  }

  /// `text` percent-decoded; itself when it has no `%` or does not decode.
  private static func percentDecoded(_ text: String) -> String {
    guard text.utf8.contains(UInt8(ascii: "%")) else { return text }
    return text.removingPercentEncoding ?? text
  }

  /// Whether `trimmingCharacters(in: .whitespacesAndNewlines)` would take `scalar` off
  /// an edge.
  private static let edges = CharacterSet.whitespacesAndNewlines

  private static func isEdge(_ scalar: Unicode.Scalar) -> Bool {
    edges.contains(scalar)
  }

  /// Whether a reference starts with a URL scheme ("http:", "mailto:"); a drive-like
  /// single letter is not one.
  private static func hasScheme(_ text: Substring) -> Bool {
    guard let colon = text.firstIndex(of: ":") else { return false }
    let scheme = text[..<colon]
    guard scheme.count > 1, let first = scheme.first, first.isASCII, first.isLetter else {
      return false
    }
    return scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }
  }
}

import Foundation

/// Paths and texts the annotation tests share.
enum AnnotationFixtures {
  /// The package root, found from this file's path.
  static let packageRoot: URL = {
    var url = URL(fileURLWithPath: #filePath)
    while url.path != "/" {
      url.deleteLastPathComponent()
      if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
        return url
      }
    }
    return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
  }()

  static func shared(_ path: String) throws -> String {
    let url = packageRoot.appendingPathComponent("../shared").appendingPathComponent(path)
    return try String(contentsOf: url.standardizedFileURL, encoding: .utf8)
  }

  static func referenceArticle() throws -> String {
    try shared("samples/cdt-putin-kim.txt")
  }

  static func promessiSposi() throws -> String {
    try shared("corpus/texts/i-promessi-sposi_pg45334_it.txt")
  }

  /// The scalar range of the `occurrence`th (1-based) `quote` in `text`.
  static func range(of quote: String, in text: String, occurrence: Int = 1) -> Range<Int>? {
    let scalars = Array(text.unicodeScalars)
    let needle = Array(quote.unicodeScalars)
    var seen = 0
    guard needle.count <= scalars.count else { return nil }
    for start in 0...(scalars.count - needle.count)
    where scalars[start] == needle[0] && Array(scalars[start..<start + needle.count]) == needle {
      seen += 1
      if seen == occurrence { return start..<start + needle.count }
    }
    return nil
  }

  /// `text` with the scalars in `range` replaced by `replacement`.
  static func replacing(_ range: Range<Int>, in text: String, with replacement: String) -> String {
    var scalars = Array(text.unicodeScalars)
    scalars.replaceSubrange(range, with: replacement.unicodeScalars)
    var view = String.UnicodeScalarView()
    view.append(contentsOf: scalars)
    return String(view)
  }

  /// The scalar substring `range` of `text`.
  static func substring(_ range: Range<Int>, of text: String) -> String {
    var view = String.UnicodeScalarView()
    view.append(contentsOf: Array(text.unicodeScalars)[range])
    return String(view)
  }
}

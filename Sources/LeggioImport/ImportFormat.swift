import Foundation

/// The formats the importers read, and how a file's format is recognised: by its
/// extension, then its MIME type, then by sniffing the text itself.
public enum ImportFormat: String, Sendable, CaseIterable {

  // Regex literals are compiled when first used; kept here so that happens once.
  nonisolated(unsafe) private static let atxHeadingPattern = #/^#{1,6} \S/#
  nonisolated(unsafe) private static let bulletPattern = #/^\s{0,3}[-*+] \S/#
  nonisolated(unsafe) private static let orderedPattern = #/^\s{0,3}\d{1,3}\. \S/#
  nonisolated(unsafe) private static let linkPattern = #/\[[^\]]+\]\([^)\s]+\)/#
  nonisolated(unsafe) private static let strongPattern = #/(\*\*|__)\S.*?\S\1/#
  nonisolated(unsafe) private static let codeSpanPattern = #/`[^`]+`/#
  case plainText
  case markdown
  case html

  /// File extensions (lower case, no dot) and the format each one means.
  public static let extensions: [String: ImportFormat] = [
    "txt": .plainText, "text": .plainText,
    "md": .markdown, "markdown": .markdown, "mdown": .markdown, "mkd": .markdown,
    "html": .html, "htm": .html, "xhtml": .html,
  ]

  /// The format named by a file name's extension, if it names one.
  public static func fromExtension(of name: String) -> ImportFormat? {
    let ext = (name as NSString).pathExtension.lowercased()
    return extensions[ext]
  }

  /// The format named by a MIME type such as `text/markdown; charset=utf-8`.
  public static func fromMIMEType(_ mimeType: String) -> ImportFormat? {
    let essence = mimeType.split(separator: ";").first.map {
      $0.trimmingCharacters(in: .whitespaces).lowercased()
    }
    switch essence {
    case "text/plain": return .plainText
    case "text/markdown", "text/x-markdown", "text/x-web-markdown": return .markdown
    case "text/html", "application/xhtml+xml": return .html
    default: return nil
    }
  }

  /// The format of a file: extension first, then MIME type, then the text's content.
  public static func detect(name: String, mimeType: String?, text: String) -> ImportFormat {
    if let format = fromExtension(of: name) { return format }
    if let mimeType, let format = fromMIMEType(mimeType) { return format }
    return sniff(text)
  }

  /// Guesses the format from the text: markup at the start means HTML; Markdown needs
  /// headings, fences or front matter, or several different Markdown constructs.
  public static func sniff(_ text: String) -> ImportFormat {
    let head = text.prefix(4096)
    let start = head.drop(while: \.isWhitespace).prefix(256).lowercased()
    if start.hasPrefix("<!doctype html") || start.hasPrefix("<html")
      || start.hasPrefix("<?xml")
        && head.lowercased().contains("<html")
    {
      return .html
    }
    if start.hasPrefix("<") && head.lowercased().contains("<body") { return .html }
    if start.hasPrefix("---\n") && head.dropFirst(4).contains("\n---") { return .markdown }

    var features = Set<String>()
    for line in head.split(separator: "\n").prefix(200) {
      if line.firstMatch(of: Self.atxHeadingPattern) != nil { features.insert("heading") }
      if line.hasPrefix("```") || line.hasPrefix("~~~") { features.insert("fence") }
      if line.firstMatch(of: Self.bulletPattern) != nil { features.insert("bullet") }
      if line.firstMatch(of: Self.orderedPattern) != nil { features.insert("ordered") }
      if line.hasPrefix("> ") { features.insert("quote") }
      if line.firstMatch(of: Self.linkPattern) != nil { features.insert("link") }
      if line.firstMatch(of: Self.strongPattern) != nil { features.insert("strong") }
      if line.firstMatch(of: Self.codeSpanPattern) != nil { features.insert("code") }
    }
    if features.contains("heading") || features.contains("fence") { return .markdown }
    return features.count >= 3 ? .markdown : .plainText
  }
}

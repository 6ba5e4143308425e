import Foundation

/// A byline written as the article's first lines rather than marked up: "von Daniela
/// Obers", "Por Agencia EFE", "Blog-Beitrag von Jane Doe" — a short line before the
/// first long paragraph that is a byline label and a name (capitalised words and their
/// joiners), nothing else. Press releases and magazines sign at the end instead ("Autoren
/// Jane Doe und John Roe", "Text: Jane Doe"): the same line among the last blocks counts.
enum LeadByline {
  /// Looks at the first few blocks of the extracted article, up to its first paragraph of
  /// running text.
  static func find(in content: HTMLNode) -> String? {
    var blocks = 0
    var stack = Array(content.children.reversed())
    while let node = stack.popLast(), blocks < 6 {
      guard node.isElement else { continue }
      guard blockTags.contains(node.name) else {
        stack.append(contentsOf: node.children.reversed())
        continue
      }
      blocks += 1
      let text = node.innerText
      if text.utf16.count > 200 { return nil }
      if let found = name(in: text) { return found }
    }
    return nil
  }

  /// How many blocks at the article's end may hold a closing signature.
  static let closingBlocks = 3

  /// A label-and-name line among the article's last `closingBlocks` blocks.
  static func findClosing(in content: HTMLNode) -> String? {
    var blocks = 0
    var stack = Array(content.children)
    while let node = stack.popLast(), blocks < closingBlocks {
      guard node.isElement else { continue }
      guard blockTags.contains(node.name) else {
        stack.append(contentsOf: node.children)
        continue
      }
      let text = node.innerText
      guard !text.isEmpty else { continue }
      blocks += 1
      if let found = name(in: text) { return found }
    }
    return nil
  }

  private static let blockTags: Set<String> = [
    "p", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "address", "figcaption",
  ]

  /// The name of "von Jane Doe", or nil when the line is anything else.
  static func name(in line: String) -> String? {
    let text = line.collapsingWhitespace()
    guard text.utf16.count <= 80 else { return nil }
    let lower = text.lowercased()
    var offsets = [0]
    if let space = lower.firstIndex(of: " ") {
      offsets.append(lower.distance(from: lower.startIndex, to: space) + 1)
    }
    for offset in offsets {
      let rest = lower.dropFirst(offset)
      guard
        PageMetadataReader.bylineLabels.contains(where: {
          rest.hasPrefix($0 + " ") || rest.hasPrefix($0 + ":")
        })
      else { continue }
      let name = PageMetadataReader.cleanByline(String(text.dropFirst(offset)))
      return isName(name) ? name : nil
    }
    return nil
  }

  /// Capitalised words, with "und"/"and"/"y"/"et"/"&"/"von"-style joiners between them.
  static func isName(_ text: String) -> Bool {
    let words = text.split { $0 == " " || $0 == "," }
    guard (1...8).contains(words.count), PageMetadataReader.isPlausibleName(text) else {
      return false
    }
    let capitalised = words.filter { $0.first?.isUppercase ?? false }
    let joined = words.filter { joiners.contains($0.lowercased()) }
    return !capitalised.isEmpty && capitalised.count + joined.count == words.count
  }

  private static let joiners: Set<String> = [
    "und", "and", "et", "y", "e", "&", "i", "en", "von", "van", "de", "der", "den", "da", "di",
    "del", "la", "le", "du", "dos",
  ]
}

/// Writes a `Document` back as Markdown: what `leggio show --format markdown` and
/// `leggio extract --format markdown` print, and what notes apps read.
public enum MarkdownWriter {
  /// The document's blocks as Markdown, consecutive list items kept in one tight list.
  public static func body(_ document: Document) -> String {
    var output = ""
    var previousWasItem = false
    for (index, block) in document.blocks.enumerated() {
      let isItem = { if case .listItem = block.kind { return true } else { return false } }()
      if index > 0 { output += isItem && previousWasItem ? "\n" : "\n\n" }
      output += markdown(block)
      previousWasItem = isItem
    }
    return output
  }

  /// One block as Markdown.
  public static func markdown(_ block: Block) -> String {
    let inline = block.inlines.map(markdown).joined()
    switch block.kind {
    case .heading(let level):
      return String(repeating: "#", count: min(6, max(1, level + 1))) + " " + inline
    case .paragraph: return inline.replacingOccurrences(of: "\n", with: "  \n")
    case .blockQuote(let depth):
      return prefixLines(inline, String(repeating: "> ", count: max(depth, 1)))
    case .listItem(let depth, let ordinal):
      let indent = String(repeating: "   ", count: max(0, depth - 1))
      return indent + (ordinal.map { "\($0). " } ?? "- ") + inline
    case .preformatted: return "```\n" + block.plainText + "\n```"
    case .rule: return "---"
    case .image(let credit):
      return "![" + escape(block.plainText) + "]()"
        + (credit.map { "\n*" + escape($0) + "*" } ?? "")
    }
  }

  /// One run as Markdown: code spans unescaped, emphasis, strong and link around it.
  public static func markdown(_ run: Inline) -> String {
    var text = run.style.contains(.code) ? "`" + run.text + "`" : escape(run.text)
    if run.style.contains(.emphasis) { text = "*" + text + "*" }
    if run.style.contains(.strong) { text = "**" + text + "**" }
    if let link = run.link { text = "[" + text + "](" + link + ")" }
    return text
  }

  /// `text` with Markdown's own characters escaped, so it reads back as the same text.
  public static func escape(_ text: String) -> String {
    var result = ""
    for character in text {
      if "\\`*_[]".contains(character) { result.append("\\") }
      result.append(character)
    }
    return result
  }

  private static func prefixLines(_ text: String, _ prefix: String) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false).map { prefix + $0 }
      .joined(separator: "\n")
  }
}

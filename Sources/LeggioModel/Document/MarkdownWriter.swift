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
    case .preformatted: return "```" + (block.language ?? "") + "\n" + block.plainText + "\n```"
    case .rule: return "---"
    case .table(let alignments, let headerRows):
      return table(block.tableRows, alignments: alignments, headerRows: headerRows)
    case .image(let credit):
      return "![" + escape(block.plainText) + "]()"
        + (credit.map { "\n*" + escape($0) + "*" } ?? "")
    }
  }

  /// One run as Markdown: code spans unescaped, emphasis, strong and link around it.
  public static func markdown(_ run: Inline) -> String {
    var text = run.style.contains(.code) ? "`" + run.text + "`" : escape(run.text)
    if let image = run.image { text = "![" + text + "](" + image.source + ")" }
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

  /// A GFM table: the header row (the first row when the source had none), the
  /// delimiter row with the alignments, then the rows; pipes in cells escaped.
  private static func table(_ rows: [[[Inline]]], alignments: [TableAlignment], headerRows: Int)
    -> String
  {
    let columns = max(alignments.count, rows.map(\.count).max() ?? 0)
    func line(_ cells: [String]) -> String {
      "| "
        + (cells + Array(repeating: "", count: max(0, columns - cells.count)))
        .joined(separator: " | ") + " |"
    }
    let texts = rows.map { row in
      row.map { $0.map(markdown).joined().replacingOccurrences(of: "|", with: "\\|") }
    }
    let delimiter = (0..<columns).map { column -> String in
      switch column < alignments.count ? alignments[column] : .none {
      case .none: "---"
      case .left: ":---"
      case .center: ":---:"
      case .right: "---:"
      }
    }
    let header = headerRows > 0 ? texts.prefix(1) : [[]]
    let body = headerRows > 0 ? texts.dropFirst() : texts[...]
    return ([line(header.first ?? [])] + [line(delimiter)] + body.map(line))
      .joined(separator: "\n")
  }

  private static func prefixLines(_ text: String, _ prefix: String) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false).map { prefix + $0 }
      .joined(separator: "\n")
  }
}

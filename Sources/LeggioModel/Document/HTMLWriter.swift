import Foundation

/// Writes a `Document` as clean HTML5: what `leggio show --format html` prints, for every
/// article whatever it came from, so that other tools (and the tests) see exactly what
/// Leggio understood. Block quotes and lists are rebuilt from the blocks' containers;
/// text is escaped as cmark escapes it (`&`, `<`, `>`, `"`), so a Markdown article written
/// back compares with the CommonMark specification's HTML.
public enum HTMLWriter {
  /// A whole page: the metadata as the article's header, then the body.
  public static func page(_ metadata: ArticleMetadata, _ document: Document) -> String {
    var html = "<!DOCTYPE html>\n"
    html += metadata.language.map { "<html lang=\"\(escape($0))\">\n" } ?? "<html>\n"
    html += "<head>\n<meta charset=\"utf-8\">\n<title>\(escape(metadata.title))</title>\n"
    if let source = metadata.source {
      html += "<link rel=\"canonical\" href=\"\(escape(source))\">\n"
    }
    html += "</head>\n<body>\n<article>\n<header>\n"
    if let kicker = metadata.kicker { html += "<p class=\"kicker\">\(escape(kicker))</p>\n" }
    // The headline as the text wrote it, formatting and links kept, when it gave one.
    html += "<h1>\(document.headline.map(inlines) ?? escape(metadata.title))</h1>\n"
    if let standfirst = metadata.standfirst {
      html += "<p class=\"standfirst\">\(escape(standfirst))</p>\n"
    }
    let byline = [metadata.byline, metadata.dateline].compactMap { $0 }
    if !byline.isEmpty {
      html += "<p class=\"byline\">\(escape(byline.joined(separator: " · ")))</p>\n"
    }
    html += "</header>\n" + body(document) + "</article>\n</body>\n</html>\n"
    return html
  }

  /// The document's blocks as HTML, one element per line as cmark writes them.
  public static func body(_ document: Document) -> String {
    var html = ""
    var open: [Container] = []
    let paths = document.containerPaths
    for (index, block) in document.blocks.enumerated() {
      let wanted = Container.expand(paths[index])
      var common = 0
      while common < open.count, common < wanted.count, open[common].key == wanted[common].key {
        common += 1
      }
      for container in open[common...].reversed() { html += container.closing }
      for container in wanted[common...] { html += container.opening }
      open = wanted
      let isTight = open.last.map { !$0.isLoose } ?? false
      html += self.block(block, tight: isTight)
    }
    for container in open.reversed() { html += container.closing }
    return html
  }

  /// One block; `tight` when it sits in an item of a tight list (paragraphs without `<p>`).
  public static func block(_ block: Block, tight: Bool = false) -> String {
    switch block.kind {
    case .heading(let level):
      let level = min(6, max(1, level))
      return "<h\(level)>\(inlines(block.inlines))</h\(level)>\n"
    case .paragraph, .blockQuote, .listItem:
      guard !block.inlines.isEmpty else { return "" }
      return tight ? inlines(block.inlines) + "\n" : "<p>\(inlines(block.inlines))</p>\n"
    case .preformatted:
      let text = block.plainText
      let language = block.language.map { " class=\"language-\(escape($0))\"" } ?? ""
      return "<pre><code\(language)>\(escape(text))\(text.isEmpty ? "" : "\n")</code></pre>\n"
    case .rule:
      return "<hr />\n"
    case .image(let credit):
      var image = "<img src=\"\(escape(block.source ?? ""))\" alt=\"\(escape(block.plainText))\""
      if let title = block.title { image += " title=\"\(escape(title))\"" }
      image += " />"
      guard let credit else { return "<p>\(image)</p>\n" }
      return "<figure>\n\(image)\n<figcaption>\(inlines(block.inlines))"
        + " <small>\(escape(credit))</small></figcaption>\n</figure>\n"
    case .table(let alignments, let headerRows):
      return table(block.tableRows, alignments: alignments, headerRows: headerRows)
    }
  }

  private static func table(_ rows: [[[Inline]]], alignments: [TableAlignment], headerRows: Int)
    -> String
  {
    func row(_ cells: [[Inline]], tag: String) -> String {
      var html = "<tr>\n"
      for (column, cell) in cells.enumerated() {
        let alignment = column < alignments.count ? alignments[column] : .none
        let align = alignment == .none ? "" : " align=\"\(alignment.rawValue)\""
        html += "<\(tag)\(align)>\(inlines(cell))</\(tag)>\n"
      }
      return html + "</tr>\n"
    }
    var html = "<table>\n"
    let header = rows.prefix(headerRows)
    if !header.isEmpty {
      html += "<thead>\n" + header.map { row($0, tag: "th") }.joined() + "</thead>\n"
    }
    let body = rows.dropFirst(headerRows)
    if !body.isEmpty {
      html += "<tbody>\n" + body.map { row($0, tag: "td") }.joined() + "</tbody>\n"
    }
    return html + "</table>\n"
  }

  /// Runs as inline HTML. Elements that consecutive runs share stay open across them, so
  /// `**a *b***` is written `<strong>a <em>b</em></strong>`; a line break is `<br />`, an
  /// inline picture `<img>`.
  public static func inlines(_ runs: [Inline]) -> String {
    var html = ""
    var open: [InlineElement] = []
    for run in runs {
      let wanted = InlineElement.elements(of: run, continuing: open)
      var common = 0
      while common < open.count, common < wanted.count, open[common] == wanted[common] {
        common += 1
      }
      for element in open[common...].reversed() { html += element.closing }
      for element in wanted[common...] { html += element.opening }
      open = wanted
      if let image = run.image {
        html +=
          "<img src=\"\(escape(image.source))\""
          + (image.altMissing == true ? "" : " alt=\"\(escape(run.text))\"")
          + (image.title.map { " title=\"\(escape($0))\"" } ?? "") + " />"
        continue
      }
      let isCode = run.style.contains(.code)
      html += escape(run.text).replacingOccurrences(of: "\n", with: isCode ? " " : "<br />\n")
    }
    for element in open.reversed() { html += element.closing }
    return html
  }

  /// Text with `&`, `<`, `>` and `"` escaped, fit for element content and attributes.
  public static func escape(_ text: String) -> String {
    guard text.contains(where: { $0 == "&" || $0 == "<" || $0 == ">" || $0 == "\"" }) else {
      return text
    }
    var result = ""
    result.reserveCapacity(text.utf8.count + 16)
    for character in text {
      switch character {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"": result += "&quot;"
      default: result.append(character)
      }
    }
    return result
  }

  /// A block quote, a list or a list item open around blocks.
  private enum Container {
    case quote(id: Int)
    case list(id: Int, ordinal: Int?, isLoose: Bool)
    case item(id: Int, isLoose: Bool)

    static func expand(_ path: [BlockContainer]) -> [Container] {
      path.flatMap { container -> [Container] in
        guard let list = container.list else { return [.quote(id: container.id)] }
        return [
          .list(id: list.id, ordinal: list.ordinal, isLoose: list.isLoose),
          .item(id: container.id, isLoose: list.isLoose),
        ]
      }
    }

    /// What makes two containers the same one.
    var key: String {
      switch self {
      case .quote(let id): "q\(id)"
      case .list(let id, let ordinal, _): (ordinal == nil ? "u" : "o") + "\(id)"
      case .item(let id, _): "i\(id)"
      }
    }

    var isLoose: Bool {
      switch self {
      case .quote: true
      case .list(_, _, let isLoose), .item(_, let isLoose): isLoose
      }
    }

    var opening: String {
      switch self {
      case .quote: "<blockquote>\n"
      case .list(_, nil, _): "<ul>\n"
      case .list(_, let ordinal?, _): ordinal == 1 ? "<ol>\n" : "<ol start=\"\(ordinal)\">\n"
      case .item: "<li>"
      }
    }

    var closing: String {
      switch self {
      case .quote: "</blockquote>\n"
      case .list(_, nil, _): "</ul>\n"
      case .list: "</ol>\n"
      case .item: "</li>\n"
      }
    }
  }

  /// An inline element around runs: a link, or one of the styles.
  private enum InlineElement: Equatable {
    case link(String, title: String?)
    case style(InlineStyle)

    static let styles: [(InlineStyle, String)] = [
      (.emphasis, "em"), (.strong, "strong"), (.strikethrough, "del"), (.superscript, "sup"),
      (.subscript, "sub"), (.code, "code"),
    ]

    /// The elements around `run`, outermost first: its recorded nesting, else the elements
    /// already open that it still wants, then the others in `Inline.canonicalStyleOrder`.
    static func elements(of run: Inline, continuing open: [InlineElement]) -> [InlineElement] {
      let link = run.link.map { InlineElement.link($0, title: run.title) }
      if let nesting = run.nesting {
        return nesting.map { $0.isEmpty ? link ?? .link("", title: nil) : .style($0) }
      }
      var wanted: [InlineElement] = link.map { [$0] } ?? []
      for style in Inline.canonicalStyleOrder where run.style.contains(style) {
        wanted.append(.style(style))
      }
      var rest = wanted
      var kept: [InlineElement] = []
      for element in open {
        guard let index = rest.firstIndex(of: element) else { break }
        kept.append(rest.remove(at: index))
      }
      return kept + rest
    }

    var opening: String {
      switch self {
      case .link(let href, let title):
        "<a href=\"\(HTMLWriter.escape(href))\""
          + (title.map { " title=\"\(HTMLWriter.escape($0))\"" } ?? "") + ">"
      case .style(let style): "<" + Self.tag(style) + ">"
      }
    }

    var closing: String {
      switch self {
      case .link: "</a>"
      case .style(let style): "</" + Self.tag(style) + ">"
      }
    }

    private static func tag(_ style: InlineStyle) -> String {
      styles.first { $0.0 == style }?.1 ?? "span"
    }
  }
}

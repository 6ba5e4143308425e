import Foundation

/// jusText's reading of an article's edges: the blocks before the first stretch of prose
/// and after the last one are page furniture when they are not prose themselves
/// (breadcrumbs, category rows, datelines, "Bilder des Treffens", a related-links list,
/// a closing heading with nothing under it). A block is prose when it is not link-heavy
/// and either ends a sentence or, being long, is dense in the page language's stop words;
/// lists and tables are kept unless they are links. Only the edges are trimmed: a short
/// line between two paragraphs is the author's.
extension ArticleGrabber {
  enum EdgeKind {
    /// Running text: the trimming stops here.
    case prose
    /// Kept and stops the trimming: lists, tables, quotes, code.
    case solid
    /// A heading: kept only when prose follows it.
    case heading
    /// Images and empty wrappers: stepped over.
    case media
    case furniture
    /// "Kategorie: News": furniture above the article, a product's detail below it.
    case label
  }

  static let edgeUnitTags: Set<String> = [
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl", "table", "blockquote", "pre",
    "figure", "img", "picture", "video", "audio", "iframe", "hr",
  ]

  private static let blockTags: Set<String> = edgeUnitTags.union([
    "div", "section", "article", "header", "footer", "main", "aside", "form", "nav", "center",
    "details", "address",
  ])

  private static let solidTags: Set<String> = [
    "ul", "ol", "dl", "table", "blockquote", "pre", "figure",
  ]

  private static let headingTags: Set<String> = ["h1", "h2", "h3", "h4", "h5", "h6"]

  private static let listTags: Set<String> = ["ul", "ol", "dl"]

  func trimEdges(_ content: HTMLNode) {
    var units: [HTMLNode] = []
    collectEdgeUnits(content, into: &units)
    guard units.count > 1 else { return }
    let total = content.innerTextLength
    guard total > 0 else { return }
    let stopWords = StopWords.detect(content.innerText)
    let kinds = units.map { edgeKind($0, stopWords: stopWords) }
    guard kinds.contains(where: { $0 == .prose }) else { return }
    var remove = Set<Int>()
    // PHP errors printed into the page go wherever they are.
    for (index, unit) in units.enumerated()
    where kinds[index] == .furniture && Self.isServerError(unit.innerText) {
      remove.insert(index)
    }
    // Leading: furniture goes; a heading goes when only furniture follows it.
    var index = 0
    leading: while index < units.count {
      switch kinds[index] {
      case .furniture: remove.insert(index)
      case .media: break
      case .label: remove.insert(index)
      case .heading: break  // A kicker or headline stays; the trim goes on past it.
      case .prose:
        // A short line that ends no sentence (a kicker, the headline repeated in a
        // paragraph) stays, and the trim goes on past it, as past a heading.
        guard isHeadlineLike(units[index]) else { break leading }
      case .solid: break leading
      }
      index += 1
    }
    // Trailing: furniture goes, and a heading with only furniture or pictures under it.
    index = units.count - 1
    var removedAfter = false
    trailing: while index >= 0 {
      switch kinds[index] {
      case .furniture:
        remove.insert(index)
        removedAfter = true
      case .media: removedAfter = true
      case .heading:
        guard removedAfter else { break trailing }
        remove.insert(index)
      case .prose, .solid, .label: break trailing
      }
      index -= 1
    }
    // The edges are small: a trim that would take much of the text is a misreading.
    let removed = remove.reduce(0) { $0 + units[$1].innerTextLength }
    guard !remove.isEmpty, removed * 3 < total else { return }
    HTMLNode.detach(remove.sorted().map { units[$0] })
  }

  /// A link-free line of under 70 characters that ends no sentence.
  private func isHeadlineLike(_ unit: HTMLNode) -> Bool {
    unit.innerTextLength < 70 && linkDensity(unit) == 0 && !Self.endsSentence(unit.innerText)
  }

  private func collectEdgeUnits(_ node: HTMLNode, into units: inout [HTMLNode]) {
    for child in node.children {
      if child.kind == .text {
        // Text straight in a container: the container is the unit.
        if !child.isWhitespaceText, node !== units.last { units.append(node) }
        continue
      }
      guard child.isElement else { continue }
      let holdsBlocks =
        !Self.edgeUnitTags.contains(child.name)
        && child.children.contains { $0.isElement && Self.blockTags.contains($0.name) }
      if holdsBlocks
        && !child.children.contains(where: { $0.kind == .text && !$0.isWhitespaceText })
      {
        collectEdgeUnits(child, into: &units)
      } else {
        units.append(child)
      }
    }
  }

  /// How a block at the article's edge reads. Short lines without a signal count as
  /// prose (an address, a verse): only links, datelines, labels and PHP errors are
  /// furniture, and, where the page's language is known, a long line with almost no
  /// stop words that ends no sentence (a keyword row).
  func edgeKind(_ unit: HTMLNode, stopWords: StopWords?) -> EdgeKind {
    let length = unit.innerTextLength
    if length == 0 { return .media }
    if unit.name == "table" && dataTables.contains(ObjectIdentifier(unit)) { return .solid }
    let density = linkDensity(unit)
    if Self.headingTags.contains(unit.name) { return density > 0.5 ? .furniture : .heading }
    // A long paragraph rich in links (a deals roundup) and a sentence that links ("See
    // the other piece.") are still prose.
    if density > 0.5 && length < 200 && !Self.endsSentence(unit.innerText) {
      return Self.citesAddresses(unit) ? .solid : .furniture
    }
    let text = unit.innerText
    if length < 200 && TeaserLine.endsInReadMore(text) { return .furniture }
    if length < 400 && !unit.elements(named: "a").isEmpty && NewsletterPromo.invites(text) {
      return .furniture
    }
    let endsSentence = Self.endsSentence(text)
    // A list of a published and an updated time ("18 Nov 2019, 19:09 · Updated: 18 Nov
    // 2019, 19:11") is a dateline set as list items, not a list the author wrote.
    if Self.listTags.contains(unit.name), length < 70, !endsSentence, Self.isDateline(text) {
      return .furniture
    }
    if Self.solidTags.contains(unit.name) { return .solid }
    if Self.isServerError(text) { return .furniture }
    if length < 70 {
      if endsSentence { return .prose }
      if Self.isDateline(text) { return .furniture }
      return Self.isLabel(text) ? .label : .prose
    }
    if let stopWords, !endsSentence {
      let (share, words) = stopWords.density(text)
      if words >= 5 && share < 0.1 { return .furniture }
    }
    return .prose
  }

  /// Links that show their address ("https://nodejs.org/api/…"): a list of sources.
  static func citesAddresses(_ unit: HTMLNode) -> Bool {
    let links = unit.elements(named: "a")
    guard !links.isEmpty else { return false }
    let shown = links.filter { link in
      let text = link.innerText
      return text.hasPrefix("http") || text.hasPrefix("www.")
    }
    return shown.count * 2 >= links.count
  }

  /// A short line that is a date with a few words around it ("23.10.2018",
  /// "Published 5 March 2019 09:30").
  static func isDateline(_ text: String) -> Bool {
    text.split(separator: " ").count <= 8 && WrittenDate.first(in: text) != nil
  }

  /// "Kategorie: News", "Quelle: dpa": a word or two, a colon, a few words.
  static func isLabel(_ text: String) -> Bool {
    guard let colon = text.firstIndex(of: ":") else { return false }
    let label = text[..<colon].split(separator: " ")
    let value = text[text.index(after: colon)...]
    // A figure after the colon is a detail ("Preis: 36,00 EUR"), not a label.
    guard !value.contains(where: \.isNumber) else { return false }
    return !label.isEmpty && label.count <= 2 && value.split(separator: " ").count <= 4
  }

  private static let sentenceEnds: Set<Character> = [".", "!", "?", "…", ":", ";", "。", "！", "？"]
  private static let closingQuotes: Set<Character> = ["\"", "”", "“", "»", "«", "’", "'", ")"]

  /// Whether the text's last mark (after closing quotes) ends a sentence.
  static func endsSentence(_ text: String) -> Bool {
    var end = text.endIndex
    while end > text.startIndex {
      let previous = text.index(before: end)
      let character = text[previous]
      if sentenceEnds.contains(character) { return true }
      guard closingQuotes.contains(character) || character.isWhitespace else { return false }
      end = previous
    }
    return false
  }

  private static let phpNeedle = ByteNeedle(".php")
  private static let onLineNeedle = ByteNeedle(" on line ")

  /// A PHP error printed into the page ("Warning: … in /www/x.php on line 407").
  static func isServerError(_ text: String) -> Bool {
    // Byte searches: Foundation's `contains` was a tenth of the edge trimming.
    guard ReadabilityPatterns.matches(text, [phpNeedle]),
      ReadabilityPatterns.matches(text, [onLineNeedle])
    else { return false }
    let lower = text.prefix(20).lowercased()
    return ["warning:", "notice:", "deprecated:", "fatal error:", "strict standards:"]
      .contains { lower.hasPrefix($0) }
  }
}

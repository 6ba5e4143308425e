import Foundation
import LeggioModel

/// The title block on the first page: kicker, headline, standfirst, byline · dateline and
/// image credit, each set apart by a blank line. Its lines show metadata, not canonical
/// text, so their runs have no `source`.
enum TitleBlock {
  /// The title unit for `metadata`, nil when there is nothing to show; the headline is
  /// `document`'s when it keeps one (`Document.headline`), with its inline styles.
  static func unit(_ metadata: ArticleMetadata?, document: Document? = nil) -> FlowUnit? {
    guard let metadata else { return nil }
    var parts: [FlowUnit.Part] = []
    func add(_ pieces: [(String, StyleRole)], blankBefore: Bool = true) {
      let pieces = pieces.filter { !$0.0.isEmpty }
      guard let role = pieces.first?.1 else { return }
      var text = ClusterBuffer()
      for (piece, role) in pieces { text.append(piece, Segment(role: role, isSource: false)) }
      parts.append(
        FlowUnit.Part(
          text: text, style: BlockStyle(role: role, justify: false),
          blankBefore: blankBefore && !parts.isEmpty))
    }
    add([(clean(metadata.kicker), .kicker)])
    if let headline = document?.headline, !headline.isEmpty {
      // The headline with the emphasis and code the text gave it.
      var text = ClusterBuffer()
      for inline in headline {
        let words = clean(inline.text)
        let spaced =
          (inline.text.first?.isWhitespace == true ? " " : "") + words
          + (inline.text.last?.isWhitespace == true && !words.isEmpty ? " " : "")
        text.append(spaced, Segment(role: .title, inline: inline.style, isSource: false))
      }
      parts.append(
        FlowUnit.Part(
          text: text, style: BlockStyle(role: .title, justify: false), blankBefore: !parts.isEmpty))
    } else {
      add([(clean(metadata.title), .title)])
    }
    add([(clean(metadata.standfirst), .standfirst)])
    let byline = clean(metadata.byline)
    var dateline = clean(metadata.dateline)
    if dateline.isEmpty, let published = metadata.published {
      dateline = published.formatted(.iso8601.year().month().day())
    }
    let separator = !byline.isEmpty && !dateline.isEmpty ? " · " : ""
    add([(byline, .byline), (separator, .byline), (dateline, .dateline)])
    add(
      [(clean(metadata.imageCredit), .credit)],
      blankBefore: parts.last.map { [.byline, .dateline].contains($0.style.role) } != true)
    guard !parts.isEmpty else { return nil }
    return FlowUnit(parts: parts, start: 0, placement: .keepTogether)
  }

  /// Metadata on one line: runs of white space (newlines included) become one space.
  static func clean(_ text: String?) -> String {
    guard let text else { return "" }
    return text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
  }
}

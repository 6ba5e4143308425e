import Foundation

/// The body of an article: a flat sequence of blocks made of inline runs.
///
/// The kicker, headline, standfirst, credit, byline and dateline are metadata
/// (`ArticleMetadata`), never blocks. The document's canonical text (see
/// `CanonicalText`) is the coordinate system of reading positions, bookmarks,
/// highlights, notes and search hits.
public struct Document: Codable, Hashable, Sendable {
  public var blocks: [Block]
  /// The headline's runs when the text gave it as a heading that became
  /// `ArticleMetadata.title` and left the body (`# The *new* reader`): its emphasis, code
  /// and links, which the plain title cannot hold. The title block and the writers show
  /// it in place of the plain title; it is not part of the canonical text.
  public var headline: [Inline]?

  public init(blocks: [Block] = [], headline: [Inline]? = nil) {
    self.blocks = blocks
    self.headline = headline
  }

  public var isEmpty: Bool { blocks.isEmpty }
}

/// One block of a document.
public struct Block: Codable, Hashable, Sendable {
  public enum Kind: Codable, Hashable, Sendable {
    /// A section heading, level 1 (largest) to 6.
    case heading(level: Int)
    /// Prose. A `"\n"` inside its text is a hard line break (verse keeps its lines).
    case paragraph
    /// A paragraph inside a block quote, `depth` 1 for a top-level quote.
    case blockQuote(depth: Int)
    /// A list item, `depth` 1 for a top-level list; `ordinal` is its number in an
    /// ordered list, nil in a bulleted one.
    case listItem(depth: Int, ordinal: Int?)
    /// Preformatted text (code); its lines are kept as they are.
    case preformatted
    /// A thematic break. Its plain text is empty.
    case rule
    /// An image placeholder; the inlines carry the alt text (or caption).
    case image(credit: String?)
    /// A table: its cells' runs in reading order, a `"\t"` between two cells of a row and
    /// a `"\n"` between rows (see `Block.tableRows`); the first `headerRows` rows are
    /// headers; `alignments` has one entry per column.
    case table(alignments: [TableAlignment], headerRows: Int)
  }

  public var kind: Kind
  public var inlines: [Inline]
  /// The block quotes and list items around this block, outermost first; nil when the
  /// importer gave none (`BlockContainer.path(of:)` then derives them from the kind).
  public var containers: [BlockContainer]?
  /// A code block's language (`swift`), when the source names it.
  public var language: String?
  /// An image's address, as written in the source (resolved when the source had a base).
  public var source: String?
  /// An image's title (the tooltip), when the source gives one.
  public var title: String?
  /// The direction the source gives the block (`<p dir="rtl">`); nil when its text decides.
  public var direction: TextDirection?

  public init(_ kind: Kind, _ inlines: [Inline]) {
    self.kind = kind
    self.inlines = inlines
  }

  public init(_ kind: Kind, text: String) {
    self.init(kind, text.isEmpty ? [] : [Inline(text)])
  }

  /// The block's contribution to the canonical text: its runs' text joined.
  public var plainText: String {
    inlines.reduce(into: "") { $0 += $1.text }
  }

  /// A short name of the kind, as `leggio show --format json` prints it.
  public var kindName: String {
    switch kind {
    case .heading: "heading"
    case .paragraph: "paragraph"
    case .blockQuote: "quote"
    case .listItem: "listItem"
    case .preformatted: "preformatted"
    case .rule: "rule"
    case .image: "image"
    case .table: "table"
    }
  }
}

/// Inline styles that can combine (a strong link, an emphasised code span).
public struct InlineStyle: OptionSet, Codable, Hashable, Sendable {
  public let rawValue: UInt8
  public init(rawValue: UInt8) { self.rawValue = rawValue }

  public static let emphasis = InlineStyle(rawValue: 1 << 0)
  public static let strong = InlineStyle(rawValue: 1 << 1)
  public static let code = InlineStyle(rawValue: 1 << 2)
  public static let strikethrough = InlineStyle(rawValue: 1 << 3)
  public static let superscript = InlineStyle(rawValue: 1 << 4)
  public static let `subscript` = InlineStyle(rawValue: 1 << 5)
}

/// A run of text with one style; `link` is the target of a link run, `title` the link's
/// title when the source gives one.
public struct Inline: Codable, Hashable, Sendable {
  public var text: String
  public var style: InlineStyle
  public var link: String?
  public var title: String?
  /// The inline elements around the run, outermost first, when their order or repetition
  /// says more than `style` does (`<strong><em>`, an `<em>` inside an `<em>`): each entry
  /// one element's style, an empty entry the link. Nil when `style` says it all.
  public var nesting: [InlineStyle]?
  /// A picture in the run of text (`My ![train](train.jpg) left`, a badge in a link):
  /// the run's text is its alt text. Pictures that stand alone are `.image` blocks.
  public var image: InlineImage?

  public init(_ text: String, style: InlineStyle = [], link: String? = nil) {
    self.text = text
    self.style = style
    self.link = link
  }
}

/// Where an inline picture comes from.
public struct InlineImage: Codable, Hashable, Sendable {
  /// The address, as written in the source (resolved when the source had a base).
  public var source: String
  /// The picture's title (the tooltip), when the source gives one.
  public var title: String?
  /// True when the source gives no alt text at all (`<img src>`), which is not the same
  /// as an empty one (`alt=""`, a decoration): the run's text is then empty. Nil otherwise.
  public var altMissing: Bool?

  public init(source: String, title: String? = nil, altMissing: Bool? = nil) {
    self.source = source
    self.title = title
    self.altMissing = altMissing
  }
}

extension Inline {
  /// The order elements open in when the style alone says which: the link outermost,
  /// then emphasis, strong, strikethrough, superscript, subscript, code.
  public static let canonicalStyleOrder: [InlineStyle] = [
    .emphasis, .strong, .strikethrough, .superscript, .subscript, .code,
  ]

  /// `open` (the elements around a run, outermost first, `[]` for the link) when the
  /// canonical order would not give it back; nil when it would.
  public static func nestingNeeded(_ open: [InlineStyle]) -> [InlineStyle]? {
    guard open.count > 1 else { return nil }
    var union: InlineStyle = []
    var hasLink = false
    for element in open {
      if element.isEmpty {
        if hasLink { return open }
        hasLink = true
      } else {
        if !union.isDisjoint(with: element) { return open }
        union.formUnion(element)
      }
    }
    let canonical = (hasLink ? [[]] : []) + canonicalStyleOrder.filter { union.contains($0) }
    return canonical == open ? nil : open
  }
}

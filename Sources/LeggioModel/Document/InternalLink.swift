import Foundation

/// A link from one place of a document to another, as an `Inline.link` spells it:
/// `leggio:block/12` jumps to block 12, `leggio:note/40` shows the note at block 40 in
/// place (a footnote or endnote reference). Books' `href="ch3.xhtml#n12"` become these,
/// since the chapters are blocks of one document.
public enum InternalLink: Hashable, Sendable {
  case block(Int)
  case note(Int)

  static let blockPrefix = "leggio:block/"
  static let notePrefix = "leggio:note/"

  /// Reads a link target; nil for any other link.
  public init?(_ target: String) {
    guard target.hasPrefix("leggio:") else { return nil }
    if target.hasPrefix(Self.blockPrefix),
      let index = Int(target.dropFirst(Self.blockPrefix.count)),
      index >= 0
    {
      self = .block(index)
    } else if target.hasPrefix(Self.notePrefix),
      let index = Int(target.dropFirst(Self.notePrefix.count)), index >= 0
    {
      self = .note(index)
    } else {
      return nil
    }
  }

  /// The link as stored in `Inline.link`.
  public var target: String {
    switch self {
    case .block(let index): Self.blockPrefix + String(index)
    case .note(let index): Self.notePrefix + String(index)
    }
  }

  /// The block the link points at.
  public var block: Int {
    switch self {
    case .block(let index), .note(let index): index
    }
  }
}

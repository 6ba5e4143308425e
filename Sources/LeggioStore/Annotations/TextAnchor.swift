import Foundation
import LeggioModel

/// Where an annotation sits in an article: scalar offsets into the canonical text of
/// the version it was made on, plus the quoted passage and up to 32 scalars of text
/// either side (the W3C `TextPositionSelector` and `TextQuoteSelector` together).
/// The quote and its context let `Reanchorer` find the passage again when the text
/// changes.
public struct TextAnchor: Codable, Hashable, Sendable {
  /// How many scalars of context an anchor keeps on each side.
  public static let contextLength = 32

  /// The first scalar offset of the passage.
  public var start: Int
  /// The offset just past the passage.
  public var end: Int
  /// The passage's text, exactly as it was.
  public var quote: String
  /// Up to 32 scalars just before the passage.
  public var prefix: String
  /// Up to 32 scalars just after the passage.
  public var suffix: String
  /// The content hash of the text version the offsets refer to.
  public var textHash: String

  public init(
    start: Int, end: Int, quote: String, prefix: String = "", suffix: String = "",
    textHash: String
  ) {
    self.start = start
    self.end = end
    self.quote = quote
    self.prefix = prefix
    self.suffix = suffix
    self.textHash = textHash
  }

  public var range: Range<Int> { start..<end }

  /// The anchor of the passage `range` of `text`.
  public static func make(in text: String, range: Range<Int>, textHash: String) throws
    -> TextAnchor
  {
    try make(in: ScalarText(text), range: range, textHash: textHash)
  }

  /// The anchor of the passage `range` of an article's canonical text.
  public static func make(in text: CanonicalText, range: Range<Int>, textHash: String) throws
    -> TextAnchor
  {
    try make(in: text.text, range: range, textHash: textHash)
  }

  /// The anchor of the passage `range` of `text`; the range must be non-empty and inside it.
  public static func make(in text: ScalarText, range: Range<Int>, textHash: String) throws
    -> TextAnchor
  {
    guard !range.isEmpty, range.lowerBound >= 0, range.upperBound <= text.count else {
      throw AnnotationError.rangeOutsideText(range: range, length: text.count)
    }
    let before = max(0, range.lowerBound - contextLength)..<range.lowerBound
    let after = range.upperBound..<min(text.count, range.upperBound + contextLength)
    return TextAnchor(
      start: range.lowerBound, end: range.upperBound, quote: text.string(range),
      prefix: text.string(before), suffix: text.string(after), textHash: textHash)
  }

  /// The anchor of a bookmark at `offset`: the words that start there (up to about 24
  /// scalars, ending at a word's end, never past the block), so it can be found again.
  public static func bookmark(in text: ScalarText, at offset: Int, textHash: String) throws
    -> TextAnchor
  {
    guard offset >= 0, offset < text.count else {
      throw AnnotationError.rangeOutsideText(range: offset..<offset + 1, length: text.count)
    }
    var end = min(text.count, offset + 24)
    if let blockEnd = (offset..<end).first(where: { text.values[$0] == 0x0A }), blockEnd > offset {
      end = blockEnd
    }
    while end < text.count, end < offset + 48, !isSpace(text.values[end]) { end += 1 }
    return try make(in: text, range: offset..<max(end, offset + 1), textHash: textHash)
  }

  public static func bookmark(in text: String, at offset: Int, textHash: String) throws
    -> TextAnchor
  {
    try bookmark(in: ScalarText(text), at: offset, textHash: textHash)
  }

  private static func isSpace(_ value: UInt32) -> Bool {
    Unicode.Scalar(value)?.properties.isWhitespace ?? false
  }
}

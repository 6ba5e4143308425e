/// Trimming in pure Swift: Foundation's `trimmingCharacters(in:)` bridges through
/// NSString and UTF-16, which showed up as a fifth of import time on long lines.
extension StringProtocol where SubSequence == Substring {
  /// The text without leading and trailing spaces and tabs (any Unicode space separator).
  func trimmingSpaces() -> String {
    String(drop(while: \.isHorizontalSpace).trimmingSuffix(while: \.isHorizontalSpace))
  }
}

extension Substring {
  /// The substring without its trailing characters that satisfy `predicate`.
  func trimmingSuffix(while predicate: (Character) -> Bool) -> Substring {
    // Most lines end in an ASCII letter or stop, a character of its own: nothing to do
    // when the predicate keeps it.
    if let last = utf8.last, last >= 0x21, last < 0x7F,
      !predicate(Character(Unicode.Scalar(last)))
    {
      return self
    }
    var end = endIndex
    while end > startIndex {
      let before = index(before: end)
      guard predicate(self[before]) else { break }
      end = before
    }
    return self[startIndex..<end]
  }
}

extension Character {
  /// A space or tab, not a line break.
  var isHorizontalSpace: Bool { isWhitespace && !isNewline }
}

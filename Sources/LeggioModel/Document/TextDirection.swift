import Foundation

/// The direction a block's text is written in, when the source says so (HTML's
/// `dir="rtl"` on the element or one around it). Nil on a block means the text decides:
/// its first strong letter, or the document's language.
public enum TextDirection: String, Codable, Hashable, Sendable {
  case leftToRight = "ltr"
  case rightToLeft = "rtl"

  /// The direction an HTML `dir` attribute names; nil for `auto`, nothing or nonsense
  /// (the text then decides, as `auto` asks).
  public init?(htmlAttribute value: String?) {
    guard let value else { return nil }
    switch value.trimmingCharacters(in: .whitespaces).lowercased() {
    case "rtl": self = .rightToLeft
    case "ltr": self = .leftToRight
    default: return nil
    }
  }
}

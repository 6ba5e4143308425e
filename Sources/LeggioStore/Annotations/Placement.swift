/// Where `Reanchorer` found an anchor's passage in a new version of the text.
public enum Placement: Hashable, Sendable {
  /// The text at the same offsets still equals the quote.
  case exact(Range<Int>)
  /// The quote was found unchanged elsewhere, chosen by its context.
  case moved(Range<Int>)
  /// A passage like the quote was found; `score` is its similarity, 0...1.
  case fuzzy(Range<Int>, score: Double)
  /// The passage is gone; the annotation is kept with its quote.
  case orphaned

  /// The passage's new range, nil when orphaned.
  public var range: Range<Int>? {
    switch self {
    case .exact(let range), .moved(let range), .fuzzy(let range, _): range
    case .orphaned: nil
    }
  }

  /// A one-word name, as reports and tests print it.
  public var name: String {
    switch self {
    case .exact: "exact"
    case .moved: "moved"
    case .fuzzy: "fuzzy"
    case .orphaned: "orphaned"
    }
  }
}

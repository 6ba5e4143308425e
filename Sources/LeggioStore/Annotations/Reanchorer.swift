import Foundation

/// Finds annotations' passages again in a new version of an article's text: at the
/// same offsets, else the quote where its context fits best (nearest to the old
/// position among equals), else an approximate match of the quote, else orphaned.
///
/// Build one per text version and place every anchor of the article with it: the text
/// is converted to scalars once.
public struct Reanchorer: Sendable {
  public let text: ScalarText
  public let textHash: String
  /// How often each scalar occurs, to search for a quote by its rarest scalar.
  private let frequencies: [UInt32]

  /// The least similarity a fuzzy match needs when its context does not fit.
  public static let fuzzyThreshold = 0.8
  /// The least similarity a fuzzy match needs when at least half its context fits.
  public static let fuzzyThresholdWithContext = 0.5

  public init(text: String, textHash: String) {
    self.init(text: ScalarText(text), textHash: textHash)
  }

  public init(text: ScalarText, textHash: String) {
    self.text = text
    self.textHash = textHash
    self.frequencies = text.scalarFrequencies()
  }

  /// Places `anchor` in `newText`.
  public static func place(_ anchor: TextAnchor, in newText: String) -> Placement {
    Reanchorer(text: newText, textHash: "").place(anchor)
  }

  /// Where `anchor`'s passage is in this text.
  public func place(_ anchor: TextAnchor) -> Placement {
    let quote = anchor.quote.scalarValues
    guard !quote.isEmpty else { return .orphaned }
    let context = AnchorContext(anchor: anchor, text: text)
    let sameOffsets = anchor.start..<anchor.start + quote.count
    let atSameOffsets = text.matches(quote, at: anchor.start)
    if atSameOffsets, context.score(at: sameOffsets) == 1 { return .exact(sameOffsets) }

    let occurrences = text.occurrences(of: quote, pivot: rarestIndex(of: quote))
    if let best = bestOccurrence(
      occurrences, length: quote.count, context: context, near: anchor.start)
    {
      if atSameOffsets, best.score <= context.score(at: sameOffsets) {
        return .exact(sameOffsets)
      }
      // A short quote whose context fits nowhere may be a coincidence: prefer a close
      // approximate match in the right context, if there is one.
      let distinctive = best.score > 0 || quote.count >= 8 || !context.hasContext
      if distinctive { return .moved(best.range) }
      if let fuzzy = fuzzyPlacement(quote: quote, context: context, near: anchor.start),
        fuzzy.context >= 0.5
      {
        return .fuzzy(fuzzy.range, score: fuzzy.similarity)
      }
      return .moved(best.range)
    }
    if let fuzzy = fuzzyPlacement(quote: quote, context: context, near: anchor.start) {
      return .fuzzy(fuzzy.range, score: fuzzy.similarity)
    }
    return .orphaned
  }

  /// The position in `quote` of its least frequent scalar in this text.
  private func rarestIndex(of quote: [UInt32]) -> Int {
    quote.indices.min { frequency(quote[$0]) < frequency(quote[$1]) } ?? 0
  }

  private func frequency(_ value: UInt32) -> UInt32 {
    value < 0x1_0000 ? frequencies[Int(value)] : 0
  }

  /// Places many anchors of one article. An edit usually shifts every passage after it
  /// by the same amount, so each shift found is tried first on the next anchors, before
  /// a search of the whole text.
  public func placeAll(_ anchors: [TextAnchor]) -> [Placement] {
    var placements = [Placement](repeating: .orphaned, count: anchors.count)
    var shifts: [Int] = []
    for index in anchors.indices.sorted(by: { anchors[$0].start < anchors[$1].start }) {
      let anchor = anchors[index]
      if let shift = shifts.first(where: { fitsPerfectly(anchor, shiftedBy: $0) }) {
        placements[index] = .moved(anchor.start + shift..<anchor.end + shift)
        continue
      }
      let placement = place(anchor)
      placements[index] = placement
      if let range = placement.range, range.lowerBound != anchor.start {
        shifts.removeAll { $0 == range.lowerBound - anchor.start }
        shifts.insert(range.lowerBound - anchor.start, at: 0)
        if shifts.count > 8 { shifts.removeLast() }
      }
    }
    return placements
  }

  /// Whether the quote and all its context are at the anchor's offsets plus `shift`.
  private func fitsPerfectly(_ anchor: TextAnchor, shiftedBy shift: Int) -> Bool {
    let quote = anchor.quote.scalarValues
    guard !quote.isEmpty, text.matches(quote, at: anchor.start + shift) else { return false }
    let start = anchor.start + shift
    return AnchorContext(anchor: anchor, text: text).score(at: start..<start + quote.count) == 1
  }

  /// The anchor of `anchor`'s passage in this text, as placed; nil when orphaned.
  public func anchor(_ anchor: TextAnchor, at placement: Placement) -> TextAnchor? {
    guard let range = placement.range else { return nil }
    return try? TextAnchor.make(in: text, range: range, textHash: textHash)
  }

  private func bestOccurrence(
    _ occurrences: [Int], length: Int, context: AnchorContext, near old: Int
  ) -> (range: Range<Int>, score: Double)? {
    var best: (range: Range<Int>, score: Double)?
    for offset in occurrences {
      let range = offset..<offset + length
      let score = context.score(at: range)
      guard let current = best else {
        best = (range, score)
        continue
      }
      if score > current.score
        || (score == current.score
          && abs(offset - old) < abs(current.range.lowerBound - old))
      {
        best = (range, score)
      }
    }
    return best
  }

  private func fuzzyPlacement(quote: [UInt32], context: AnchorContext, near old: Int)
    -> ApproximateMatch?
  {
    let matcher = ApproximateMatcher(text: text)
    let candidates = matcher.candidates(
      quote: quote, prefix: context.prefix, suffix: context.suffix, near: old)
    var best: ApproximateMatch?
    for start in candidates {
      guard let found = matcher.align(quote, near: start) else { continue }
      var ranges = [found.range]
      let snapped = snap(found.range, to: context, slack: quote.count / 2 + 8)
      if snapped != found.range { ranges.append(snapped) }
      for range in ranges {
        let similarity =
          range == found.range
          ? found.similarity : ApproximateMatcher.similarity(quote, text.values[range])
        let match = ApproximateMatch(
          range: range, similarity: similarity, context: context.score(at: range))
        guard match.isAcceptable(hasContext: context.hasContext) else { continue }
        if let current = best, !match.isBetter(than: current, near: old) { continue }
        best = match
      }
    }
    return best
  }

  /// `range` with its ends moved to where the anchor's prefix ends and its suffix starts,
  /// if they are found within `slack`: an edit distance alone prefers to swap a word at
  /// the edge of a passage over taking in a word inserted there.
  private func snap(_ range: Range<Int>, to context: AnchorContext, slack: Int) -> Range<Int> {
    let start =
      context.prefix.count >= Self.snapMatch
      ? bestEdge(near: range.lowerBound, slack: slack) {
        text.commonPrefixLength(context.prefix, endingAt: $0)
      } : range.lowerBound
    let end =
      context.suffix.count >= Self.snapMatch
      ? bestEdge(near: range.upperBound, slack: slack) {
        text.commonSuffixLength(context.suffix, startingAt: $0)
      } : range.upperBound
    return start < end ? start..<end : range
  }

  /// How much of the prefix or suffix must match for an edge to move.
  private static let snapMatch = 6

  /// The offset within `slack` of `edge` where `matched` is longest (at least
  /// `snapMatch`), the nearest to `edge` among equals; `edge` itself if none qualifies.
  private func bestEdge(near edge: Int, slack: Int, matched: (Int) -> Int) -> Int {
    var best = edge
    var bestLength = Self.snapMatch - 1
    for offset in max(0, edge - slack)...min(text.count, edge + slack) {
      let length = matched(offset)
      if length > bestLength
        || (length == bestLength && length >= Self.snapMatch
          && abs(offset - edge) < abs(best - edge))
      {
        bestLength = length
        best = offset
      }
    }
    return best
  }
}

/// An anchor's prefix and suffix, scored against a place in the text.
struct AnchorContext {
  let prefix: [UInt32]
  let suffix: [UInt32]
  let text: ScalarText

  init(anchor: TextAnchor, text: ScalarText) {
    prefix = anchor.prefix.scalarValues
    suffix = anchor.suffix.scalarValues
    self.text = text
  }

  var hasContext: Bool { !prefix.isEmpty || !suffix.isEmpty }

  /// The share of the context that the text around `range` repeats, 0...1 (1 when the
  /// anchor has no context, at the start or end of its text).
  func score(at range: Range<Int>) -> Double {
    guard hasContext else { return 1 }
    let before = text.commonPrefixLength(prefix, endingAt: range.lowerBound)
    let after = text.commonSuffixLength(suffix, startingAt: range.upperBound)
    return Double(before + after) / Double(prefix.count + suffix.count)
  }
}

/// A fuzzy candidate: where, how like the quote, how well its context fits.
struct ApproximateMatch {
  var range: Range<Int>
  var similarity: Double
  var context: Double

  func isAcceptable(hasContext: Bool) -> Bool {
    similarity >= Reanchorer.fuzzyThreshold
      || (hasContext && context >= 0.5 && similarity >= Reanchorer.fuzzyThresholdWithContext)
  }

  func isBetter(than other: ApproximateMatch, near old: Int) -> Bool {
    let mine = similarity + context / 2
    let theirs = other.similarity + other.context / 2
    if mine != theirs { return mine > theirs }
    return abs(range.lowerBound - old) < abs(other.range.lowerBound - old)
  }
}

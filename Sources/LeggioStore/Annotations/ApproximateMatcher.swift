import Foundation

/// Approximate search for a quote in a long text, in two steps.
///
/// 1. `candidates`: the quote with its context is cut into q-grams; one pass over the
///    text collects where each occurs; the rarest vote for where the quote would start,
///    and the best-supported starts become candidates. A 1.4 MB text costs one linear
///    scan with a bit filter in front of the hash lookups.
/// 2. `align`: in a window around a candidate, a semi-global edit distance (Sellers)
///    finds the passage most like the quote, with its boundaries.
struct ApproximateMatcher {
  let text: ScalarText

  /// How many places a q-gram may occur before it is too common to vote.
  static let commonGramLimit = 64
  /// How many candidate starts are aligned at most.
  static let candidateLimit = 4

  /// Likely start offsets of `quote`, best first; `near` (the old start) comes last.
  func candidates(quote: [UInt32], prefix: [UInt32], suffix: [UInt32], near old: Int) -> [Int] {
    let q = quote.count >= 16 ? 5 : 3
    let pattern = prefix + quote + suffix
    let quoteOffset = prefix.count
    guard pattern.count >= q, text.count >= q else { return [old] }

    // Each distinct gram of the pattern, with the offsets (relative to the quote's
    // start) where the pattern has it.
    var gramOffsets: [UInt64: [Int]] = [:]
    for index in 0...(pattern.count - q) {
      gramOffsets[Self.key(pattern, index, q), default: []].append(index - quoteOffset)
    }
    let positions = collectPositions(of: Set(gramOffsets.keys), q: q)

    let rare = positions.filter { !$0.value.isEmpty && $0.value.count <= Self.commonGramLimit }
      .sorted { $0.value.count < $1.value.count }
      .prefix(48)
    var votes: [(start: Int, weight: Double)] = []
    for (gram, places) in rare {
      let weight = 1 / Double(places.count)
      for place in places {
        for offset in gramOffsets[gram] ?? [] { votes.append((place - offset, weight)) }
      }
    }
    return Self.bestStarts(votes, tolerance: max(8, quote.count / 4), limit: Self.candidateLimit)
      + [old]
  }

  /// The passage around `start` most like `quote`, with its similarity (1 − edits / the
  /// longer length).
  func align(_ quote: [UInt32], near start: Int) -> (range: Range<Int>, similarity: Double)? {
    let slack = quote.count / 2 + 8
    let lower = min(max(0, start - slack), text.count)
    let upper = min(max(0, start + quote.count + slack), text.count)
    guard lower < upper else { return nil }
    let window = lower..<upper
    let (distance, range) = text.values[window].withUnsafeBufferPointer { haystack in
      quote.withUnsafeBufferPointer { needle in Self.sellers(needle, in: haystack) }
    }
    guard !range.isEmpty else { return nil }
    let similarity = max(0, 1 - Double(distance) / Double(max(quote.count, range.count)))
    return (range.lowerBound + window.lowerBound..<range.upperBound + window.lowerBound, similarity)
  }

  /// One pass over the text: the offsets where each of `grams` occurs (a gram seen more
  /// than `commonGramLimit` times keeps only that many).
  private func collectPositions(of grams: Set<UInt64>, q: Int) -> [UInt64: [Int]] {
    var filter = [UInt64](repeating: 0, count: 1024)  // 65,536 bits on the key's top bits
    for gram in grams {
      let bit = Int(gram >> 48)
      filter[bit >> 6] |= 1 << UInt64(bit & 63)
    }
    var positions: [UInt64: [Int]] = [:]
    let power = (1..<q).reduce(UInt64(1)) { power, _ in power &* Self.base }
    text.values.withUnsafeBufferPointer { values in
      guard values.count >= q else { return }
      var hash: UInt64 = 0
      for index in 0..<q { hash = hash &* Self.base &+ UInt64(values[index]) }
      var index = 0
      while true {
        let mixed = Self.mix(hash)
        let bit = Int(mixed >> 48)
        if filter[bit >> 6] & (1 << UInt64(bit & 63)) != 0, grams.contains(mixed) {
          if positions[mixed, default: []].count <= Self.commonGramLimit {
            positions[mixed, default: []].append(index)
          }
        }
        let next = index + q
        guard next < values.count else { break }
        hash = (hash &- UInt64(values[index]) &* power) &* Self.base &+ UInt64(values[next])
        index += 1
      }
    }
    return positions
  }

  private static let base: UInt64 = 1_000_003

  /// The key of the q-gram at `index` of `values`, the same as the rolling hash gives.
  private static func key(_ values: [UInt32], _ index: Int, _ q: Int) -> UInt64 {
    var hash: UInt64 = 0
    for offset in 0..<q { hash = hash &* base &+ UInt64(values[index + offset]) }
    return mix(hash)
  }

  /// Spreads a polynomial hash over all 64 bits (splitmix64's finaliser).
  private static func mix(_ value: UInt64) -> UInt64 {
    var z = value &+ 0x9E37_79B9_7F4A_7C15
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// Groups votes whose starts lie within `tolerance` of each other and returns the
  /// heaviest groups' most voted starts.
  private static func bestStarts(
    _ votes: [(start: Int, weight: Double)], tolerance: Int, limit: Int
  ) -> [Int] {
    let sorted = votes.sorted { $0.start < $1.start }
    var groups: [(start: Int, weight: Double)] = []
    var index = 0
    while index < sorted.count {
      var end = index
      var weight = 0.0
      var tally: [Int: Double] = [:]
      while end < sorted.count, sorted[end].start - sorted[index].start <= tolerance {
        weight += sorted[end].weight
        tally[sorted[end].start, default: 0] += sorted[end].weight
        end += 1
      }
      let mode = tally.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }
      groups.append((mode?.key ?? sorted[index].start, weight))
      index = end
    }
    return groups.sorted { $0.weight > $1.weight }.prefix(limit).map(\.start)
  }

  /// Sellers' semi-global edit distance: the cheapest alignment of all of `needle`
  /// with any substring of `haystack`, and that substring's range.
  static func sellers(
    _ needle: UnsafeBufferPointer<UInt32>, in haystack: UnsafeBufferPointer<UInt32>
  ) -> (distance: Int, range: Range<Int>) {
    let width = haystack.count + 1
    var cost = [Int32](repeating: 0, count: width)
    var origin = Array(Int32(0)..<Int32(width))
    var nextCost = cost
    var nextOrigin = origin
    for row in 1...needle.count {
      let scalar = needle[row - 1]
      nextCost[0] = Int32(row)
      nextOrigin[0] = 0
      for column in 1..<width {
        var best = cost[column - 1] + (haystack[column - 1] == scalar ? 0 : 1)
        var from = origin[column - 1]
        if cost[column] + 1 < best {
          best = cost[column] + 1
          from = origin[column]
        }
        if nextCost[column - 1] + 1 < best {
          best = nextCost[column - 1] + 1
          from = nextOrigin[column - 1]
        }
        nextCost[column] = best
        nextOrigin[column] = from
      }
      swap(&cost, &nextCost)
      swap(&origin, &nextOrigin)
    }
    var bestColumn = 0
    for column in 1..<width where cost[column] < cost[bestColumn] { bestColumn = column }
    return (Int(cost[bestColumn]), Int(origin[bestColumn])..<bestColumn)
  }

  /// 1 − the Levenshtein distance of `a` and `b` over the longer length, 0...1.
  static func similarity(_ a: [UInt32], _ b: ArraySlice<UInt32>) -> Double {
    let b = Array(b)
    guard !a.isEmpty, !b.isEmpty else { return a.isEmpty && b.isEmpty ? 1 : 0 }
    var previous = Array(0...b.count)
    var current = previous
    for row in 1...a.count {
      current[0] = row
      for column in 1...b.count {
        let substitution = previous[column - 1] + (a[row - 1] == b[column - 1] ? 0 : 1)
        current[column] = min(substitution, previous[column] + 1, current[column - 1] + 1)
      }
      swap(&previous, &current)
    }
    return max(0, 1 - Double(previous[b.count]) / Double(max(a.count, b.count)))
  }
}

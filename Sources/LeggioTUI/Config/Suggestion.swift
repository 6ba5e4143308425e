/// The closest of some names to a misspelt one, for "did you mean" hints.
enum Suggestion {
  static func closest(to name: String, among candidates: [String]) -> String? {
    let target = Array(name.lowercased())
    let scored = candidates.map { ($0, distance(target, Array($0.lowercased()))) }
    guard let best = scored.min(by: { $0.1 < $1.1 }) else { return nil }
    return best.1 <= max(2, target.count / 3) ? best.0 : nil
  }

  /// Levenshtein distance.
  private static func distance(_ a: [Character], _ b: [Character]) -> Int {
    if a.isEmpty { return b.count }
    var previous = Array(0...b.count)
    for (i, x) in a.enumerated() {
      var current = [i + 1]
      for (j, y) in b.enumerated() {
        current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1)))
      }
      previous = current
    }
    return previous[b.count]
  }

  /// ` (did you mean "x"?)` or nothing.
  static func hint(for name: String, among candidates: [String]) -> String {
    closest(to: name, among: candidates).map { " (did you mean \"\($0)\"?)" } ?? ""
  }
}

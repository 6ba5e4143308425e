import Testing

@testable import LeggioModel

/// `ConcurrentSlices.joined(counts:)` writes each part in its place: the array is the
/// parts one after another, whatever their lengths (empty ones too), on one thread or many.
@Suite struct ConcurrentSlicesJoinedTests {
  /// Part `index` as its own array: strings, so that a part written twice, missed or
  /// written over would show (and leak or crash under the sanitizers).
  static func part(_ index: Int, count: Int) -> [String] {
    (0..<count).map { "part \(index) line \($0) " + String(repeating: "x", count: $0 % 40) }
  }

  func joined(_ counts: [Int]) -> [String] {
    ConcurrentSlices.joined(counts: counts) { index, buffer in
      let part = Self.part(index, count: counts[index])
      #expect(buffer.count == part.count)
      _ = buffer.initialize(from: part)
    }
  }

  @Test func partsOfKnownLengthsAreJoinedInOrderOnEveryCore() {
    // Long enough to be written on every core, with empty parts among them.
    let counts = [5_000, 0, 12_345, 1, 0, 7_000, 3]
    let expected = counts.indices.flatMap { Self.part($0, count: counts[$0]) }
    #expect(joined(counts) == expected)
  }

  @Test func shortOrEmptyPartsAreJoinedOnOneThread() {
    #expect(joined([]) == [])
    #expect(joined([0, 0]) == [])
    #expect(joined([3]) == Self.part(0, count: 3))
    #expect(joined([2, 0, 1]) == Self.part(0, count: 2) + Self.part(2, count: 1))
  }
}

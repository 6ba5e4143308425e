import Foundation

/// A text as an array of Unicode scalar values, so that scalar offsets (the unit of
/// every position in Leggio) index it in constant time. Anchoring and re-anchoring
/// convert a text once and then compare, search and slice it by offset.
public struct ScalarText: Hashable, Sendable {
  public let values: [UInt32]

  public init(_ text: String) {
    values = text.unicodeScalars.map(\.value)
  }

  init(values: [UInt32]) {
    self.values = values
  }

  public var count: Int { values.count }

  /// The text between two offsets, clamped to the text.
  public func string(_ range: Range<Int>) -> String {
    let clamped = range.clamped(to: 0..<values.count)
    var scalars = String.UnicodeScalarView()
    scalars.reserveCapacity(clamped.count)
    for value in values[clamped] {
      if let scalar = Unicode.Scalar(value) { scalars.append(scalar) }
    }
    return String(scalars)
  }

  /// Whether `pattern` occurs at `offset`.
  func matches(_ pattern: [UInt32], at offset: Int) -> Bool {
    guard offset >= 0, offset + pattern.count <= values.count else { return false }
    return values.withUnsafeBufferPointer { text in
      for index in 0..<pattern.count where text[offset + index] != pattern[index] {
        return false
      }
      return true
    }
  }

  /// Every offset where `pattern` occurs (overlapping occurrences included). The scan
  /// looks for the pattern's scalar at `pivot` (best its rarest) and checks the rest.
  func occurrences(of pattern: [UInt32], pivot: Int = 0) -> [Int] {
    guard !pattern.isEmpty, pattern.count <= values.count, pattern.indices.contains(pivot)
    else { return [] }
    let key = pattern[pivot]
    var found: [Int] = []
    values.withUnsafeBufferPointer { text in
      pattern.withUnsafeBufferPointer { pattern in
        let last = text.count - pattern.count + pivot
        var index = pivot
        while index <= last {
          if text[index] == key {
            let start = index - pivot
            var offset = 0
            while offset < pattern.count, text[start + offset] == pattern[offset] { offset += 1 }
            if offset == pattern.count { found.append(start) }
          }
          index += 1
        }
      }
    }
    return found
  }

  /// How often each scalar of the Basic Multilingual Plane occurs (others count as rare).
  func scalarFrequencies() -> [UInt32] {
    var counts = [UInt32](repeating: 0, count: 0x1_0000)
    counts.withUnsafeMutableBufferPointer { counts in
      for value in values where value < 0x1_0000 { counts[Int(value)] &+= 1 }
    }
    return counts
  }

  /// How many scalars just before `offset` equal the end of `prefix`.
  func commonPrefixLength(_ prefix: [UInt32], endingAt offset: Int) -> Int {
    var length = 0
    while length < prefix.count, offset - length - 1 >= 0, offset - length - 1 < values.count,
      values[offset - length - 1] == prefix[prefix.count - length - 1]
    {
      length += 1
    }
    return length
  }

  /// How many scalars from `offset` on equal the start of `suffix`.
  func commonSuffixLength(_ suffix: [UInt32], startingAt offset: Int) -> Int {
    var length = 0
    while length < suffix.count, offset + length >= 0, offset + length < values.count,
      values[offset + length] == suffix[length]
    {
      length += 1
    }
    return length
  }
}

extension String {
  /// This string's Unicode scalar values.
  var scalarValues: [UInt32] { unicodeScalars.map(\.value) }
}

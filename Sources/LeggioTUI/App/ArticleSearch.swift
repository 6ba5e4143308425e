import Foundation
import LeggioModel

/// Finding a phrase in an article's canonical text, ignoring case and diacritics
/// (`perche` finds `Perché`), with matches as canonical scalar offsets.
///
/// The folded copy of the text is built on the first search and kept, so the next
/// searches in a long novel cost one scan.
public final class ArticleSearch: @unchecked Sendable {
  public let canonical: CanonicalText
  private var folded: [Unicode.Scalar] = []
  /// For each folded scalar, the canonical offset of the scalar it came from.
  private var origin: [Int32] = []
  /// For each folded scalar, the canonical offset after its source and any combining
  /// marks that folded away after it (so a match covers `e` + U+0301 whole).
  private var originEnd: [Int32] = []
  private var isBuilt = false
  private let lock = NSLock()

  public init(_ canonical: CanonicalText) {
    self.canonical = canonical
  }

  /// Every match of `query`, in text order, as canonical scalar ranges.
  public func matches(of query: String) -> [Range<Int>] {
    let needle = Array(Self.fold(query).unicodeScalars)
    guard !needle.isEmpty else { return [] }
    lock.lock()
    defer { lock.unlock() }
    build()
    var result: [Range<Int>] = []
    let first = needle[0]
    let last = folded.count - needle.count
    var i = 0
    while i <= last {
      if folded[i] == first && matchesAt(i, needle) {
        let start = Int(origin[i])
        let end = Int(originEnd[i + needle.count - 1])
        result.append(start..<end)
        i += needle.count
      } else {
        i += 1
      }
    }
    return result
  }

  private func matchesAt(_ index: Int, _ needle: [Unicode.Scalar]) -> Bool {
    for j in 1..<needle.count where folded[index + j] != needle[j] { return false }
    return true
  }

  private func build() {
    guard !isBuilt else { return }
    isBuilt = true
    folded.reserveCapacity(canonical.scalarCount)
    origin.reserveCapacity(canonical.scalarCount)
    var cache: [Unicode.Scalar: [Unicode.Scalar]] = [:]
    originEnd.reserveCapacity(canonical.scalarCount)
    var offset: Int32 = 0
    for scalar in canonical.text.unicodeScalars {
      offset += 1
      let value = scalar.value
      if value < 0x80 {
        // ASCII, nearly all of most texts: lower-case in place.
        let lowered = value >= 0x41 && value <= 0x5A ? value + 32 : value
        folded.append(value == 0x0A || value == 0x09 ? " " : Unicode.Scalar(UInt8(lowered)))
        origin.append(offset - 1)
        originEnd.append(offset)
        continue
      }
      let replacement = Self.fold(scalar, cache: &cache)
      if replacement.isEmpty, !originEnd.isEmpty {
        originEnd[originEnd.count - 1] = offset
      }
      for folded in replacement {
        self.folded.append(folded)
        origin.append(offset - 1)
        originEnd.append(offset)
      }
    }
  }

  /// `text` lower-cased without diacritics, whitespace runs as one space.
  public static func fold(_ text: String) -> String {
    var cache: [Unicode.Scalar: [Unicode.Scalar]] = [:]
    var view = String.UnicodeScalarView()
    for scalar in text.unicodeScalars { view.append(contentsOf: fold(scalar, cache: &cache)) }
    return String(view)
  }

  private static func fold(
    _ scalar: Unicode.Scalar, cache: inout [Unicode.Scalar: [Unicode.Scalar]]
  ) -> [Unicode.Scalar] {
    let value = scalar.value
    if value < 0x80 {
      if value >= 0x41 && value <= 0x5A { return [Unicode.Scalar(value + 32)!] }
      if value == 0x0A || value == 0x09 { return [" "] }
      return [scalar]
    }
    if (0x300...0x36F).contains(value) { return [] }
    if let known = cache[scalar] { return known }
    let result = Array(
      String(scalar).folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        .unicodeScalars)
    cache[scalar] = result
    return result
  }
}

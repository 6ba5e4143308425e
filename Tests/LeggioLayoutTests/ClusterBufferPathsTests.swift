import Testing

@testable import LeggioLayout

/// A text with a few characters the fast path does not know is cut into the clusters
/// the `Character` walk makes of the whole text: only the stretches around those
/// characters take the slow path.
@Suite struct ClusterBufferPathsTests {
  /// The buffer the fast path (with slow stretches) makes, and the one the slow path
  /// alone makes, for `text` appended after `before`.
  static func both(_ text: String, after before: String = "") -> (ClusterBuffer, ClusterBuffer) {
    var mixed = ClusterBuffer()
    var slow = ClusterBuffer()
    for (index, piece) in [before, text].enumerated() where !piece.isEmpty {
      let segment = Segment(role: .text, isSource: index == 1)
      mixed.append(piece, segment)
      slow.appendCharacters(piece, isSource: segment.isSource)
    }
    return (mixed, slow)
  }

  static func agree(_ mixed: ClusterBuffer, _ slow: ClusterBuffer) -> Bool {
    mixed.widths == slow.widths && mixed.classes == slow.classes
      && mixed.byteStarts == slow.byteStarts && mixed.offsets == slow.offsets
      && mixed.bytes == slow.bytes
  }

  @Test(arguments: [
    "a ⸻ b", "⸻", "x\u{200A}y", "e\u{301}", "cafe\u{301} au lait", "a\u{200D}b", "©\u{200D}©",
    "\u{600}5 euro", "日本 語", "tab\there", "🙂🏽 ok", "end⸻", "⸻start", "a\u{301}\u{302}b",
    "\u{1F1EE}\u{1F1F9}\u{1F1EE}\u{1F1F9} it", "x\r\ny", "soft\u{AD}hyphen",
  ])
  func oddCharactersInLatinTextGiveTheSlowPathsClusters(_ text: String) {
    let (mixed, slow) = Self.both(text, after: "Quel ramo ")
    #expect(Self.agree(mixed, slow), "\(Array(text.unicodeScalars))")
    let (alone, slowAlone) = Self.both(text)
    #expect(Self.agree(alone, slowAlone), "\(Array(text.unicodeScalars))")
  }

  @Test func randomMixturesGiveTheSlowPathsClusters() {
    let pieces = [
      "a", "bc", " ", "è", "’", "—", "\n", "\u{301}", "\u{200D}", "\u{600}", "⸻", "\u{200A}",
      "日", "🙂", "\u{1F3FD}", "©", "\u{AD}", "\t", "\u{1F1EE}", "x",
    ]
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<3_000 {
      let count = Int.random(in: 0...16, using: &generator)
      let text = (0..<count).map { _ in pieces.randomElement(using: &generator)! }.joined()
      let (mixed, slow) = Self.both(text, after: "ab")
      #expect(Self.agree(mixed, slow), "\(Array(text.unicodeScalars))")
    }
  }

  @Test func aNovelsParagraphsGetTheSlowPathsClustersFromTheEightByteLoop() {
    // Runs of printable ASCII broken by accented letters, apostrophes, guillemets and
    // dashes at every distance from the eight-byte steps.
    for block in Fixtures.promessiSposi.blocks.prefix(300) {
      let text = block.inlines.map(\.text).joined()
      let (mixed, slow) = Self.both(text, after: "Capitolo ")
      #expect(Self.agree(mixed, slow), "\(text.prefix(60))")
    }
  }

  @Test func theEightByteTestPassesExactlyWordsOfPrintableASCII() {
    let bytes: [UInt8] = [0x00, 0x09, 0x0A, 0x1F, 0x20, 0x21, 0x61, 0x7E, 0x7F, 0x80, 0xC3, 0xFF]
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<20_000 {
      let word = (0..<8).map { _ in
        Bool.random(using: &generator)
          ? UInt8.random(in: 0x20...0x7E, using: &generator)
          : bytes.randomElement(using: &generator)!
      }
      let packed = word.enumerated().reduce(UInt64(0)) {
        $0 | UInt64($1.element) << (8 * $1.offset)
      }
      #expect(
        ClusterBuffer.allPrintableASCII(packed) == word.allSatisfy { (0x20...0x7E).contains($0) },
        "\(word)")
    }
  }

  /// The clusters of `buffer` that are not `.normal`, found one by one.
  static func specialClusters(_ buffer: ClusterBuffer) -> [Int32] {
    buffer.classes.indices.filter { buffer.classes[$0] != .normal }.map { Int32($0) }
  }

  @Test func aUniformBufferListsExactlyItsClustersThatAreNotNormal() {
    // Every printable ASCII byte, Latin letters and the punctuation the fast path knows, in
    // runs of every length around the eight-byte steps, over several segments.
    let ascii = (0x20..<0x7F).map { String(UnicodeScalar(UInt8($0))) }
    let pieces = ascii + ["è", "É", "’", "—", "«", "»", "…", "\n", "abcdefgh", "ij klmno"]
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<2_000 {
      var buffer = ClusterBuffer()
      for segment in 0..<Int.random(in: 1...3, using: &generator) {
        let count = Int.random(in: 0...40, using: &generator)
        let text = (0..<count).map { _ in pieces.randomElement(using: &generator)! }.joined()
        buffer.append(text, Segment(role: .text, isSource: segment != 1))
      }
      #expect(buffer.uniform)
      #expect(Array(buffer.specials) == Self.specialClusters(buffer))
    }
    // A book's paragraphs, and a buffer reused for them one after another.
    let storage = ClusterStorage()
    for block in Fixtures.promessiSposi.blocks.prefix(400) {
      var buffer = storage.take(capacity: 64)
      for inline in block.inlines {
        buffer.append(inline.text, Segment(role: .text, isSource: true))
      }
      if buffer.uniform { #expect(Array(buffer.specials) == Self.specialClusters(buffer)) }
      storage.recycle(text: buffer)
    }
  }

  @Test func simpleTextStaysUniformAndOneOddCharacterDoesNot() {
    var plain = ClusterBuffer()
    plain.append("Quel ramo del lago di Como", Segment(role: .text, isSource: true))
    #expect(plain.uniform)
    var odd = ClusterBuffer()
    odd.append("Quel ramo ⸻ del lago", Segment(role: .text, isSource: true))
    #expect(!odd.uniform)
    #expect(odd.count == "Quel ramo ⸻ del lago".count)
  }
}

import Testing
@testable import LeggioModel

@Suite struct CanonicalTextTests {
  @Test func blocksAreJoinedByABlankLineAndOffsetsCountScalars() {
    let document = Document(blocks: [
      Block(.paragraph, text: "Perché «sì»"),
      Block(.rule, []),
      Block(.paragraph, text: "fine"),
    ])
    let canonical = CanonicalText(document)
    #expect(canonical.text == "Perché «sì»\n\n\n\nfine")
    #expect(canonical.blockStarts == [0, 13, 15])
    #expect(canonical.range(ofBlock: 0) == 0..<11)
    #expect(canonical.range(ofBlock: 2) == 15..<19)
    #expect(canonical.substring(7..<11) == "«sì»")
    #expect(canonical.blockIndex(containing: 16) == 2)
  }

  @Test func runsOfEveryLengthAndScriptGiveTheJoinedTextAndItsScalarCount() {
    // Runs whose multi-byte scalars fall on either side of each 8-byte word, empty runs and
    // blocks, and a block of several runs.
    let pieces = ["", "a", "è", "日本", "😀", "«Sì»", "abcdefg", "abcdefgh", "abcdefghé", "e\u{301}"]
    var blocks: [Block] = []
    for (index, piece) in pieces.enumerated() {
      let other = pieces[(index * 7 + 3) % pieces.count]
      blocks.append(
        Block(.paragraph, [Inline(piece), Inline(String(repeating: other, count: index))]))
      if index % 3 == 0 { blocks.append(Block(.rule, [])) }
    }
    let canonical = CanonicalText(Document(blocks: blocks))
    let texts = blocks.map { $0.inlines.map(\.text).joined() }
    #expect(canonical.text == texts.joined(separator: "\n\n"))
    #expect(canonical.scalarCount == canonical.text.unicodeScalars.count)
    var start = 0
    for (index, text) in texts.enumerated() {
      #expect(canonical.blockStarts[index] == start)
      start += text.unicodeScalars.count + 2
    }
    #expect(CanonicalText(Document()).text.isEmpty)
    #expect(CanonicalText(Document()).blockStarts.isEmpty)
  }
}

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
}

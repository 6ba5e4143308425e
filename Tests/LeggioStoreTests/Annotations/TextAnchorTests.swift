import Testing

@testable import LeggioStore

@Suite struct TextAnchorTests {
  @Test func anchorKeepsTheQuoteAndThirtyTwoScalarsOfContext() throws {
    let text = try AnnotationFixtures.referenceArticle()
    let range = try #require(AnnotationFixtures.range(of: "tenere Putin per mano", in: text))
    let anchor = try TextAnchor.make(in: text, range: range, textHash: "v1")
    #expect(anchor.start == range.lowerBound)
    #expect(anchor.end == range.upperBound)
    #expect(anchor.quote == "tenere Putin per mano")
    #expect(anchor.prefix.unicodeScalars.count == 32)
    #expect(anchor.prefix.hasSuffix("ribadito di essere pronto a «"))
    #expect(anchor.suffix.unicodeScalars.count == 32)
    #expect(anchor.suffix.hasPrefix("», così da costruire"))
    #expect(anchor.textHash == "v1")
  }

  @Test func contextIsShorterAtTheEdgesOfTheText() throws {
    let anchor = try TextAnchor.make(in: "Perché «sì» e no", range: 0..<6, textHash: "h")
    #expect(anchor.quote == "Perché")
    #expect(anchor.prefix == "")
    #expect(anchor.suffix == " «sì» e no")
  }

  @Test func anchorOutsideTheTextIsRefusedWithTheTextLength() {
    #expect(throws: AnnotationError.rangeOutsideText(range: 3..<12, length: 10)) {
      try TextAnchor.make(in: "0123456789", range: 3..<12, textHash: "h")
    }
    #expect(throws: AnnotationError.self) {
      try TextAnchor.make(in: "0123456789", range: 4..<4, textHash: "h")
    }
  }

  @Test func bookmarkAnchorsTheWordsAtItsOffsetWithinTheBlock() throws {
    let text = "Titolo\n\nVladimir Putin e Kim Jong-un. Kim Jong-un e Vladimir Putin."
    let anchor = try TextAnchor.bookmark(in: text, at: 0, textHash: "h")
    #expect(anchor.quote == "Titolo")
    let second = try TextAnchor.bookmark(in: text, at: 8, textHash: "h")
    #expect(second.start == 8)
    #expect(second.quote == "Vladimir Putin e Kim Jong-un.")
  }
}

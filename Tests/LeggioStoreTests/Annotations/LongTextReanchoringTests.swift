import Testing

@testable import LeggioStore

/// Re-anchoring in I promessi sposi (1.4 MB): the q-gram filter keeps these quick.
@Suite struct LongTextReanchoringTests {
  typealias F = AnnotationFixtures
  func anchorNearTheEnd(_ text: String) throws -> TextAnchor {
    // A passage far into the novel, so that an edit at its start shifts it.
    let quote = "sentiva le nuove del terribile passaggio, le quali"
    let range = try #require(F.range(of: quote, in: text))
    return try TextAnchor.make(in: text, range: range, textHash: "v1")
  }

  @Test func passageFarIntoTheNovelMovesAfterAnEditAtItsStart() throws {
    let text = try F.promessiSposi()
    let anchor = try anchorNearTheEnd(text)
    let edited = F.replacing(100..<100, in: text, with: "Nota dell'editore. ")
    #expect(Reanchorer.place(anchor, in: edited) == .moved(anchor.start + 19..<anchor.end + 19))
  }

  @Test func passageRewordedInTheNovelIsFoundFuzzily() throws {
    let text = try F.promessiSposi()
    let anchor = try anchorNearTheEnd(text)
    var quote = Array(anchor.quote)
    quote.replaceSubrange(4..<10, with: Array("XYZ"))
    let edited = F.replacing(anchor.range, in: text, with: String(quote))
    let placement = Reanchorer.place(anchor, in: edited)
    #expect(placement.name == "fuzzy")
    #expect(placement.range == anchor.start..<anchor.end - 3)
  }

  @Test func passageDeletedFromTheNovelIsOrphaned() throws {
    let text = try F.promessiSposi()
    let anchor = try anchorNearTheEnd(text)
    let paragraphStart = max(0, anchor.start - 400)
    let edited = F.replacing(paragraphStart..<anchor.end + 400, in: text, with: "")
    #expect(Reanchorer.place(anchor, in: edited) == .orphaned)
  }

  @Test func longPassageWithASentenceInsertedIntoItIsFoundWhole() throws {
    let text = try F.promessiSposi()
    let short = try anchorNearTheEnd(text)
    // About 600 scalars, a paragraph-long highlight.
    let range = short.start - 300..<short.end + 250
    let anchor = try TextAnchor.make(in: text, range: range, textHash: "v1")
    let middle = short.start
    let inserted = " (e qui il narratore si dilunga parecchio) "
    let edited = F.replacing(middle..<middle, in: text, with: inserted)
    let placement = Reanchorer.place(anchor, in: edited)
    #expect(placement.name == "fuzzy")
    #expect(placement.range == range.lowerBound..<range.upperBound + inserted.unicodeScalars.count)
  }
}

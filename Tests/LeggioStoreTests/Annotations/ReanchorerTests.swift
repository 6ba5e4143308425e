import Testing

@testable import LeggioStore

@Suite struct ReanchorerTests {
  typealias F = AnnotationFixtures
  let passage = "tenere Putin per mano"

  /// The reference article and an anchor on the first `tenere Putin per mano`.
  func referenceAnchor() throws -> (text: String, anchor: TextAnchor) {
    let text = try F.referenceArticle()
    let range = try #require(F.range(of: passage, in: text))
    return (text, try TextAnchor.make(in: text, range: range, textHash: "v1"))
  }

  @Test func unchangedTextPlacesTheAnchorExactly() throws {
    let (text, anchor) = try referenceAnchor()
    #expect(Reanchorer.place(anchor, in: text) == .exact(anchor.range))
  }

  @Test func editBeforeThePassageMovesItByTheEditsLength() throws {
    let (text, anchor) = try referenceAnchor()
    let inserted = "Aggiornamento: la notizia è stata corretta. "
    let edited = F.replacing(10..<10, in: text, with: inserted)
    let shift = inserted.unicodeScalars.count
    #expect(
      Reanchorer.place(anchor, in: edited) == .moved(anchor.start + shift..<anchor.end + shift))
  }

  @Test func editInsideThePassageFindsItFuzzily() throws {
    let (text, anchor) = try referenceAnchor()
    let edited = F.replacing(anchor.range, in: text, with: "tenere Vladimir Putin per mano")
    let placement = Reanchorer.place(anchor, in: edited)
    guard case .fuzzy(let range, let score) = placement else {
      Issue.record("expected a fuzzy placement, got \(placement)")
      return
    }
    #expect(F.substring(range, of: edited) == "tenere Vladimir Putin per mano")
    #expect(score > 0.5 && score < 1)
  }

  @Test func deletingThePassageOrphansIt() throws {
    let (text, anchor) = try referenceAnchor()
    // Both copies of the paragraph lose the sentence around the passage.
    let sentence =
      "A giugno, in occasione della festa nazionale russa, Kim Jong-un aveva ribadito di "
      + "essere pronto a «tenere Putin per mano», così da costruire, insieme, «un Paese potente». "
    var edited = text
    while let range = F.range(of: sentence, in: edited) {
      edited = F.replacing(range, in: edited, with: "")
    }
    #expect(F.range(of: sentence, in: edited) == nil)
    #expect(Reanchorer.place(anchor, in: edited) == .orphaned)
  }

  @Test func amongIdenticalOccurrencesTheNearestToTheOldPlaceWins() throws {
    // The article's first paragraph repeated at its end: the passage occurs twice with
    // the same context, so only the distance to the old position can tell them apart.
    let article = try F.referenceArticle()
    let paragraph = try #require(
      article.split(separator: "\n").first { $0.contains(passage) })
    let text = article + "\n\n" + paragraph
    let second = try #require(F.range(of: passage, in: text, occurrence: 2))
    let anchor = try TextAnchor.make(in: text, range: second, textHash: "v1")
    let edited = F.replacing(0..<0, in: text, with: "Breve premessa.\n\n")
    let shifted = second.lowerBound + 17..<second.upperBound + 17
    #expect(Reanchorer.place(anchor, in: edited) == .moved(shifted))
  }

  @Test func amongSeveralOccurrencesTheOneInItsContextWins() throws {
    let text = "Il gatto nero dorme sul divano. Poi il cane bianco dorme sul divano. Fine."
    let range = try #require(F.range(of: "dorme sul divano", in: text, occurrence: 2))
    let anchor = try TextAnchor.make(in: text, range: range, textHash: "v1")
    // The first occurrence now sits exactly where the second was.
    let padding = String(repeating: "x", count: range.lowerBound - 14)
    let edited = padding + text
    let expected = try #require(F.range(of: "dorme sul divano", in: edited, occurrence: 2))
    #expect(
      F.range(of: "dorme sul divano", in: edited, occurrence: 1)?.lowerBound == range.lowerBound)
    #expect(Reanchorer.place(anchor, in: edited) == .moved(expected))
  }

  @Test func shortQuoteEditedInPlaceIsFoundByItsContext() throws {
    let text = "Tra Mosca e Pyongyang i rapporti migliorano; a Mosca si brinda, Mosca festeggia."
    let range = try #require(F.range(of: "Pyongyang", in: text))
    let anchor = try TextAnchor.make(in: text, range: range, textHash: "v1")
    let edited = F.replacing(range, in: text, with: "Pyongyáng")
    let placement = Reanchorer.place(anchor, in: edited)
    #expect(placement.name == "fuzzy")
    #expect(placement.range.map { F.substring($0, of: edited) } == "Pyongyáng")
  }

  @Test func reanchoredAnchorTakesTheNewTextsContextAndHash() throws {
    let (text, anchor) = try referenceAnchor()
    let edited = "Premessa. " + text
    let reanchorer = Reanchorer(text: edited, textHash: "v2")
    let placement = reanchorer.place(anchor)
    let moved = try #require(reanchorer.anchor(anchor, at: placement))
    #expect(moved.quote == passage)
    #expect(moved.start == anchor.start + 10)
    #expect(moved.textHash == "v2")
    #expect(reanchorer.anchor(anchor, at: .orphaned) == nil)
  }

  @Test func placingManyAnchorsAgreesWithPlacingEachAlone() throws {
    let text = try F.referenceArticle()
    let quotes = [
      "Relazioni strategiche", "storia d'amore", passage, "un Paese potente",
      "distruggere le pratiche arbitrarie", "aver gradito le promesse",
    ]
    let anchors = try quotes.map { quote in
      try TextAnchor.make(
        in: text, range: try #require(F.range(of: quote, in: text)), textHash: "v1")
    }
    var edited = F.replacing(30..<30, in: text, with: "Aggiornato alle 21. ")
    let gone = try #require(F.range(of: "un Paese potente", in: edited))
    edited = F.replacing(gone, in: edited, with: "")
    let reanchorer = Reanchorer(text: edited, textHash: "v2")
    let together = reanchorer.placeAll(anchors)
    #expect(together == anchors.map(reanchorer.place))
    #expect(together.map(\.name) == ["exact", "moved", "moved", "orphaned", "moved", "moved"])
  }
}

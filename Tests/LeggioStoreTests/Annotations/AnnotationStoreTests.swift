import Foundation
import GRDB
import Testing

@testable import LeggioStore

@Suite struct AnnotationStoreTests {
  typealias DB = AnnotationTestDatabase
  let text = "Vladimir Putin e Kim Jong-un. La «storia d'amore» tra i due leader va più che bene."

  @Test func addedHighlightIsListedWithItsArticleInReadingOrder() throws {
    let store = AnnotationStore(try DB.queue())
    let later = try store.add(DB.highlight("più che bene", in: text, article: "article-a"))
    let earlier = try store.add(DB.highlight("Kim Jong-un", in: text, article: "article-a"))
    try store.add(DB.highlight("Putin", in: text, article: "article-b"))
    #expect(later.id != nil)
    let listed = try store.annotations(articleUUID: "article-a")
    #expect(listed.map(\.uuid) == [earlier.uuid, later.uuid])
    #expect(listed[0] == earlier)
  }

  @Test func annotationOnAnArticleNotInTheLibraryIsRefused() throws {
    let store = AnnotationStore(try DB.queue())
    #expect(throws: AnnotationError.unknownArticle("missing")) {
      try store.add(DB.highlight("Putin", in: text, article: "missing"))
    }
  }

  @Test func addingTheSameAnnotationTwiceIsRefusedByItsId() throws {
    let store = AnnotationStore(try DB.queue())
    let highlight = try store.add(DB.highlight("Putin", in: text, article: "article-a"))
    #expect(throws: AnnotationError.alreadyExists(highlight.uuid)) { try store.add(highlight) }
  }

  @Test func noteOnAHighlightMakesItANoteAndClearingItMakesItAHighlightAgain() throws {
    let store = AnnotationStore(try DB.queue())
    let created = Date(timeIntervalSince1970: 1_700_000_000)
    let highlight = try store.add(
      DB.highlight("Putin", in: text, article: "article-a", createdAt: created))
    let noted = try store.editNote(highlight.uuid, note: "il più forte?")
    #expect(noted.kind == .note)
    #expect(noted.note == "il più forte?")
    #expect(noted.updatedAt > highlight.updatedAt)
    #expect(noted.createdAt == highlight.createdAt)
    #expect(try store.editNote(highlight.uuid, note: "").kind == .highlight)
  }

  @Test func recolouringAndTaggingChangeOnlyThoseFields() throws {
    let store = AnnotationStore(try DB.queue())
    let highlight = try store.add(DB.highlight("Putin", in: text, article: "article-a"))
    try store.recolor(highlight.uuid, to: try AnnotationColor.checked(4))
    let tagged = try store.setTags(highlight.uuid, ["russia", " russia", "corea", ""])
    #expect(tagged.color?.rawValue == 4)
    #expect(tagged.tags == ["russia", "corea"])
    #expect(tagged.anchor == highlight.anchor)
    #expect(try store.annotation(uuid: highlight.uuid) == tagged)
  }

  @Test func deleteLeavesATombstoneThatUndoBringsBack() throws {
    let store = AnnotationStore(try DB.queue())
    let highlight = try store.add(DB.highlight("Putin", in: text, article: "article-a"))
    let deleted = try store.delete(highlight.uuid)
    #expect(deleted.deletedAt != nil)
    #expect(try store.annotations(articleUUID: "article-a").isEmpty)
    #expect(try store.annotations(articleUUID: "article-a", includeDeleted: true).count == 1)
    let restored = try store.undoDelete(highlight.uuid)
    #expect(restored.deletedAt == nil)
    #expect(try store.annotations(articleUUID: "article-a").map(\.uuid) == [highlight.uuid])
  }

  @Test func changingAnUnknownAnnotationSaysWhichIdWasNotFound() throws {
    let store = AnnotationStore(try DB.queue())
    #expect(throws: AnnotationError.notFound("0190-nope")) {
      try store.delete("0190-nope")
    }
  }

  @Test func annotationIsFoundByItsNumberOrAnUnambiguousStartOfItsUUID() throws {
    let store = AnnotationStore(try DB.queue())
    var first = try DB.highlight("Putin", in: text, article: "article-a")
    first.uuid = "0190aaaa-0000-7000-8000-000000000001"
    var second = try DB.highlight("Kim", in: text, article: "article-a")
    second.uuid = "0190aaaa-0000-7000-8000-000000000002"
    first = try store.add(first)
    second = try store.add(second)
    #expect(try store.annotation(named: "\(second.id!)") == second)
    #expect(try store.annotation(named: "0190AAAA-0000-7000-8000-000000000001") == first)
    #expect(throws: AnnotationError.ambiguous("0190aaaa", matches: 2)) {
      try store.annotation(named: "0190aaaa")
    }
    #expect(throws: AnnotationError.notFound("0191")) { try store.annotation(named: "0191") }
  }
}

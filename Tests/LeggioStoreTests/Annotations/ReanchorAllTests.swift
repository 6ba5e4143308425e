import Foundation
import Testing

@testable import LeggioStore

@Suite struct ReanchorAllTests {
  typealias DB = AnnotationTestDatabase
  typealias F = AnnotationFixtures

  @Test func newVersionReplacesEachAnnotationAndKeepsTheOrphanListed() throws {
    let store = AnnotationStore(try DB.queue())
    let text = try F.referenceArticle()
    let passage = try store.add(
      DB.highlight(
        "tenere Putin per mano", in: text, article: "article-a", note: "alleati", color: 2))
    let opening = try store.add(
      DB.highlight("Relazioni strategiche", in: text, article: "article-a"))
    let doomed = try store.add(
      DB.highlight("non fanno altro che rafforzarsi", in: text, article: "article-a"))

    // A correction: a sentence inserted before the passage, another one removed.
    let removed = try #require(F.range(of: "non fanno altro che rafforzarsi", in: text))
    var edited = F.replacing(removed, in: text, with: "restano un mistero")
    let insertAt = try #require(F.range(of: "A giugno", in: edited)).lowerBound
    edited = F.replacing(insertAt..<insertAt, in: edited, with: "Lo scrive la Tass. ")

    let report = try store.reanchorAll(articleUUID: "article-a", newText: edited, newHash: "v2")
    #expect(report.exact == 1)
    #expect(report.moved == 1)
    #expect(report.orphaned == 1)

    let listed = try store.annotations(articleUUID: "article-a")
    let byUUID = Dictionary(uniqueKeysWithValues: listed.map { ($0.uuid, $0) })
    let moved = try #require(byUUID[passage.uuid])
    #expect(F.substring(moved.anchor.range, of: edited) == "tenere Putin per mano")
    #expect(moved.anchor.textHash == "v2")
    #expect(moved.note == "alleati")
    #expect(byUUID[opening.uuid]?.anchor.start == 0)
    let orphan = try #require(byUUID[doomed.uuid])
    #expect(orphan.isOrphaned)
    #expect(orphan.anchor == doomed.anchor)
    #expect(listed.last?.uuid == doomed.uuid)
    #expect(
      try store.annotations(AnnotationFilter(orphanedOnly: true)).map(\.uuid) == [doomed.uuid])
  }

  @Test func reanchoringTheSameVersionTwiceChangesNothing() throws {
    let store = AnnotationStore(try DB.queue())
    let text = try F.referenceArticle()
    try store.add(DB.highlight("tenere Putin per mano", in: text, article: "article-a"))
    let edited = "Premessa.\n\n" + text
    try store.reanchorAll(articleUUID: "article-a", newText: edited, newHash: "v2")
    let before = try store.annotations(articleUUID: "article-a")
    let again = try store.reanchorAll(articleUUID: "article-a", newText: edited, newHash: "v2")
    #expect(again.unchanged == 1 && again.total == 1)
    #expect(try store.annotations(articleUUID: "article-a") == before)
  }

  @Test func orphanComesBackWhenALaterVersionRestoresThePassage() throws {
    let store = AnnotationStore(try DB.queue())
    let text = try F.referenceArticle()
    let highlight = try store.add(
      DB.highlight("tenere Putin per mano", in: text, article: "article-a"))
    let without = F.replacing(highlight.anchor.range, in: text, with: "")
    try store.reanchorAll(articleUUID: "article-a", newText: without, newHash: "v2")
    #expect(try store.annotation(uuid: highlight.uuid)?.isOrphaned == true)
    try store.reanchorAll(articleUUID: "article-a", newText: text, newHash: "v3")
    let back = try #require(try store.annotation(uuid: highlight.uuid))
    #expect(!back.isOrphaned)
    #expect(back.anchor.range == highlight.anchor.range)
    #expect(back.anchor.textHash == "v3")
  }

  @Test func reanchoringInsideTheLibrarysImportRollsBackWithIt() throws {
    struct ImportFailed: Error {}
    let queue = try DB.queue()
    let store = AnnotationStore(queue)
    let text = try F.referenceArticle()
    let highlight = try store.add(
      DB.highlight("tenere Putin per mano", in: text, article: "article-a"))
    #expect(throws: ImportFailed.self) {
      try queue.write { db in
        let report = try AnnotationStore.reanchorAll(
          db, articleUUID: "article-a", newText: "Premessa. " + text, newHash: "v2")
        #expect(report.moved == 1)
        throw ImportFailed()
      }
    }
    #expect(try store.annotation(uuid: highlight.uuid) == highlight)
  }
}

import Foundation
import Testing

@testable import LeggioStore

@Suite struct NotebookQueryTests {
  typealias DB = AnnotationTestDatabase
  let text = "Vladimir Putin e Kim Jong-un. La «storia d'amore» tra i due leader va più che bene."

  /// Three annotations on two articles, a minute apart: b's note is the newest.
  func filledStore() throws -> (AnnotationStore, [Annotation]) {
    let store = AnnotationStore(try DB.queue())
    let start = Date(timeIntervalSince1970: 1_750_000_000)
    var made: [Annotation] = []
    made.append(
      try store.add(
        DB.highlight("Putin", in: text, article: "article-a", color: 2, createdAt: start)))
    made.append(
      try store.add(
        DB.highlight(
          "storia d'amore", in: text, article: "article-a", note: "ironia", color: 3,
          createdAt: start + 60)))
    made.append(
      try store.add(
        DB.highlight(
          "più che bene", in: text, article: "article-b", note: "Davvero? Non è così",
          color: 2, createdAt: start + 120)))
    try store.setTags(made[0].uuid, ["russia"])
    try store.setTags(made[2].uuid, ["russia", "dubbi"])
    return (store, made)
  }

  @Test func notebookListsNewestFirstGroupedByArticle() throws {
    let (store, made) = try filledStore()
    let groups = try store.notebook()
    #expect(groups.map(\.articleUUID) == ["article-b", "article-a"])
    #expect(groups[1].annotations.map(\.uuid) == [made[1].uuid, made[0].uuid])
  }

  @Test func searchFoldsDiacriticsAndCaseAndFindsUnfinishedWords() throws {
    let (store, made) = try filledStore()
    #expect(try store.annotations(AnnotationFilter(search: "PIU")).map(\.uuid) == [made[2].uuid])
    #expect(try store.annotations(AnnotationFilter(search: "cosi")).map(\.uuid) == [made[2].uuid])
    #expect(try store.annotations(AnnotationFilter(search: "iro")).map(\.uuid) == [made[1].uuid])
    #expect(try store.annotations(AnnotationFilter(search: "put")).map(\.uuid) == [made[0].uuid])
    #expect(try store.annotations(AnnotationFilter(search: "put ironia")).isEmpty)
    #expect(try store.annotations(AnnotationFilter(search: "\"")).count == 3)
  }

  @Test func searchSeesEditedNotesAndForgetsOldOnes() throws {
    let (store, made) = try filledStore()
    try store.editNote(made[1].uuid, note: "sarcasmo")
    #expect(try store.annotations(AnnotationFilter(search: "ironia")).isEmpty)
    #expect(try store.annotations(AnnotationFilter(search: "sarca")).map(\.uuid) == [made[1].uuid])
  }

  @Test func filtersByColourTagAndKindCombine() throws {
    let (store, made) = try filledStore()
    let green = Set([try AnnotationColor.checked(2)])
    #expect(
      try store.annotations(AnnotationFilter(colors: green)).map(\.uuid) == [
        made[2].uuid, made[0].uuid,
      ])
    #expect(try store.annotations(AnnotationFilter(tag: "dubbi")).map(\.uuid) == [made[2].uuid])
    #expect(
      try store.annotations(AnnotationFilter(colors: green, kinds: [.highlight])).map(\.uuid) == [
        made[0].uuid
      ])
    #expect(try store.allTags() == ["dubbi", "russia"])
  }

  @Test func deletedAnnotationsLeaveTheNotebookUnlessAsked() throws {
    let (store, made) = try filledStore()
    try store.delete(made[2].uuid)
    #expect(try store.notebook().map(\.articleUUID) == ["article-a"])
    #expect(try store.annotations(AnnotationFilter(includeDeleted: true)).count == 3)
  }
}

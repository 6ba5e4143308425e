import Foundation
import Testing

@testable import LeggioStore
import LeggioTestSupport

@Suite struct AnnotationRoundTripTests {
  typealias DB = AnnotationTestDatabase

  /// The annotations without their local numbers, which each library assigns itself.
  func portable(_ annotations: [Annotation]) -> [Annotation] {
    annotations.map {
      var copy = $0; copy.id = nil; return copy
    }.sorted { $0.uuid < $1.uuid }
  }

  /// Stores the sample annotations, exports them in `format`, imports them into a fresh
  /// library and returns what each library holds.
  func roundTrip(_ format: AnnotationExportFormat) throws -> (
    before: [Annotation], after: [Annotation]
  ) {
    let article = try AnnotationExportTests.annotatedArticle()
    let source = AnnotationStore(try DB.queue(articles: [article.uuid]))
    for annotation in article.annotations { try source.add(annotation) }
    var exported = article
    exported.annotations = try source.annotations(articleUUID: article.uuid)
    let data = try AnnotationExporter().export([exported], as: format)

    let target = AnnotationStore(try DB.queue(articles: [article.uuid]))
    let imported = try AnnotationImporter().read(data, source: "export.\(format.fileExtension)")
    #expect(imported.skipped.isEmpty)
    let report = try target.merge(imported.annotations)
    #expect(report.inserted == 3)
    #expect(report.articleUUIDs == [article.uuid])
    return (try source.annotations(), try target.annotations())
  }

  @Test func leggioJSONRoundTripLosesNothing() throws {
    let (before, after) = try roundTrip(.json)
    #expect(portable(after) == portable(before))
  }

  @Test func w3cRoundTripLosesNothing() throws {
    let (before, after) = try roundTrip(.w3c)
    #expect(portable(after) == portable(before))
  }

  @Test func annotationsJSONOutputImportsBack() throws {
    let article = try AnnotationExportTests.annotatedArticle()
    let data = try AnnotationJSON.encode(article.annotations)
    let imported = try AnnotationImporter().read(data, source: "annotations.json")
    #expect(imported.format == .leggioJSON)
    #expect(portable(imported.annotations) == portable(article.annotations))
  }

  @Test func importingTheSameFileTwiceChangesNothingAndANewerEditWins() throws {
    let article = try AnnotationExportTests.annotatedArticle()
    let store = AnnotationStore(try DB.queue(articles: [article.uuid]))
    let data = try AnnotationExporter().json([article])
    let annotations = try AnnotationImporter().read(data, source: "a.json").annotations
    try store.merge(annotations)
    let again = try store.merge(annotations)
    #expect(again.inserted == 0 && again.updated == 0 && again.unchanged == 3)

    var newer = annotations[1]
    newer.note = "Corretto altrove"
    newer.updatedAt = newer.updatedAt + 60
    var older = annotations[2]
    older.note = "vecchia versione"
    older.updatedAt = older.updatedAt - 60
    let report = try store.merge([newer, older])
    #expect(report.updated == 1 && report.unchanged == 1)
    #expect(try store.annotation(uuid: newer.uuid)?.note == "Corretto altrove")
    #expect(try store.annotation(uuid: older.uuid)?.note == "")
  }

  @Test func annotationsOfArticlesNotInTheLibraryAreSkippedWithAReason() throws {
    let article = try AnnotationExportTests.annotatedArticle()
    let store = AnnotationStore(try DB.queue(articles: ["another"]))
    let report = try store.merge(article.annotations)
    #expect(report.inserted == 0)
    #expect(report.skipped.count == 3)
    #expect(report.skipped[0].contains("import the article first"))
  }
}

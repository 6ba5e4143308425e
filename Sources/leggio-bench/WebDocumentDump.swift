import Foundation
import LeggioImport
import LeggioModel
import LeggioTestSupport

/// `LEGGIO_BENCH_DUMP_DOCUMENTS=FOLDER leggio-bench web`: every page's whole import
/// (metadata, warnings and document, as sorted JSON) as `FOLDER/SET/PAGE.json`, so that
/// two builds can be diffed page for page: a speed change must leave them identical.
enum WebDocumentDump {
  struct Entry: Encodable {
    var metadata: ArticleMetadata?
    var warnings: [String]
    var document: Document?
    var liftedLead: Bool
    var error: String?
  }

  static func write(_ sets: [(name: String, pages: [ExtractionBenchmarks.Page])], into folder: URL)
  {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
    for (name, pages) in sets {
      let setFolder = folder.appendingPathComponent(name)
      try? FileManager.default.createDirectory(at: setFolder, withIntermediateDirectories: true)
      for page in pages {
        let entry: Entry
        do {
          let (article, lifted) = try WebPageImporter.importHTMLLiftingLead(
            data: page.data, url: page.url)
          entry = Entry(
            metadata: article.metadata, warnings: article.warnings, document: article.document,
            liftedLead: lifted)
        } catch {
          entry = Entry(warnings: [], liftedLead: false, error: "\(error)")
        }
        let file = page.key.replacingOccurrences(of: "/", with: "_") + ".json"
        try? encoder.encode(entry).write(to: setFolder.appendingPathComponent(file))
      }
    }
  }
}

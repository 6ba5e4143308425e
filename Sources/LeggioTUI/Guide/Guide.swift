import Foundation
import LeggioModel
import LeggioImport
import LeggioStore

/// Leggio's user guide: a few short Markdown articles built into the binary, listed and
/// read like articles while the library is empty, never written into it.
public enum Guide {
  /// One page of the guide.
  struct Page {
    var title: String
    var markdown: String
  }

  static let pages: [Page] = [
    Page(title: "Welcome to Leggio", markdown: welcome),
    Page(title: "Reading: the keys", markdown: readingKeys),
    Page(title: "Highlights, notes and the notebook", markdown: annotations),
    Page(title: "Themes and configuration", markdown: themesAndConfig),
    Page(title: "The command line", markdown: commandLine),
  ]

  /// The date the guide's rows show.
  static let date = Date(timeIntervalSince1970: 1_795_348_800)  // 2026-11-22 12:00 UTC

  /// The guide's pages as articles with negative ids (never the id of a stored one).
  public static func articles() -> [StoredArticle] {
    pages.enumerated().compactMap { index, page in
      let name = "leggio-guide-\(index + 1).md"
      guard
        let imported = try? ArticleImporter.importData(
          Data(page.markdown.utf8), name: name, mimeType: "text/markdown")
      else { return nil }
      var metadata = imported.metadata
      metadata.title = page.title
      metadata.kicker = "Leggio guide"
      metadata.siteName = "Leggio"
      let words = CanonicalText(imported.document).text.split { $0 == " " || $0 == "\n" }.count
      let summary = ArticleSummary(
        id: -Int64(index + 1), uuid: "leggio-guide-\(index + 1)", title: page.title,
        kicker: metadata.kicker, siteName: "Leggio", published: date,
        addedAt: date, progress: 0, isUnread: false, words: words)
      return StoredArticle(
        summary: summary, metadata: metadata, document: imported.document, readingOffset: nil)
    }
  }
}

import Foundation
import LeggioImport
import LeggioModel
import LeggioStore

/// `leggio import`: reads another service's export and brings its items into the
/// library. Items with text (wallabag, Omnivore) go through the HTML pipeline with no
/// fetch; items with only an address become pending articles for `PendingFetcher`.
public struct ExportImport: Sendable {
  public let library: Library

  public init(library: Library) {
    self.library = library
  }

  /// Reads the export at `path` and imports it; throws only when the export as a whole
  /// cannot be read (bad entries are counted as failed in the summary).
  public func run(path: String, format: ExportFormat? = nil) throws -> ImportSummary {
    let contents = try ExportReader.read(path: path, format: format)
    return importContents(contents)
  }

  public func importContents(_ contents: ExportContents) -> ImportSummary {
    var summary = ImportSummary(format: contents.format)
    summary.failures = contents.problems
    let entries = contents.items.map(Self.entry)
    for (entry, result) in zip(entries, library.importEntries(entries)) {
      switch result {
      case .success(let outcome): summary.count(outcome)
      case .failure(let error):
        summary.failures.append(
          ExportProblem(
            entry: entry.entry, reason: (error as? LocalizedError)?.errorDescription ?? "\(error)"))
      }
    }
    for detached in contents.detachedHighlights {
      summary.highlightsMatched += matchInLibrary(detached, failures: &summary.failures)
    }
    return summary
  }

  /// Highlights naming their article by title go to the library's article of that title
  /// (and author); those matching none are reported.
  func matchInLibrary(_ detached: DetachedHighlight, failures: inout [ExportProblem]) -> Int {
    do {
      guard let id = try library.articleIDs(titled: detached.title, byline: detached.author).first
      else {
        failures.append(
          ExportProblem(
            entry: detached.entry,
            reason: "no article titled “\(detached.title)” for this highlight"))
        return 0
      }
      return try library.importHighlights([Self.highlight(detached.highlight)], toArticle: id)
    } catch {
      failures.append(ExportProblem(entry: detached.entry, reason: "\(error)"))
      return 0
    }
  }

  /// The library's entry for an exported item; its HTML, when it has some, converted
  /// as saved article HTML (no readability pass: services kept the article already).
  static func entry(_ item: ExportedItem) -> ImportEntry {
    var article: ImportedArticle?
    if let html = item.html, !html.isEmpty {
      let base = URL(string: item.url)
      var imported = HTMLImporter.importText(
        html, fallbackTitle: item.title ?? item.url, baseURL: base)
      if !imported.document.isEmpty {
        imported.metadata.title = item.title ?? imported.metadata.title
        article = imported
      }
    }
    return ImportEntry(
      entry: item.entry, url: item.url, title: item.title, byline: item.author,
      published: item.publishedAt, savedAt: item.savedAt, tags: item.tags, folder: item.folder,
      isArchived: item.isArchived, isStarred: item.isStarred, article: article,
      highlights: item.highlights.map(highlight))
  }

  static func highlight(_ highlight: ExportedHighlight) -> ImportHighlight {
    ImportHighlight(
      quote: highlight.quote, note: highlight.note,
      color: highlight.color.flatMap(AnnotationColor.init(rawValue:)),
      createdAt: highlight.createdAt)
  }
}

/// What `leggio import` did, for its summary line.
public struct ImportSummary: Hashable, Sendable, CustomStringConvertible {
  public var format: ExportFormat
  public var added = 0
  public var merged = 0
  public var alreadyThere = 0
  public var pending = 0
  /// Highlights from a separate file matched to articles of the library by title.
  public var highlightsMatched = 0
  public var failures: [ExportProblem] = []
  /// The ids of the articles concerned, in the export's order.
  public var ids: [Int64] = []

  public init(format: ExportFormat) {
    self.format = format
  }

  mutating func count(_ outcome: ImportOutcome) {
    switch outcome {
    case .added: added += 1
    case .merged: merged += 1
    case .alreadyThere: alreadyThere += 1
    case .pending: pending += 1
    }
    ids.append(outcome.id)
  }

  public var description: String {
    "\(format.displayName): \(added) added, \(merged) merged, \(alreadyThere) already there, "
      + "\(pending) pending a fetch, \(failures.count) failed"
      + (highlightsMatched > 0 ? ", \(highlightsMatched) highlights matched by title" : "")
  }
}

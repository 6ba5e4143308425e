import Foundation
import LeggioModel

/// A newspaper or magazine issue cut into library articles.
///
/// The table of contents gives the cut: when its top entries have entries under them
/// (calibre's sections → articles), each second-level entry is an article and its
/// section is the article's kicker; otherwise each top entry is an article. An article
/// runs from its entry to the next entry at its level or above (so a section's own page
/// is never part of the article before it). Calibre's section pages give each article's
/// date, summary (the standfirst) and, in the tablet layout, byline; calibre's navigation
/// bar gives the page it was downloaded from, which becomes the article's source.
struct EPUBPeriodical {
  let articles: [ImportedArticle]

  init(
    book: EPUBBook, chapters: [EPUBChapter], package: EPUBPackage,
    resolve: (String) -> String?
  ) {
    let document = book.article.document
    let bookMetadata = book.article.metadata
    let entries = book.article.contents?.entries ?? []
    let sectioned = entries.contains { $0.level == 2 }
    let articleLevel = sectioned ? 2 : 1
    let boundaries = Set(entries.filter { $0.level <= articleLevel }.map(\.block)).sorted()

    // Where each chapter starts, and what the section pages say of the articles.
    var chapterAt: [Int: EPUBChapter] = [:]
    var listings: [String: CalibreNews.Listing] = [:]
    for chapter in chapters {
      if let start = book.chapterStarts[chapter.path] {
        chapterAt[start] = chapterAt[start] ?? chapter
      }
      let directory = EPUBPath.directory(of: chapter.path)
      for listing in chapter.listings {
        guard let target = EPUBPath.resolve(listing.href, against: directory) else { continue }
        listings[resolve(target.path) ?? target.path] = listing
      }
    }
    let issueDate = bookMetadata.published ?? Date()
    let name = CalibreNews.name(package, title: bookMetadata.title)
    var tags = [name]
    if let day = package.date.flatMap(Self.day) { tags.append(name + " " + day) }

    var articles: [ImportedArticle] = []
    var section: String?
    var seen = Set<Int>()
    for (position, entry) in entries.enumerated() {
      if sectioned && entry.level == 1 { section = entry.title }
      // A top entry with nothing under it is an article of its own (a preface).
      let childless =
        entry.level == 1 && (position + 1 == entries.count || entries[position + 1].level == 1)
      guard entry.level == articleLevel || (sectioned && childless),
        seen.insert(entry.block).inserted
      else { continue }
      let end = boundaries.first { $0 > entry.block } ?? document.blocks.count
      guard entry.block < end else { continue }
      var blocks = Self.rebased(Array(document.blocks[entry.block..<end]), from: entry.block)
      if let first = blocks.first, case .heading = first.kind,
        EPUBNavigation.clean(first.plainText).lowercased() == entry.title.lowercased()
      {
        blocks.removeFirst()
      }
      guard blocks.contains(where: { !$0.plainText.isEmpty }) else { continue }
      let chapter = chapterAt[entry.block]
      let listing = chapter.flatMap { listings[$0.path] }
      var metadata = ArticleMetadata(title: entry.title)
      metadata.kicker = sectioned && entry.level == 2 ? section : nil
      metadata.byline = listing?.byline
      metadata.standfirst = listing?.summary
      metadata.published =
        listing?.date.flatMap { CalibreNews.date($0, issue: issueDate) } ?? bookMetadata.published
      metadata.language = bookMetadata.language
      metadata.siteName = name
      metadata.source = chapter?.downloadedFrom
      metadata.tags = tags
      articles.append(ImportedArticle(metadata: metadata, document: Document(blocks: blocks)))
    }
    self.articles = articles
  }

  /// Blocks cut out of the book at `start`: jumps within them point at their new
  /// places; jumps out of them are no longer links (their text stays).
  static func rebased(_ blocks: [Block], from start: Int) -> [Block] {
    var blocks = blocks
    let range = start..<(start + blocks.count)
    for index in blocks.indices {
      for run in blocks[index].inlines.indices {
        guard let target = blocks[index].inlines[run].link, let link = InternalLink(target)
        else { continue }
        guard range.contains(link.block) else {
          blocks[index].inlines[run].link = nil
          continue
        }
        let moved: InternalLink =
          switch link {
          case .block(let block): .block(block - start)
          case .note(let block): .note(block - start)
          }
        blocks[index].inlines[run].link = moved.target
      }
    }
    return blocks
  }

  /// `2026-12-04` from a `dc:date` that starts with a full day.
  static func day(_ date: String) -> String? {
    let prefix = date.trimmingCharacters(in: .whitespaces).prefix(10)
    let parts = prefix.split(separator: "-")
    guard prefix.count == 10, parts.count == 3, parts.allSatisfy({ $0.allSatisfy(\.isNumber) })
    else { return nil }
    return String(prefix)
  }
}

import Foundation
import LeggioModel

/// The chapters of a book joined into one article: blocks concatenated, links inside
/// the book turned into `InternalLink`s, the table of contents placed on blocks, the
/// package's metadata mapped onto `ArticleMetadata`.
struct EPUBBook {
  let article: ImportedArticle
  /// Where each chapter starts, by its path in the archive.
  let chapterStarts: [String: Int]

  init(
    name: String, package: EPUBPackage, chapters: [EPUBChapter], points: [EPUBNavigation.Point],
    resolve: (String) -> String?, warnings: [String]
  ) {
    var starts: [String: Int] = [:]
    var anchors: [String: Int] = [:]
    var blocks: [Block] = []
    for chapter in chapters {
      let base = blocks.count
      starts[chapter.path] = base
      for (id, index) in chapter.anchors {
        anchors[chapter.path + "#" + id] =
          base + min(index, max(chapter.document.blocks.count - 1, 0))
      }
      blocks += chapter.document.blocks
    }
    chapterStarts = starts
    func place(_ target: EPUBPath.Target) -> Int? {
      let path = resolve(target.path) ?? target.path
      if let fragment = target.fragment, let index = anchors[path + "#" + fragment] {
        return index
      }
      return starts[path]
    }
    // Links: relative hrefs were kept as written; resolve them against their chapter.
    var index = 0
    for chapter in chapters {
      let directory = EPUBPath.directory(of: chapter.path)
      for _ in chapter.document.blocks {
        for run in blocks[index].inlines.indices {
          guard let link = blocks[index].inlines[run].link else { continue }
          blocks[index].inlines[run].link = Self.rewrite(
            link, chapter: chapter.path, directory: directory, place: place)
        }
        index += 1
      }
    }
    var entries = points.compactMap { point -> BookContents.Entry? in
      guard let block = place(point.target), block < blocks.count else { return nil }
      return BookContents.Entry(title: point.title, level: point.level, block: block)
    }
    if entries.isEmpty {
      entries = chapters.compactMap { chapter in
        guard let block = starts[chapter.path], block < blocks.count,
          let title = chapter.firstHeading ?? chapter.pageTitle
        else { return nil }
        return BookContents.Entry(title: title, level: 1, block: block)
      }
    }
    let document = Document(blocks: blocks)
    article = ImportedArticle(
      metadata: Self.metadata(package, name: name, document: document),
      document: document, warnings: warnings,
      contents: BookContents(
        entries: entries, identifier: package.identifier.map(EPUBNavigation.clean),
        creators: package.creators.map(EPUBNavigation.clean),
        publisher: package.publisher.map(EPUBNavigation.clean), cover: package.coverPath))
  }

  /// A link as it should be stored: an `InternalLink` for a place in the book, the
  /// link unchanged for one out of it, nil for a file of the book that is not text.
  static func rewrite(
    _ link: String, chapter: String, directory: String, place: (EPUBPath.Target) -> Int?
  ) -> String? {
    var href = link
    let isNote = href.hasPrefix(EPUBChapter.noteMarker)
    if isNote { href.removeFirst(EPUBChapter.noteMarker.count) }
    guard var target = EPUBPath.resolve(href, against: directory) else {
      return href  // a link out of the book
    }
    if target.path.isEmpty { target.path = chapter }
    guard let block = place(target) else { return nil }
    return (isNote ? InternalLink.note(block) : InternalLink.block(block)).target
  }

  static func metadata(_ package: EPUBPackage, name: String, document: Document)
    -> ArticleMetadata
  {
    let title =
      package.title.map(EPUBNavigation.clean).flatMap { $0.isEmpty ? nil : $0 }
      ?? ArticleImporter.title(fromName: name)
    var metadata = ArticleMetadata(title: title)
    let creators = package.creators.map(EPUBNavigation.clean).filter { !$0.isEmpty }
    if !creators.isEmpty { metadata.byline = creators.joined(separator: ", ") }
    metadata.siteName = package.publisher.map(EPUBNavigation.clean).flatMap {
      $0.isEmpty ? nil : $0
    }
    metadata.published = package.date.flatMap(Self.date)
    metadata.standfirst = package.description.flatMap(Self.plainDescription)
    metadata.language =
      package.languages.lazy.compactMap(Self.primaryLanguage).first
      ?? LanguageDetector.detect(
        document.blocks.prefix(60).map(\.plainText).joined(separator: "\n"))
    var seen = Set<String>()
    metadata.tags = package.subjects.map(EPUBNavigation.clean).filter {
      !$0.isEmpty && $0.count <= 64 && seen.insert($0.lowercased()).inserted
    }
    return metadata
  }

  /// "fr" for `fr-FR`; nil for something that is not a language tag.
  static func primaryLanguage(_ tag: String) -> String? {
    guard
      let primary = tag.trimmingCharacters(in: .whitespaces)
        .split(whereSeparator: { $0 == "-" || $0 == "_" }).first,
      (2...3).contains(primary.count), primary.allSatisfy({ $0.isASCII && $0.isLetter })
    else { return nil }
    return primary.lowercased()
  }

  /// A description as text: books often put escaped HTML in it. At most about 600
  /// characters, cut at a word.
  static func plainDescription(_ raw: String) -> String? {
    let root = HTMLParser.parse(raw)
    var text = EPUBNavigation.clean(HTMLDocumentConverter.collapsedText(of: root))
    guard !text.isEmpty else { return nil }
    if text.count > 600 {
      let cut = text.prefix(600)
      text = String(cut[..<(cut.lastIndex(of: " ") ?? cut.endIndex)]) + "…"
    }
    return text
  }

  /// A `dc:date`: a year, a year and month, a day, or a full ISO 8601 time.
  static func date(_ raw: String) -> Date? {
    let text = raw.trimmingCharacters(in: .whitespaces)
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    let full = ISO8601DateFormatter()
    if let date = full.date(from: text) { return date }
    let parts = text.prefix(10).split(separator: "-").map { Int($0) }
    guard let first = parts.first, let year = first, (1...9999).contains(year) else { return nil }
    let month = parts.count > 1 ? parts[1] ?? 1 : 1
    let day = parts.count > 2 ? parts[2] ?? 1 : 1
    return calendar.date(
      from: DateComponents(year: year, month: min(max(month, 1), 12), day: min(max(day, 1), 31)))
  }
}

import Foundation
import LeggioModel

/// Imports an EPUB 2 or 3 book as one article: every chapter of the spine in reading
/// order in one `Document` (so positions, progress and annotations work across the
/// book), the table of contents as `BookContents`, the package's metadata.
///
/// Reading order: the spine's linear items, then its `linear="no"` items (reachable by
/// the table of contents and links, after the end of the book). Links inside the book
/// become `InternalLink`s; note references become `.note` links that the reader shows
/// in place.
public enum EPUBImporter {
  /// Whether `data` named `name` should be read as a book: an `.epub` name, the EPUB
  /// MIME type, or a ZIP whose first entry is `mimetype` holding `application/epub+zip`.
  public static func isEPUB(_ data: Data, name: String, mimeType: String? = nil) -> Bool {
    if (name as NSString).pathExtension.lowercased() == "epub" { return true }
    if mimeType?.lowercased().hasPrefix("application/epub+zip") == true { return true }
    return data.starts(with: [0x50, 0x4B, 0x03, 0x04])
      && data.prefix(100).range(of: Data("application/epub+zip".utf8)) != nil
  }

  /// Reads the book in `data`; `name` is how errors and a missing title refer to it.
  public static func importBook(_ data: Data, name: String) throws(EPUBError) -> ImportedArticle {
    try read(data, name: name).book.article
  }

  /// Reads `data` as one book or as the articles of a periodical: `form` forces either;
  /// nil guesses (`CalibreNews.isPeriodical`: calibre's `periodical:` publication type, or
  /// its `feed_N/article_M/` pages). With `pictures`, the pictures the articles show are
  /// kept within those limits (`EPUBImages.keep`), read from the archive already open.
  /// `textRead` is given the articles before their pictures are kept.
  public static func importArticles(
    _ data: Data, name: String, as form: EPUBForm? = nil, pictures: ImageLimits? = nil,
    textRead: (([ImportedArticle]) -> Void)? = nil
  ) throws(EPUBError) -> [ImportedArticle] {
    let read = try read(data, name: name)
    var articles = try articles(of: read, name: name, as: form)
    textRead?(articles)
    PhaseTrace.mark("epub: pictures")
    if let pictures { EPUBImages.keep(in: &articles, from: read.archive, limits: pictures) }
    PhaseTrace.mark("epub: pictures kept")
    return articles
  }

  private static func articles(of read: Reading, name: String, as form: EPUBForm?)
    throws(EPUBError) -> [ImportedArticle]
  {
    let periodical = form.map { $0 == .articles } ?? CalibreNews.isPeriodical(read.package)
    guard periodical else { return [read.book.article] }
    let articles = EPUBPeriodical(
      book: read.book, chapters: read.chapters, package: read.package, resolve: read.resolve
    ).articles
    guard !articles.isEmpty else { throw .noArticles(name: name) }
    return articles.map { article in
      var article = article
      article.warnings = read.book.article.warnings
      return article
    }
  }

  struct Reading {
    var book: EPUBBook
    var chapters: [EPUBChapter]
    var package: EPUBPackage
    var resolve: (String) -> String?
    var archive: EPUBArchive
  }

  static func read(_ data: Data, name: String) throws(EPUBError) -> Reading {
    PhaseTrace.mark("epub: archive")
    let archive = try EPUBArchive(data: data, name: name)
    PhaseTrace.mark("epub: archive opened")
    try EPUBProtection.check(archive)
    let packagePath = try EPUBPackage.locate(in: archive)
    guard let packageData = try archive.data(at: packagePath) else {
      throw .noPackage(name: name)
    }
    if let refusal = XMLEntityDeclarations.refusal(in: packageData) {
      throw .tooLarge(name: name, detail: "in its package document, \(refusal)")
    }
    guard let root = EPUBXML.parse(packageData) else { throw .noPackage(name: name) }
    let package = EPUBPackage(root: root, path: packagePath)
    PhaseTrace.mark("epub: package read")
    var warnings: [String] = []
    // Each core inflates and converts chapters with its own reader of the archive.
    let ordered = package.spine.filter(\.linear) + package.spine.filter { !$0.linear }
    var names: [String] = []
    var seen = Set<String>()
    var missing: [String] = []
    for spineItem in ordered where Self.isContent(spineItem.item) {
      guard let resolved = archive.resolve(spineItem.item.path), seen.insert(resolved).inserted
      else {
        if !archive.contains(spineItem.item.path) { missing.append(spineItem.item.path) }
        continue
      }
      names.append(resolved)
    }
    XMLReadingPolicy.prepare()
    // The EPUB 3 table of contents is parsed on another thread while the chapters are
    // converted; an error reading it still comes after theirs.
    let navRead = Result { () throws(EPUBError) -> (data: Data, path: String)? in
      guard let nav = package.navPath, let data = try archive.data(at: nav) else { return nil }
      return (data, archive.resolve(nav) ?? nav)
    }
    let navParse = (try? navRead.get()).flatMap { $0 }.map {
      EPUBNavigation.Parsing($0.data, path: $0.path)
    }
    // An EPUB 2 book's NCX is its table of contents: parsed beside the chapters too.
    let ncxRead = Result { () throws(EPUBError) -> (data: Data, path: String)? in
      guard navParse == nil, let ncx = package.ncxPath, let data = try archive.data(at: ncx)
      else { return nil }
      return (data, archive.resolve(ncx) ?? ncx)
    }
    let ncxParse = (try? ncxRead.get()).flatMap { $0 }.map { read in
      EPUBNavigation.Parsing { EPUBNavigation.ncxPoints(read.data, path: read.path) }
    }
    PhaseTrace.mark("epub: chapters")
    let shared = archive.shared(names)
    let paths = names
    // The longest chapters first, each core taking the next as it is free.
    let read = ConcurrentSlices.map(
      largestFirst: Array(names.indices), weight: shared.declaredSize,
      state: { EPUBArchive.Shared.Reader() }
    ) { reader, index in
      shared.data(index, reader: &reader).map { bytes -> EPUBChapter? in
        guard let bytes, !bytes.isEmpty else { return nil }
        return EPUBChapter(path: paths[index], data: bytes)
      }
    }
    PhaseTrace.mark("epub: chapters converted")
    // The first chapter that cannot be read stops the book, as reading in order would.
    var chapters: [EPUBChapter] = []
    for result in read {
      if let chapter = try result.get() { chapters.append(chapter) }
    }
    if !missing.isEmpty {
      let list = missing.prefix(3).map(EPUBError.printable).joined(separator: ", ")
      warnings.append(
        "\(missing.count) chapter\(missing.count == 1 ? " is" : "s are") missing from the book (\(list))"
      )
    }
    guard chapters.contains(where: { !$0.document.isEmpty }) else { throw .noContent(name: name) }
    _ = try navRead.get()
    _ = try ncxRead.get()
    var points = navParse?.points ?? ncxParse?.points ?? []
    if points.isEmpty, ncxParse == nil, let ncx = package.ncxPath,
      let ncxData = try archive.data(at: ncx)
    {
      points = EPUBNavigation.ncxPoints(ncxData, path: archive.resolve(ncx) ?? ncx)
    }
    PhaseTrace.mark("epub: book")
    let book = EPUBBook(

      name: name, package: package, chapters: chapters, points: points,
      resolve: { archive.resolve($0) }, warnings: warnings)
    PhaseTrace.mark("epub: book joined")
    return Reading(
      book: book, chapters: chapters, package: package, resolve: { archive.resolve($0) },
      archive: archive)
  }

  /// Whether a spine item is a document Leggio can read (XHTML, HTML, or a `.xml`
  /// file of XHTML as some books name them); images and other media are skipped.
  static func isContent(_ item: EPUBPackage.Item) -> Bool {
    let type = item.mediaType
    if type.contains("html") || type == "application/xml" || type == "text/xml" { return true }
    if type.hasPrefix("image/") || type.hasPrefix("audio/") || type.hasPrefix("video/") {
      return false
    }
    let ext = (item.path as NSString).pathExtension.lowercased()
    return ["xhtml", "html", "htm", "xml", "xht"].contains(ext)
  }
}

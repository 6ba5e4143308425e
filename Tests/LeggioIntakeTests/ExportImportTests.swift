import Foundation
import LeggioImport
import LeggioIntake
import LeggioModel
import LeggioStore
import Testing

/// Every sample of the six services imported into a library, with the counts of its
/// summary; importing again changes nothing.
@Suite struct ExportImportTests {
  static let expected: [(String, Counts)] = [
    ("wallabag/ril_export.html", Counts(pending: 2)),
    ("wallabag/pocket.csv", Counts(pending: 7)),
    // ftp:// cannot be fetched; https://example.net/#foo is https://example.net/.
    ("readeck/pocket_part.csv", Counts(merged: 1, pending: 3, failed: 1)),
    ("readeck/pocket.zip", Counts(merged: 1, pending: 3, failed: 1)),
    ("shiori/pocket-new.csv", Counts(pending: 1)),
    ("shiori/pocket-old.csv", Counts(pending: 1)),
    ("wallabag/instapaper-export.csv", Counts(pending: 4)),
    ("readeck/csv-instapaper.csv", Counts(pending: 2)),
    // mailto:reader-forwarded-email/… is no web address.
    ("readeck/readwise.csv", Counts(pending: 2, failed: 1)),
    ("wallabag/omnivore.json", Counts(pending: 20)),
    ("wallabag/wallabag-v1.json", Counts(added: 2)),
    ("wallabag/wallabag-v1-read.json", Counts(added: 3)),
    ("wallabag/wallabag-v2.json", Counts(added: 6)),
    ("wallabag/wallabag-v2-read.json", Counts(added: 2)),
    ("linkding/simple_valid_import_file.html", Counts(pending: 3)),
    ("linkding/simple_valid_import_file_with_one_invalid_bookmark.html", Counts(pending: 3)),
    ("readeck/browser.html", Counts(merged: 1, pending: 4, failed: 1)),
    ("wallabag/shaarli-bookmarks.html", Counts(pending: 2)),
    // Other services, read as link lists by their keys or header.
    ("wallabag/firefox-bookmarks.json", Counts(pending: 2)),
    ("wallabag/chrome-bookmarks", Counts(pending: 1)),
    ("wallabag/pinboard_export", Counts(pending: 3)),
    ("readeck/pinboard.json", Counts(pending: 2)),
    ("wallabag/delicious_export.2021.02.06_21.10.json", Counts(pending: 3)),
    ("wallabag/elcurator.json", Counts(pending: 1)),
    ("readeck/goodlinks.json", Counts(pending: 2)),
    ("readeck/linkwarden.json", Counts(merged: 1, pending: 3)),
    ("karakeep/linkwarden-export.json", Counts(merged: 1, pending: 5)),
    ("wallabag/readability.json", Counts(pending: 3)),
    ("wallabag/readability-read.json", Counts(pending: 2)),
    ("readeck/csv-simple.csv", Counts(pending: 2)),
    // "test" and "####" are not addresses; ftp:// cannot be fetched.
    ("readeck/text.txt", Counts(merged: 1, pending: 2, failed: 3)),
    ("omnivore/csv/simple.csv", Counts(pending: 2)),
    ("omnivore/csv/labels.csv", Counts(pending: 3)),
    ("omnivore/csv/complex.csv", Counts(pending: 3)),
    ("omnivore/csv/unset-status.csv", Counts(pending: 2)),
    ("omnivore/matter/_matter_history.csv", Counts(pending: 1)),
    ("omnivore/matter/Archive.zip", Counts(added: 1)),
    ("readeck/bookmark-article.zip", Counts(added: 1)),
  ]

  @Test func everySampleOfTheCorpusIsCounted() throws {
    let listed = Set(Self.expected.map(\.0))
    let walker = FileManager.default.enumerator(atPath: IntakeFixtures.root.path)!
    var samples: Set<String> = []
    for case let path as String in walker {
      let name = (path as NSString).lastPathComponent
      var isDirectory: ObjCBool = false
      FileManager.default.fileExists(
        atPath: IntakeFixtures.path(path), isDirectory: &isDirectory)
      guard !isDirectory.boolValue,
        ![
          "README.md", "COPYING.md", "LICENSE", "LICENSE.txt",
          "REUSE.toml", "_matter_highlights.csv", "pocket-annotations.json",
        ].contains(name)
      else { continue }
      samples.insert(path)
    }
    #expect(samples.subtracting(listed) == [])
  }

  @Test(arguments: expected.map(\.0))
  func sampleImportsWithItsCountsAndAgainChangesNothing(_ name: String) throws {
    let library = try Library.inMemory()
    let expected = Self.expected.first { $0.0 == name }!.1
    let first = try IntakeFixtures.importSample(name, into: library)
    #expect(Counts(first) == expected)
    let articles = try library.count(ArticleQuery())
    #expect(articles == expected.added + expected.pending)
    #expect(try library.count(ArticleQuery(pendingOnly: true)) == expected.pending)
    #expect(try library.integrityProblems() == [])

    let second = try IntakeFixtures.importSample(name, into: library)
    #expect(
      Counts(second)
        == Counts(
          already: expected.added + expected.pending + expected.merged, failed: expected.failed))
    #expect(try library.count(ArticleQuery()) == articles)
  }

  @Test func failuresNameTheirLine() throws {
    let library = try Library.inMemory()
    let summary = try IntakeFixtures.importSample("readeck/readwise.csv", into: library)
    #expect(summary.failures.map(\.entry) == ["readwise.csv line 3"])
    #expect(summary.failures[0].reason.contains("mailto:reader-forwarded-email"))
  }

  @Test func pendingArticlesShowTitleAddressTagsAndState() throws {
    let library = try Library.inMemory()
    try IntakeFixtures.importSample("wallabag/instapaper-export.csv", into: library)
    let entries = try library.entries(ArticleQuery(sort: .title))
    #expect(entries.allSatisfy { $0.summary.isPending })
    let starred = try library.entries(ArticleQuery(starredOnly: true))
    #expect(
      starred.map(\.summary.title) == [
        "Why Foursquare / Swarm is still my favourite social network"
      ])
    let folder = try #require(entries.first { $0.summary.title.contains("covfefe") })
    #expect(folder.summary.tags == ["test_tag"])
    #expect(folder.metadata.source?.hasPrefix("https://www.20minutes.fr/") == true)
    let archived = try #require(entries.first { $0.summary.title.hasPrefix("AMP") })
    #expect(!archived.summary.isUnread, "an archived item is read")
    #expect(try library.search("Childbirth").count == 1, "pending titles are searchable")
  }

  @Test func wallabagTextIsImportedWithoutFetchingAndStarsKept() throws {
    let library = try Library.inMemory()
    try IntakeFixtures.importSample("wallabag/wallabag-v2.json", into: library)
    #expect(try library.count(ArticleQuery(starredOnly: true)) == 2)
    let wikipedia = try #require(
      try library.entries(ArticleQuery()).first { $0.summary.title == "Échecs" })
    #expect(wikipedia.summary.words > 10_000)
    let article = try #require(try library.article(id: wikipedia.summary.id))
    #expect(article.document.blocks.count > 100)
    #expect(article.metadata.source == "https://fr.wikipedia.org/wiki/Échecs")
  }

  @Test func anAddressAlreadyInTheLibraryIsMergedNotDuplicated() throws {
    let library = try Library.inMemory()
    let saved = try library.add(
      ImportedArticle(
        metadata: ArticleMetadata(
          title: "Saved before", source: "http://youmightnotneedjquery.com/"),
        document: Document(blocks: [Block(.paragraph, text: "Some text of the page.")])))
    let summary = try IntakeFixtures.importText(
      """
      title,url,time_added,tags,status
      You Might Not Need jQuery,https://youmightnotneedjquery.com/#top,1600322788,web|js,archive
      """, name: "pocket.csv", into: library)
    #expect(Counts(summary) == Counts(merged: 1))
    #expect(try library.count(ArticleQuery()) == 1)
    let entry = try #require(try library.entries(ArticleQuery()).first)
    #expect(entry.summary.id == saved.id)
    #expect(entry.summary.tags == ["js", "web"])
    #expect(!entry.summary.isPending)
    #expect(!entry.summary.isUnread)
  }

  @Test func duplicatesWithinTheFileBecomeOneArticle() throws {
    let library = try Library.inMemory()
    let summary = try IntakeFixtures.importText(
      """
      title,url,time_added,tags,status
      One,https://example.com/a?utm_source=x,1600000000,first,unread
      One again,https://EXAMPLE.com/a#part,1600000001,second,archive
      """, name: "pocket.csv", into: library)
    #expect(Counts(summary) == Counts(merged: 1, pending: 1))
    let entry = try #require(try library.entries(ArticleQuery()).first)
    #expect(entry.summary.title == "One")
    #expect(entry.summary.tags == ["first", "second"])
    #expect(!entry.summary.isUnread)
  }

  @Test func leggiosOwnExportsComeBackTheSame() throws {
    let library = try Library.inMemory()
    try IntakeFixtures.importSample("wallabag/instapaper-export.csv", into: library)
    try IntakeFixtures.importSample("wallabag/wallabag-v1-read.json", into: library)
    let listed = try library.listedArticles()
    for format in ListExporter.Format.allCases {
      let (data, skipped) = ListExporter.export(listed, as: format)
      #expect(skipped == 0)
      let copy = try Library.inMemory()
      let contents = try ExportReader.read(
        [ExportFile(name: "leggio.\(format == .csv ? "csv" : "html")", data: data)], path: "x")
      #expect(contents.format == (format == .csv ? .pocket : .bookmarks))
      let summary = ExportImport(library: copy).importContents(contents)
      #expect(Counts(summary) == Counts(pending: 7))
      let back = try copy.listedArticles()
      #expect(Set(back.map(\.source)) == Set(listed.map(\.source)))
      #expect(Set(back.map(\.tags)) == Set(listed.map(\.tags)))
      if format == .csv {
        #expect(back.filter(\.isStarred).count == listed.filter(\.isStarred).count)
        #expect(back.filter(\.isArchived).count == listed.filter(\.isArchived).count)
      }
    }
  }
}

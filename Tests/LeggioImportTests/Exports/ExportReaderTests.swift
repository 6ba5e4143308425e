import Foundation
import LeggioImport
import LeggioTestSupport
import Testing

/// Every export sample of the six services the corpus holds, read with counts.
@Suite struct ExportReaderTests {
  @Test func pocketHTMLExportKeepsItsLinksTagsAndDates() throws {
    let contents = try ExportFixtures.read("wallabag/ril_export.html")
    #expect(contents.format == .pocket)
    #expect(contents.items.count == 2)
    #expect(contents.problems.isEmpty)
    let first = contents.items[0]
    #expect(
      first.title == "Tarn : Des lapins ravagent le terrain, le match de rugby doit être annulé")
    #expect(first.tags == ["ifttt", "new_entry_simple"])
    #expect(first.savedAt == Date(timeIntervalSince1970: 1_688_628_695))
    #expect(contents.items.allSatisfy { !$0.isArchived })
  }

  @Test func pocketCSVWithoutCursorReadsAQuotedTitleSpanningLines() throws {
    let contents = try ExportFixtures.read("wallabag/pocket.csv")
    #expect(contents.format == .pocket)
    #expect(contents.items.count == 7)
    #expect(contents.items.filter(\.isArchived).count == 2)
    let last = try #require(contents.items.last)
    #expect(
      last.title == "Des abeilles pour résoudre les « conflits » entre les humains et les élépha")
    #expect(last.entry == "pocket.csv line 8")
    #expect(
      contents.items[4].url.hasSuffix("#utm_medium=distibuted&utm_source=rss&utm_campaign=646826"))
  }

  @Test func pocketCSVWithCursorColumnFindsColumnsByHeader() throws {
    let contents = try ExportFixtures.read("readeck/pocket_part.csv")
    #expect(contents.items.count == 5)
    #expect(contents.items[1].tags == ["tag1", "tag2"])
    #expect(contents.items[2].title == nil)
    #expect(contents.items[2].url == "ftp://example.net/")
    #expect(contents.items.filter(\.isArchived).map(\.url) == ["https://example.org/read"])
  }

  @Test func pocketZipOf2025IsReadLikeItsCSV() throws {
    let zipped = try ExportFixtures.read("readeck/pocket.zip")
    let plain = try ExportFixtures.read("readeck/pocket_part.csv")
    #expect(zipped.format == .pocket)
    #expect(zipped.items.map(\.url) == plain.items.map(\.url))
    #expect(zipped.items.map(\.tags) == plain.items.map(\.tags))
  }

  @Test func oneRowPocketFilesWithAndWithoutCursorAgree() throws {
    let new = try ExportFixtures.read("shiori/pocket-new.csv")
    let old = try ExportFixtures.read("shiori/pocket-old.csv")
    #expect(new.items.count == 1)
    #expect(old.items.count == 1)
    #expect(new.items[0].url == old.items[0].url)
    #expect(new.items[0].tags == ["shiori"])
    #expect(old.items[0].tags == ["shiori"])
  }

  @Test func instapaperFoldersBecomeArchivedStarredOrAFolder() throws {
    let contents = try ExportFixtures.read("wallabag/instapaper-export.csv")
    #expect(contents.format == .instapaper)
    #expect(contents.items.count == 4)
    #expect(contents.items.map(\.isArchived) == [false, true, false, false])
    #expect(contents.items.map(\.isStarred) == [false, false, true, false])
    #expect(contents.items[3].folder == "test_tag")
    #expect(contents.items[3].title == "Dis donc Donald Trump, c'est quoi exactement «covfefe»?")
  }

  @Test func newerInstapaperCSVReadsTimestampsAndJSONTags() throws {
    let contents = try ExportFixtures.read("readeck/csv-instapaper.csv")
    #expect(contents.items.count == 2)
    #expect(contents.items[0].savedAt == Date(timeIntervalSince1970: 1_640_080_879))
    #expect(contents.items[0].title == "CSS { In Real Life } | Don’t Forget the “lang” Attribute")
    #expect(contents.items.allSatisfy { $0.tags.isEmpty })
  }

  @Test func instapaperSelectionBecomesAHighlight() throws {
    let csv = #"""
      URL,Title,Selection,Folder,Timestamp,Tags
      https://example.com/a,"A, with comma","a chosen ""passage""",Unread,1640080879,"[""x"",""y""]"

      """#
    let contents = try ExportReader.read(
      [ExportFile(name: "instapaper-export.csv", data: Data(csv.utf8))], path: "x")
    #expect(contents.items.count == 1)
    #expect(contents.items[0].title == "A, with comma")
    #expect(contents.items[0].tags == ["x", "y"])
    #expect(contents.items[0].highlights == [ExportedHighlight(quote: "a chosen \"passage\"")])
  }

  @Test func readwiseReaderTagsAsPythonListsKeepTheirCommas() throws {
    let contents = try ExportFixtures.read("readeck/readwise.csv")
    #expect(contents.format == .readwise)
    #expect(contents.items.count == 3)
    #expect(contents.items[2].tags == ["don't", "favorite", "peanut, butter"])
    #expect(contents.items[2].title == "Some Title")
    #expect(contents.items[0].isArchived)
    #expect(contents.items[0].savedAt == Date(timeIntervalSince1970: 1_737_411_182))
  }

  @Test func readwiseHighlightsJoinTheirDocumentByTitleAndAuthor() throws {
    let documents = """
      Title,URL,ID,Document tags,Saved date,Reading progress,Location,Seen
      Some Title,https://example.com/some,,,2022-12-05 12:42:10+00:00,,later,
      """
    let highlights = #"""
      Highlight,Book Title,Book Author,Amazon Book ID,Note,Color,Tags,Location Type,Location,Highlighted at,Document tags
      "the words that matter",Some Title,Jane Doe,,"my note",blue,,,,2022-12-06 10:00:00+00:00,
      "from a book not here",Another Book,Someone,,,,,,,,
      """#
    let contents = try ExportReader.read(
      [
        ExportFile(name: "documents.csv", data: Data(documents.utf8)),
        ExportFile(name: "highlights.csv", data: Data(highlights.utf8)),
      ], path: "readwise")
    #expect(contents.items.count == 1)
    #expect(
      contents.items[0].highlights == [
        ExportedHighlight(
          quote: "the words that matter", note: "my note", color: 3,
          createdAt: Date(timeIntervalSince1970: 1_670_320_800))
      ])
    #expect(contents.detachedHighlights.map(\.title) == ["Another Book"])
  }

  @Test func omnivoreMetadataAloneGivesItsTwentyItems() throws {
    let contents = try ExportFixtures.read("wallabag/omnivore.json")
    #expect(contents.format == .omnivore)
    #expect(contents.items.count == 20)
    #expect(contents.items.allSatisfy { $0.html == nil })
    let first = contents.items[0]
    #expect(first.author == "Juliette Garnier")
    #expect(first.tags == ["RSS"])
    #expect(first.isArchived)
    #expect(first.savedAt == ExportDate.parse("2024-10-29T16:30:11Z"))
  }

  @Test func omnivoreZipBringsContentAndHighlights() throws {
    let directory = try ExportFixtures.scratch()
    defer { try? FileManager.default.removeItem(at: directory) }
    let zip = try OmnivoreExportSample.write(in: directory)
    let contents = try ExportReader.read(path: zip.path)
    #expect(contents.format == .omnivore)
    #expect(contents.items.count == 2)
    let withText = try #require(contents.items.first { $0.html != nil })
    #expect(withText.html?.contains("Le premier paragraphe") == true)
    #expect(withText.author == "Anna Rossi")
    #expect(withText.tags == ["lu"])
    #expect(
      withText.highlights == [
        ExportedHighlight(quote: "Le second paragraphe dit autre chose"),
        ExportedHighlight(quote: "une phrase lointaine", note: "Une note\nsur deux lignes"),
        ExportedHighlight(quote: "a passage the text does not have"),
      ])
  }

  @Test func wallabagV2KeepsContentStarredArchivedAndTags() throws {
    let contents = try ExportFixtures.read("wallabag/wallabag-v2.json")
    #expect(contents.format == .wallabag)
    #expect(contents.items.count == 6)
    #expect(contents.items.filter(\.isStarred).count == 2)
    #expect(contents.items[0].tags == ["mediapart", "blog"])
    #expect(contents.items.allSatisfy { $0.html != nil })
    #expect(contents.items[2].title == nil, "\"No title found\" is no title")
    let read = try ExportFixtures.read("wallabag/wallabag-v2-read.json")
    #expect(read.items.count == 2)
    #expect(read.items.map(\.isArchived) == [true, false])
  }

  @Test func wallabagV1ReadsStringFlagsAndCommaTags() throws {
    let contents = try ExportFixtures.read("wallabag/wallabag-v1.json")
    #expect(contents.items.count == 2)
    #expect(contents.items.map(\.isArchived) == [false, true])
    #expect(contents.items[0].tags == ["Framabag"])
    let read = try ExportFixtures.read("wallabag/wallabag-v1-read.json")
    #expect(read.items.count == 3)
    #expect(read.items.map(\.isStarred) == [true, false, false])
    #expect(read.items[2].tags == ["framasoft", "tag"])
  }

  @Test func wallabagAnnotationsBecomeHighlightsWithNotes() throws {
    let json = """
      [{"title":"T","url":"https://example.com/t","is_archived":0,"is_starred":1,
        "content":"<p>Some text here.</p>","tags":[{"label":"one"}],
        "annotations":[{"text":"a note","quote":"text here","ranges":[{"start":"/p[1]","startOffset":5,"end":"/p[1]","endOffset":14}]}]}]
      """
    let contents = try ExportReader.read(
      [ExportFile(name: "export.json", data: Data(json.utf8))], path: "x", format: .wallabag)
    #expect(contents.items[0].highlights == [ExportedHighlight(quote: "text here", note: "a note")])
    #expect(contents.items[0].tags == ["one"])
    #expect(contents.items[0].isStarred)
  }

  @Test func netscapeBookmarksWithDatesInThreeUnits() throws {
    let contents = try ExportFixtures.read("linkding/simple_valid_import_file.html")
    #expect(contents.format == .bookmarks)
    #expect(contents.items.count == 3)
    #expect(contents.items.allSatisfy { $0.savedAt == Date(timeIntervalSince1970: 1_616_337_559) })
    #expect(contents.items.map(\.tags) == [["tag1"], ["tag2"], ["tag3"]])
    let invalid = try ExportFixtures.read(
      "linkding/simple_valid_import_file_with_one_invalid_bookmark.html")
    #expect(invalid.items.count == 3)
    #expect(invalid.items[0].savedAt == nil)
  }

  @Test func browserBookmarkFoldersBecomeTags() throws {
    let contents = try ExportFixtures.read("readeck/browser.html")
    #expect(contents.items.count == 6)
    #expect(contents.items[0].folder == "Bookmarks bar")
    #expect(contents.items[1].tags == ["mozilla", "blog", "test", "Bookmarks bar"])
    #expect(contents.items[2].folder == "Imported/Misc")
    #expect(contents.items[2].tags == ["Imported", "Misc"])
  }

  @Test func shaarliExportWithAStrayScriptIsRead() throws {
    let contents = try ExportFixtures.read("wallabag/shaarli-bookmarks.html")
    #expect(contents.items.count == 2)
    #expect(contents.items.allSatisfy { $0.tags == ["firefoxos"] })
  }

  @Test func aFileOfNoServiceIsRefusedWithTheWayOut() throws {
    let licence = ExportFixtures.path("wallabag/COPYING.md")
    #expect(throws: ExportError.unrecognised(path: licence)) {
      try ExportReader.read(path: licence)
    }
    #expect(throws: ExportError.self) { try ExportFixtures.read("readeck/text.txt", as: .wallabag) }
  }

  @Test func browserJSONBackupsKeepFoldersAndDates() throws {
    let firefox = try ExportFixtures.read("wallabag/firefox-bookmarks.json")
    #expect(firefox.format == .links)
    #expect(firefox.items.count == 2)
    #expect(firefox.items.allSatisfy { $0.folder == "Barre personnelle" })
    let chrome = try ExportFixtures.read("wallabag/chrome-bookmarks")
    #expect(chrome.items.count == 1)
    #expect(chrome.items[0].folder == "Barre de favoris")
    // 13118850929335823 µs since 1601 is 2016-09-20.
    let year = chrome.items[0].savedAt.map {
      Calendar(identifier: .gregorian).component(.year, from: $0)
    }
    #expect(year == 2016)
  }

  @Test func otherServicesJSONIsReadByItsKeys() throws {
    let pinboard = try ExportFixtures.read("wallabag/pinboard_export")
    #expect(pinboard.items.count == 3)
    #expect(pinboard.items[0].tags == ["infinite", "dom", "performance", "scroll"])
    #expect(pinboard.items[0].title == "Complexities of an Infinite Scroller")
    let delicious = try ExportFixtures.read("wallabag/delicious_export.2021.02.06_21.10.json")
    #expect(delicious.items.count == 3)
    #expect(delicious.items[0].savedAt == Date(timeIntervalSince1970: 1_358_531_607))
    let elcurator = try ExportFixtures.read("wallabag/elcurator.json")
    #expect(elcurator.items[0].savedAt == ExportDate.parse("2015-09-09T11:10:32Z"))
    let goodlinks = try ExportFixtures.read("readeck/goodlinks.json")
    #expect(
      goodlinks.items.map(\.url) == ["https://www.startpage.com/", "https://www.linuxserver.io/"])
    let readability = try ExportFixtures.read("wallabag/readability.json")
    #expect(readability.items.count == 3)
    #expect(
      readability.items[0].title == "We Looked At 167,943 Tweets & Found Out Hashtags Are Worthless"
    )
    #expect(readability.items[1].title == nil, "\"No title found\" is no title")
    let linkwarden = try ExportFixtures.read("karakeep/linkwarden-export.json")
    #expect(linkwarden.items.count == 6)
    #expect(linkwarden.items[1].tags == ["js", "ui", "Frontend"])
  }

  @Test func otherServicesCSVAndPlainListsAreReadByHeader() throws {
    let omnivore = try ExportFixtures.read("omnivore/csv/labels.csv")
    #expect(omnivore.items.map(\.tags) == [["Label1", "Label2", "Label 3", "Label 4"], [], []])
    let complex = try ExportFixtures.read("omnivore/csv/complex.csv")
    #expect(complex.items.map(\.isArchived) == [true, false, false])
    #expect(complex.items[2].savedAt == Date(timeIntervalSince1970: 1_692_093_633))
    let simple = try ExportFixtures.read("readeck/csv-simple.csv")
    #expect(simple.items[1].tags == ["test label", "label B"])
    #expect(simple.items[1].isArchived)
    let list = try ExportFixtures.read("readeck/text.txt")
    #expect(list.items.count == 4)
    #expect(list.problems.map(\.entry) == ["text.txt line 3", "text.txt line 4"])
  }

  @Test func matterArchiveBringsItsArticleAndHighlights() throws {
    let matter = try ExportFixtures.read("omnivore/matter/Archive.zip")
    #expect(matter.items.count == 1)
    #expect((matter.items[0].html?.count ?? 0) > 200_000)
    #expect(matter.items[0].highlights.count == 2)
    #expect(matter.detachedHighlights.isEmpty)
    let readeck = try ExportFixtures.read("readeck/bookmark-article.zip")
    #expect(readeck.items.map(\.url) == ["https://en.wikipedia.org/wiki/Go_(programming_language)"])
    #expect(readeck.items[0].html != nil)
    #expect(readeck.problems.isEmpty)
  }

  @Test func brokenJSONNamesTheFileAndWhere() throws {
    let error = #expect(throws: ExportError.self) {
      try ExportReader.read(
        [
          ExportFile(
            name: "export.json",
            data: Data(#"[{"url": "https://a.example/", "is_starred": tru"#.utf8))
        ],
        path: "export.json", format: .wallabag)
    }
    #expect(error?.errorDescription?.hasPrefix("export.json: is not valid JSON") == true)
  }
}

import Foundation
import LeggioTestSupport
import Testing

@testable import LeggioImport
@testable import LeggioModel

/// Books built by the test, each with one thing wrong. What readers tolerate is read;
/// what is unsafe or unreadable is refused with its one-line error.
@Suite struct EPUBDefectTests {
  static let chapters: [(title: String, body: String)] = [
    ("One", "<h1>One</h1><p>The first chapter begins here.</p>"),
    ("Two", "<h1>Two</h1><p>The second chapter follows.</p>"),
    ("Three", "<h1>Three</h1><p>The third chapter ends it.</p>"),
  ]

  static func read(_ book: EPUBFixture, name: String = "book.epub") throws -> ImportedArticle {
    try ArticleImporter.importData(try book.zipData(), name: name)
  }

  static func text(_ article: ImportedArticle) -> String {
    CanonicalText(article.document).text
  }

  static func expectAllChapters(_ article: ImportedArticle) {
    let text = text(article)
    for phrase in ["first chapter begins", "second chapter follows", "third chapter ends"] {
      #expect(text.contains(phrase))
    }
  }

  // MARK: Forgiving

  @Test func aWellFormedBookReadsInSpineOrderWithItsTableOfContents() throws {
    let article = try Self.read(.book(chapters: Self.chapters))
    Self.expectAllChapters(article)
    #expect(article.contents?.entries.map(\.title) == ["One", "Two", "Three"])
    #expect(article.metadata.title == "A Test Book")
    #expect(article.metadata.byline == "Ada Tester")
    let blocks = try #require(article.contents?.entries.map(\.block))
    #expect(blocks.map { article.document.blocks[$0].plainText } == ["One", "Two", "Three"])
  }

  @Test func hrefsWithDotDotStepsAreResolved() throws {
    var book = EPUBFixture.book(chapters: Self.chapters, chapterName: { "text/ch\($0).xhtml" })
    // Move the package one folder down: every href now climbs out of it.
    let opf = try #require(book.entries.first { $0.name == "OEBPS/content.opf" })
    book.remove("OEBPS/content.opf")
    book.add(
      "OEBPS/package/content.opf",
      String(decoding: opf.data, as: UTF8.self)
        .replacingOccurrences(of: "href=\"", with: "href=\"../"))
    book.add("META-INF/container.xml", EPUBFixture.container(path: "OEBPS/package/content.opf"))
    Self.expectAllChapters(try Self.read(book))
  }

  @Test func percentEncodedNonASCIINamesAreFound() throws {
    var book = EPUBFixture.book(
      chapters: Self.chapters, nav: false, chapterName: { "text/capítolo \($0).xhtml" })
    book.edit("OEBPS/content.opf") {
      $0.replacingOccurrences(of: "capítolo ", with: "cap%C3%ADtolo%20")
    }
    book.edit("OEBPS/toc.ncx") {
      $0.replacingOccurrences(of: "capítolo ", with: "cap%C3%ADtolo%20")
    }
    let article = try Self.read(book)
    Self.expectAllChapters(article)
    #expect(article.contents?.entries.count == 3)
  }

  @Test func namesDifferingOnlyInCaseAreFound() throws {
    var book = EPUBFixture.book(chapters: Self.chapters, chapterName: { "text/ch\($0).xhtml" })
    book.edit("OEBPS/content.opf") { $0.replacingOccurrences(of: "text/ch", with: "Text/CH") }
    Self.expectAllChapters(try Self.read(book))
  }

  @Test func tagSoupHTMLNamedXHTMLIsRead() throws {
    var book = EPUBFixture.book(chapters: Self.chapters)
    book.add(
      "OEBPS/text/chapter2.xhtml",
      "<HTML><BODY><H1>Two<P>The second chapter follows.<BR>Unclosed <I>tags<P>Still read.")
    let article = try Self.read(book)
    Self.expectAllChapters(article)
    #expect(Self.text(article).contains("Still read."))
  }

  @Test func undeclaredHTMLEntitiesAreExpanded() throws {
    var book = EPUBFixture.book(chapters: Self.chapters)
    book.edit("OEBPS/text/chapter1.xhtml") {
      $0.replacingOccurrences(
        of: "begins here.", with: "begins&nbsp;here &mdash; caf&eacute; &hellip;")
    }
    #expect(Self.text(try Self.read(book)).contains("begins\u{A0}here — café …"))
  }

  @Test func internalEntitiesOfTheDoctypeAreExpandedAndTheSubsetIsNotShown() throws {
    var book = EPUBFixture.book(chapters: Self.chapters)
    book.edit("OEBPS/text/chapter1.xhtml") {
      $0.replacingOccurrences(
        of: "<!DOCTYPE html>", with: "<!DOCTYPE html [ <!ENTITY author \"Ada Tester\"> ]>"
      ).replacingOccurrences(of: "begins here.", with: "begins here, by &author;.")
    }
    let text = Self.text(try Self.read(book))
    #expect(text.contains("begins here, by Ada Tester."))
    #expect(!text.contains("]>"))
  }

  @Test func aWrongCharsetDeclarationLosesToValidUTF8() throws {
    var book = EPUBFixture.book(chapters: Self.chapters)
    book.edit("OEBPS/text/chapter1.xhtml") {
      $0.replacingOccurrences(of: "encoding=\"UTF-8\"", with: "encoding=\"ISO-8859-1\"")
        .replacingOccurrences(
          of: "<head>",
          with:
            "<head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\"/>"
        )
        .replacingOccurrences(of: "begins here.", with: "begins in città, naïve.")
    }
    #expect(Self.text(try Self.read(book)).contains("begins in città, naïve."))
  }

  @Test func latin1BytesAreReadAsDeclared() throws {
    var book = EPUBFixture.book(chapters: Self.chapters)
    let xhtml = EPUBFixture.xhtml(title: "One", body: "<p>The first chapter begins à la città.</p>")
      .replacingOccurrences(of: "UTF-8", with: "ISO-8859-1")
    book.add("OEBPS/text/chapter1.xhtml", try #require(xhtml.data(using: .isoLatin1)))
    #expect(Self.text(try Self.read(book)).contains("begins à la città."))
  }

  @Test func withoutNavOrNCXTheTableOfContentsComesFromHeadings() throws {
    let article = try Self.read(.book(chapters: Self.chapters, nav: false, ncx: false))
    Self.expectAllChapters(article)
    #expect(article.contents?.entries.map(\.title) == ["One", "Two", "Three"])
  }

  @Test func aBrokenNavFallsBackOnTheNCX() throws {
    var book = EPUBFixture.book(
      chapters: [("Eins", Self.chapters[0].body), ("Zwei", Self.chapters[1].body)])
    book.add("OEBPS/nav.xhtml", "<<<not a nav at all")
    #expect(try Self.read(book).contents?.entries.map(\.title) == ["Eins", "Zwei"])
  }

  @Test func aBrokenNCXWithoutNavFallsBackOnTheSpine() throws {
    var book = EPUBFixture.book(chapters: Self.chapters, nav: false)
    book.add("OEBPS/toc.ncx", "<ncx><navMap><navPoint>")
    let article = try Self.read(book)
    Self.expectAllChapters(article)
    #expect(article.contents?.entries.map(\.title) == ["One", "Two", "Three"])
  }

  @Test func aMissingMimetypeIsTolerated() throws {
    var book = EPUBFixture.book(chapters: Self.chapters)
    book.remove("mimetype")
    Self.expectAllChapters(try Self.read(book))
  }

  @Test func aMissingContainerFallsBackOnTheOnlyPackageDocument() throws {
    var book = EPUBFixture.book(chapters: Self.chapters)
    book.remove("META-INF/container.xml")
    Self.expectAllChapters(try Self.read(book))
  }

  @Test func aSpineItemMissingFromTheArchiveIsAWarning() throws {
    var book = EPUBFixture.book(chapters: Self.chapters)
    book.remove("OEBPS/text/chapter2.xhtml")
    let article = try Self.read(book)
    #expect(article.warnings.contains { $0.contains("missing") })
    #expect(Self.text(article).contains("third chapter ends"))
  }

  @Test func nonLinearItemsComeAfterTheReadingOrderButStayInTheContents() throws {
    var book = EPUBFixture.book(chapters: Self.chapters)
    book.edit("OEBPS/content.opf") {
      $0.replacingOccurrences(
        of: "<itemref idref=\"c1\"/>", with: "<itemref idref=\"c1\" linear=\"no\"/>")
    }
    let article = try Self.read(book)
    #expect(article.document.blocks.first?.plainText == "Two")
    let one = try #require(article.contents?.entries.first { $0.title == "One" })
    #expect(article.document.blocks[one.block].plainText == "One")
    #expect(one.block > article.contents!.entries.first { $0.title == "Three" }!.block)
  }

  @Test func fontObfuscationIsIgnored() throws {
    var book = EPUBFixture.book(chapters: Self.chapters)
    book.add(
      "META-INF/encryption.xml",
      Self.encryption(
        algorithm: "http://www.idpf.org/2008/embedding", uri: "OEBPS/fonts/missing.otf"))
    Self.expectAllChapters(try Self.read(book))
  }

  // MARK: Links and notes

  @Test func linksBetweenChaptersBecomeJumpsToTheirTargetBlock() throws {
    var book = EPUBFixture.book(chapters: Self.chapters)
    book.edit("OEBPS/text/chapter1.xhtml") {
      $0.replacingOccurrences(
        of: "begins here.", with: "begins here. See <a href=\"chapter3.xhtml#end\">the end</a>.")
    }
    book.edit("OEBPS/text/chapter3.xhtml") {
      $0.replacingOccurrences(of: "<p>The third", with: "<p id=\"end\">The third")
    }
    let article = try Self.read(book)
    let link = try #require(
      article.document.blocks.flatMap(\.inlines).first { $0.text == "the end" }?.link)
    guard case .block(let index) = InternalLink(link) else {
      Issue.record("not an internal link: \(link)")
      return
    }
    #expect(article.document.blocks[index].plainText == "The third chapter ends it.")
  }

  @Test func noteReferencesPointAtTheirNote() throws {
    var book = EPUBFixture.book(chapters: Self.chapters)
    book.edit("OEBPS/text/chapter2.xhtml") {
      $0.replacingOccurrences(
        of: "follows.</p>",
        with: """
          follows.<a epub:type="noteref" href="#n1">1</a> Also<sup><a href="#n2">2</a></sup>.</p>
          <aside epub:type="footnote" id="n1"><p>The first note.</p></aside>
          <div id="n2"><p>The second note.</p></div>
          """)
    }
    let article = try Self.read(book)
    let links = article.document.blocks.flatMap(\.inlines).compactMap {
      $0.link.flatMap(InternalLink.init)
    }
    #expect(links.count == 2)
    let notes = links.compactMap { link -> String? in
      guard case .note(let index) = link else { return nil }
      return article.document.blocks[index].plainText
    }
    #expect(notes == ["The first note.", "The second note."])
  }

  // MARK: Strict

  @Test func bytesThatAreNotAZipAreRefused() {
    #expect(throws: EPUBError.notZip(name: "book.epub")) {
      try ArticleImporter.importData(Data("pretend to be one\nhehe\n".utf8), name: "book.epub")
    }
  }

  @Test func aTruncatedZipIsRefusedAsDamaged() throws {
    let data = try EPUBFixture.book(chapters: Self.chapters).zipData()
    Self.expectRefused(.damaged) {
      try ArticleImporter.importData(data.prefix(data.count / 2), name: "book.epub")
    }
  }

  @Test func aZipWithoutPackageDocumentIsRefused() throws {
    var book = EPUBFixture()
    book.add("mimetype", "application/epub+zip")
    book.add("chapter.xhtml", "<p>Loose text.</p>")
    #expect(throws: EPUBError.noPackage(name: "book.epub")) { try Self.read(book) }
  }

  @Test func encryptedContentIsRefusedAsDRM() throws {
    var book = EPUBFixture.book(chapters: Self.chapters)
    book.add(
      "META-INF/encryption.xml",
      Self.encryption(
        algorithm: "http://www.w3.org/2001/04/xmlenc#aes128-cbc", uri: "OEBPS/text/chapter1.xhtml"))
    Self.expectRefused(.drm) { try Self.read(book) }
  }

  @Test func adobeRightsFileIsRefusedAsDRM() throws {
    var book = EPUBFixture.book(chapters: Self.chapters)
    book.add("META-INF/rights.xml", "<rights/>")
    #expect(throws: EPUBError.drm(name: "book.epub", scheme: "Adobe ADEPT")) { try Self.read(book) }
  }

  @Test func anEntryCompressedBeyondTheRatioIsRefused() throws {
    var book = EPUBFixture.book(chapters: Self.chapters)
    book.add("OEBPS/bomb.txt", Data(repeating: 0x20, count: 8 * 1024 * 1024))
    Self.expectRefused(.tooLarge) { try Self.read(book) }
  }

  @Test func anEntryInflatingPastItsDeclaredSizeIsStopped() throws {
    var book = EPUBFixture.book(
      chapters: [("One", "<p>" + String(repeating: "All work and no play. ", count: 4000) + "</p>")]
    )
    book.remove("mimetype")
    let lying = EPUBFixture.understatingSizes(try book.zipData(), as: 100)
    Self.expectRefused(.tooLarge) { try ArticleImporter.importData(lying, name: "book.epub") }
  }

  @Test func anArchiveExpandingPastTheTotalLimitIsRefused() throws {
    let data = try EPUBFixture.book(chapters: Self.chapters).zipData()
    var limits = EPUBArchive.Limits()
    limits.total = 1000
    Self.expectRefused(.tooLarge) { try EPUBArchive(data: data, name: "book.epub", limits: limits) }
  }

  @Test(arguments: ["../../evil.xhtml", "/etc/evil.xhtml", "OEBPS\\..\\..\\evil.xhtml", "C:/evil"])
  func entryNamesLeavingTheBookAreRefused(_ name: String) throws {
    var book = EPUBFixture.book(chapters: Self.chapters)
    book.add(name, "<p>evil</p>")
    #expect(throws: EPUBError.unsafeName(name: "book.epub", entry: name)) { try Self.read(book) }
  }

  /// The kinds of refusal, to check one without spelling its message.
  enum Refusal { case drm, tooLarge, damaged }

  /// Expects `body` to throw the `EPUBError` of kind `kind`.
  static func expectRefused(
    _ kind: Refusal, sourceLocation: SourceLocation = #_sourceLocation,
    _ body: () throws -> Any
  ) {
    do {
      _ = try body()
      Issue.record("not refused", sourceLocation: sourceLocation)
    } catch let error as EPUBError {
      let found: Refusal? =
        switch error {
        case .drm: .drm
        case .tooLarge: .tooLarge
        case .damaged: .damaged
        default: nil
        }
      #expect(found == kind, "\(error)", sourceLocation: sourceLocation)
      #expect(error.errorDescription?.contains("\n") == false, sourceLocation: sourceLocation)
    } catch {
      Issue.record("not an EPUBError: \(error)", sourceLocation: sourceLocation)
    }
  }

  static func encryption(algorithm: String, uri: String) -> String {
    """
    <?xml version="1.0" encoding="UTF-8"?>
    <encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container"
      xmlns:enc="http://www.w3.org/2001/04/xmlenc#">
    <enc:EncryptedData>
    <enc:EncryptionMethod Algorithm="\(algorithm)"/>
    <enc:CipherData><enc:CipherReference URI="\(uri)"/></enc:CipherData>
    </enc:EncryptedData>
    </encryption>
    """
  }
}

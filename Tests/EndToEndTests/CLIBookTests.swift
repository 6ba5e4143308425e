import Foundation
import LeggioTestSupport
import Testing

/// Books at the command line: `add`, `toc`, `show`, `extract`, annotations across the
/// book, and the one-line refusals that leave the library as it was.
@Suite struct CLIBookTests {
  static let chapters: [(title: String, body: String)] = [
    ("Chapter One", "<h1>Chapter One</h1><p>It was a quiet morning in the valley.</p>"),
    ("Chapter Two", "<h1>Chapter Two</h1><p>The river rose during the night.</p>"),
    ("Chapter Three", "<h1>Chapter Three</h1><p>By noon the bridge was gone.</p>"),
  ]

  static func writeBook(_ cli: CLIHarness, _ book: EPUBFixture, name: String = "book.epub")
    throws -> String
  {
    try cli.write(name, try book.zipData())
  }

  @Test func aBookIsOneEntryWithItsChaptersInOrderAndItsContents() throws {
    let cli = try CLIHarness()
    let path = try Self.writeBook(
      cli,
      .book(
        title: "The Valley", chapters: Self.chapters,
        extraMetadata: "<dc:subject>Floods</dc:subject><dc:publisher>River Press</dc:publisher>"))
    let added = try cli.run("add", path)
    #expect(added.stdoutLines.first == "added 1  The Valley")
    let list = try cli.listJSON()
    #expect(list.count == 1)
    #expect(list.first?["tags"] as? [String] == ["Floods"])
    let toc = try cli.run("toc", "1")
    #expect(
      toc.stdoutLines.map { $0.trimmingCharacters(in: .whitespaces) }.dropFirst().map {
        String($0.drop { $0 != " " }.drop { $0 == " " })
      } == ["Chapter One", "Chapter Two", "Chapter Three"])
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(cli.run("toc", "1", "--json").stdout.utf8))
        as? [[String: Any]])
    let text = try cli.run("show", "1", "--format", "text").stdout
    let scalars = Array(text.unicodeScalars)
    // Each entry's offset is where its heading starts in the canonical text.
    let shown = try #require(
      try JSONSerialization.jsonObject(
        with: Data(cli.run("show", "1", "--format", "json").stdout.utf8))
        as? [String: Any])
    let canonical = Array((shown["text"] as? String ?? "").unicodeScalars)
    for entry in json {
      let offset = try #require(entry["offset"] as? Int)
      let title = try #require(entry["title"] as? String)
      #expect(
        String(String.UnicodeScalarView(canonical[offset..<offset + title.unicodeScalars.count]))
          == title)
    }
    #expect((shown["toc"] as? [[String: Any]])?.count == 3)
    #expect(shown["publisher"] as? String == "River Press")
    let markdown = try cli.run("show", "1", "--format", "markdown").stdout
    let positions = ["quiet morning", "river rose", "bridge was gone"].map {
      markdown.range(of: $0)?.lowerBound
    }
    #expect(positions.allSatisfy { $0 != nil })
    #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())
    #expect(!scalars.isEmpty)
  }

  /// A long book waits for the search index after `add` (issue 13: indexing it was a
  /// quarter of the add), and the first search indexes it and finds its words, to the
  /// last page; `check` counts it as waiting, not missing.
  @Test func aLongBookIsFoundByTheFirstSearchAfterItIsAdded() throws {
    let cli = try CLIHarness()
    let book = SharedFiles.url("corpus/epub/readium-go-toolkit/feedbooks_book_6816.epub").path
    let added = try cli.run("add", book)
    #expect(added.stdoutLines.first?.hasPrefix("added 1  Mémoires d'Outre-tombe") == true)
    #expect(try cli.run("check").stdout.contains("the library is sound"))
    for word in ["Combourg", "feedbooks", "Chateaubriand"] {
      let hits = try #require(
        try JSONSerialization.jsonObject(
          with: Data(cli.run("search", word, "--json").stdout.utf8)) as? [[String: Any]])
      #expect(hits.map { $0["id"] as? Int } == [1], "\(word)")
    }
  }

  @Test func extractPrintsMetadataContentsAndChaptersWithoutSaving() throws {
    let cli = try CLIHarness()
    let path = try Self.writeBook(cli, .book(title: "The Valley", chapters: Self.chapters))
    let result = try cli.run(["extract", path, "--format", "json"], library: false)
    #expect(result.status == 0, "\(result.stderr)")
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    #expect(object["title"] as? String == "The Valley")
    #expect(object["identifier"] as? String == "urn:uuid:0b3c1f6e-0000-4000-8000-000000000001")
    let chapters = try #require(object["chapters"] as? [[String: Any]])
    #expect(chapters.compactMap { $0["title"] as? String } == Self.chapters.map(\.title))
    #expect((chapters.last?["text"] as? String)?.contains("bridge was gone") == true)
    #expect((object["toc"] as? [Any])?.count == 3)
    #expect(try cli.listJSON().isEmpty)
  }

  @Test func everyBrokenBookGetsOneLineAndTheLibraryStaysAsItWas() throws {
    let cli = try CLIHarness()
    let good = try Self.writeBook(cli, .book(chapters: Self.chapters))
    #expect(try cli.run("add", good).status == 0)
    let before = try cli.snapshot()
    var bad: [String] = []
    bad.append(try cli.write("text.epub", "pretend to be one\nhehe\n"))
    let whole = try EPUBFixture.book(title: "Other", chapters: Self.chapters).zipData()
    bad.append(try cli.write("truncated.epub", whole.prefix(whole.count / 2)))
    var drm = EPUBFixture.book(chapters: Self.chapters)
    drm.add("META-INF/rights.xml", "<rights/>")
    bad.append(try Self.writeBook(cli, drm, name: "drm.epub"))
    var encrypted = EPUBFixture.book(chapters: Self.chapters)
    encrypted.add(
      "META-INF/encryption.xml",
      """
      <encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container"
        xmlns:enc="http://www.w3.org/2001/04/xmlenc#">
      <enc:EncryptedData><enc:EncryptionMethod Algorithm="http://www.w3.org/2001/04/xmlenc#aes128-cbc"/>
      <enc:CipherData><enc:CipherReference URI="OEBPS/text/chapter1.xhtml"/></enc:CipherData>
      </enc:EncryptedData></encryption>
      """)
    bad.append(try Self.writeBook(cli, encrypted, name: "encrypted.epub"))
    var bomb = EPUBFixture.book(chapters: Self.chapters)
    bomb.add("OEBPS/zeros.txt", Data(repeating: 0, count: 16 * 1024 * 1024))
    bad.append(try Self.writeBook(cli, bomb, name: "bomb.epub"))
    var slip = EPUBFixture.book(chapters: Self.chapters)
    slip.add("../../../tmp/evil.xhtml", "<p>evil</p>")
    bad.append(try Self.writeBook(cli, slip, name: "slip.epub"))
    var empty = EPUBFixture()
    empty.add("mimetype", "application/epub+zip")
    bad.append(try Self.writeBook(cli, empty, name: "nopackage.epub"))
    let result = try cli.run(["add"] + bad)
    #expect(result.status != 0)
    #expect(result.stderrLines.count == bad.count, "\(result.stderr)")
    for (line, path) in zip(result.stderrLines, bad) {
      #expect(line.hasPrefix("leggio: " + path + ": "), "\(line)")
    }
    #expect(result.stdoutLines.last == "0 added, 0 updated, 0 unchanged, 7 failed")
    #expect(try cli.snapshot() == before)
  }

  @Test func annotationsFollowABookImportedAgainWithAChangedChapter() throws {
    let cli = try CLIHarness()
    let path = try Self.writeBook(cli, .book(chapters: Self.chapters))
    #expect(try cli.run("add", path).status == 0)
    let annotated = try cli.run("annotate", "1", "--quote", "By noon the bridge was gone")
    #expect(annotated.status == 0, "\(annotated.stderr)")
    var changed = EPUBFixture.book(chapters: Self.chapters)
    changed.edit("OEBPS/text/chapter2.xhtml") {
      $0.replacingOccurrences(of: "rose during", with: "rose, slowly and then all at once, during")
    }
    try Self.writeBook(cli, changed)
    let again = try cli.run("add", path)
    #expect(again.stdoutLines.first?.hasPrefix("updated 1") == true, "\(again.stdout)")
    let annotations = try #require(
      try JSONSerialization.jsonObject(with: Data(cli.run("annotations", "--json").stdout.utf8))
        as? [[String: Any]])
    let moved = try #require(annotations.first)
    #expect(moved["orphaned"] as? Bool == false)
    #expect((moved["quote"] as? String)?.hasSuffix("bridge was gone") == true)
    let text =
      try #require(
        try JSONSerialization.jsonObject(
          with: Data(cli.run("show", "1", "--format", "json").stdout.utf8))
          as? [String: Any])["text"] as? String
    let start = try #require(moved["start"] as? Int)
    let scalars = Array(try #require(text).unicodeScalars)
    #expect(String(String.UnicodeScalarView(scalars[start..<start + 8])) == "By noon ")
  }
}

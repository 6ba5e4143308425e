import Foundation
import LeggioTestSupport
import Testing

@testable import LeggioImport
@testable import LeggioModel

/// Chapters that are well-formed XHTML are read by libxml2's XML parser (`XHTMLReader`);
/// these tests hold its trees, and the blocks made of them, to the HTML parser's on every
/// chapter of the corpus and on chapters written to part the two, and check that what
/// the XML reading gives up on goes to the HTML parser whole.
@Suite struct XHTMLReaderTests {
  static let outline = HTMLParserTreeTests.outline

  /// The tree and blocks both ways; nil when the XML reading gave up.
  static func bothWays(_ text: String) -> (xml: [String], html: [String])? {
    guard let xml = XHTMLReader.read(text) else { return nil }
    let html = HTMLParser.parse(text)
    let xmlBlocks = HTMLDocumentConverter.convertRecordingAnchors(xml)
    let htmlBlocks = HTMLDocumentConverter.convertRecordingAnchors(html)
    #expect(xmlBlocks.0 == htmlBlocks.0)
    #expect(xmlBlocks.1 == htmlBlocks.1)
    return (outline(xml), outline(html))
  }

  static func expectSameTree(_ text: String, _ label: String) -> Bool {
    guard let trees = bothWays(text) else { return false }
    guard trees.xml != trees.html else { return true }
    let index =
      zip(trees.xml, trees.html).enumerated().first { $0.element.0 != $0.element.1 }?.offset
      ?? min(trees.xml.count, trees.html.count)
    Issue.record(
      """
      \(label): trees part at node \(index): \
      \(index < trees.xml.count ? trees.xml[index] : "end") (XML) vs \
      \(index < trees.html.count ? trees.html[index] : "end") (HTML)
      """)
    return true
  }

  /// The decoded text of every content document in the spine of `url`.
  static func chapters(of url: URL) throws -> [(path: String, text: String)] {
    let archive = try EPUBArchive(data: try Data(contentsOf: url), name: url.lastPathComponent)
    let packagePath = try EPUBPackage.locate(in: archive)
    let packageData = try #require(try archive.data(at: packagePath))
    let root = try #require(EPUBXML.parse(packageData))
    let package = EPUBPackage(root: root, path: packagePath)
    return try package.spine.compactMap { spineItem in
      guard EPUBImporter.isContent(spineItem.item),
        let data = try archive.data(at: spineItem.item.path)
      else { return nil }
      return (spineItem.item.path, ChapterText.decode(data))
    }
  }

  @Test(arguments: SpineOracle.corpusBooks)
  func everyCorpusChapterReadAsXMLGivesTheHTMLParsersTreeAndBlocks(_ url: URL) throws {
    let chapters = try Self.chapters(of: url)
    #expect(!chapters.isEmpty)
    var read = 0
    for chapter in chapters where Self.expectSameTree(chapter.text, chapter.path) { read += 1 }
    // The large book's chapters are all well-formed XHTML: the XML reading must take them.
    if url.lastPathComponent == "feedbooks_book_6816.epub" {
      #expect(read == chapters.count, "\(read) of \(chapters.count) read as XML")
    }
  }

  @Test func mostCorpusChaptersAreReadAsXML() throws {
    var read = 0
    var total = 0
    for url in SpineOracle.corpusBooks {
      for chapter in try Self.chapters(of: url) {
        total += 1
        if XHTMLReader.read(chapter.text) != nil { read += 1 }
      }
    }
    #expect(read * 10 >= total * 9, "\(read) of \(total) chapters read as XML")
  }

  static let head =
    "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
    + "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.1//EN\" "
    + "\"http://www.w3.org/TR/xhtml11/DTD/xhtml11.dtd\">\n"
    + "<html xmlns=\"http://www.w3.org/1999/xhtml\" xmlns:epub=\"http://www.idpf.org/2007/ops\""
    + " xml:lang=\"fr\">\n<head>\n  <title>Un &amp; deux</title>\n"
    + "  <meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\"/>\n"
    + "  <link rel=\"stylesheet\" type=\"text/css\" href=\"../css/main.css\"/>\n"
    + "  <style type=\"text/css\">p { margin: 0 } .a + .b { color: red }</style>\n"
    + "</head>\n<body class=\"chapter\">\n"

  static func page(_ body: String) -> String { head + body + "\n</body>\n</html>\n" }

  /// Well-formed chapters as books write them, each read as XML to the HTML tree.
  @Test(arguments: [
    "<h1 id=\"c1\">Chapitre premier</h1>\n<p>Il &eacute;tait une fois&nbsp;: &laquo;&#160;oui&#xA0;&raquo; &hellip;</p>",
    "<section epub:type=\"chapter\" role=\"doc-chapter\"><h2>Two</h2>\n<p>Text<a epub:type=\"noteref\" href=\"notes.xhtml#n1\" id=\"r1\"><sup>1</sup></a>.</p></section>",
    "<aside epub:type=\"footnote\" id=\"n1\"><p>The note &amp; more &lt;here&gt;.</p></aside>",
    "<p>Line one<br/>line two<br></br>line three</p>\n<hr/>\n<div/><p/><a id=\"empty\"/>",
    "<ul>\n  <li>one</li>\n  <li>two\n    <ul><li>nested</li></ul>\n  </li>\n</ul>\n<ol start=\"3\"><li>three</li></ol>",
    "<table>\n<thead><tr><th>a</th><th>b</th></tr></thead>\n<tbody><tr><td colspan=\"2\">c</td></tr></tbody>\n</table>",
    "<pre>\n  code line\n    indented &amp; kept\n</pre>\n<blockquote><p>quoted</p></blockquote>",
    "<div class=\"  spaced   classes \" title=\"a &quot;b&quot; c\" data-x=\"1 &lt; 2\"><span>s</span></div>",
    "<p>Before<!-- a comment -->after<?page-break here?>.</p>",
    "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" viewBox=\"0 0 10 10\"><image xlink:href=\"../images/cover.jpg\" width=\"10\" height=\"10\"/></svg>",
    "<epub:switch id=\"s\"><epub:case required-namespace=\"http://www.w3.org/1998/Math/MathML\"><p>math</p></epub:case><epub:default><p>fallback</p></epub:default></epub:switch>",
    "<figure><img src=\"../images/map.png\" alt=\"Une carte\"/><figcaption>Carte</figcaption></figure>",
    "<p>Mixed <em>em <strong>strong <a href=\"#c1\">link</a></strong></em> tail</p><div><div><p>deep</p></div></div>",
    "<script type=\"text/javascript\">var a = 1; if (a) { a = 2; }</script><p>after script</p>",
    "<dl><dt>term</dt><dd>definition</dd></dl><p>中文文本，没有空格。日本語の文章。</p>",
  ])
  func aWellFormedChapterIsReadAsXMLToTheHTMLTree(_ body: String) {
    #expect(Self.expectSameTree(Self.page(body), String(body.prefix(50))), "not read as XML")
  }

  @Test func aChapterWithoutDeclarationOrDoctypeIsReadAsXML() {
    let text =
      "<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>T</title></head>"
      + "<body><p>plain</p></body></html>"
    #expect(Self.expectSameTree(text, "bare"))
    #expect(Self.expectSameTree("<!DOCTYPE html>\n" + text, "html5 doctype"))
  }

  /// Chapters the XML reading gives up on: broken XML, or well-formed XML the HTML
  /// parser reads otherwise. Each goes to the HTML parser whole.
  @Test(arguments: [
    // HTML served as XHTML, and what XML refuses.
    "<p>An unclosed<br>break</p>",
    "<p>AT&T and a stray ampersand</p>",
    "<p>An undeclared &foo; entity</p>",
    "<p>Unquoted <a href=x.html>attribute</a></p>",
    "<p>Mismatched <b><i>tags</b></i></p>",
    "<p>Duplicate</p></body><body><p class=\"a\" class=\"b\">x</p>",
    "<p>A bare control character \u{01} here</p>",
    // Well-formed, but the HTML parser would read it otherwise.
    "<p>A paragraph<div>holding a block</div></p>",
    "<ul><li>one<li>nested item</li></li></ul>",
    "<p>one<p>nested paragraph</p></p>",
    "<p><br>text in a break</br></p>",
    "<P>Upper-case tag</P>",
    "<p title=\"caf&eacute;\">An HTML entity in an attribute</p>",
    "<p title=\"a\nb\">A line break in an attribute</p>",
    "<p>A <![CDATA[cdata <section>]]> here</p>",
    "<style>p &gt; a { color: red }</style><p>style with an entity</p>",
    "<script><!-- var a = 1; --></script><p>script with a comment</p>",
  ])
  func aChapterTheXMLReadingGivesUpOnGoesToTheHTMLParserWhole(_ body: String) {
    let text = Self.page(body)
    #expect(XHTMLReader.read(text) == nil)
    #expect(Self.outline(HTMLParser.parseChapter(text)) == Self.outline(HTMLParser.parse(text)))
  }

  @Test(arguments: [
    "<div xmlns=\"http://www.w3.org/1999/xhtml\"><p>A fragment without html</p></div>",
    "<html><head><title>T</title>stray text</head><body><p>b</p></body></html>",
    "<html><p>no body</p></html>",
    "<html><head><title>a</title></head>\r\n<body><p>CR LF line ends</p></body></html>",
    "<!DOCTYPE html [<!ENTITY ch \"chapter\">]><html><body><p>&ch;</p></body></html>",
    String(repeating: "<div>", count: 300) + "deep" + String(repeating: "</div>", count: 300),
    "",
    "plain text, no markup",
  ])
  func aDocumentShapedOtherwiseGoesToTheHTMLParserWhole(_ text: String) {
    #expect(XHTMLReader.read(text) == nil)
    #expect(Self.outline(HTMLParser.parseChapter(text)) == Self.outline(HTMLParser.parse(text)))
  }

  /// XXE: an external entity is never loaded, the XML reading gives up on the declaration
  /// and the HTML parser shows the reference as written.
  @Test func anExternalEntityIsNeitherLoadedNorExpanded() throws {
    let secret = FileManager.default.temporaryDirectory.appendingPathComponent(
      "leggio-xxe-\(getpid()).txt")
    try "The secret leaked".write(to: secret, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(at: secret) }
    let text =
      "<?xml version=\"1.0\"?><!DOCTYPE html [<!ENTITY xxe SYSTEM \"\(secret.absoluteString)\">]>"
      + "<html xmlns=\"http://www.w3.org/1999/xhtml\"><body><p>&xxe;</p></body></html>"
    #expect(XHTMLReader.read(text) == nil)
    let shown = HTMLParser.parseChapter(text).textContent
    #expect(!shown.contains("secret leaked"))
    // Without the declared subset (as `ChapterText` leaves a chapter), the reference is an
    // entity XHTML does not know: given up on, not loaded.
    let bare = "<html><body><p>&xxe;</p></body></html>"
    #expect(XHTMLReader.read(bare) == nil)
    #expect(!HTMLParser.parseChapter(bare).textContent.contains("secret leaked"))
  }

  @Test func whereTheHTMLParserKeepsElementsAndTextIsAskedOfIt() {
    #expect(HTMLNesting.keeps(element: "span", in: "p"))
    #expect(HTMLNesting.keeps(element: "div", in: "div"))
    #expect(!HTMLNesting.keeps(element: "div", in: "p"))
    #expect(!HTMLNesting.keeps(element: "li", in: "li"))
    #expect(!HTMLNesting.keeps(element: "span", in: "br"))
    #expect(HTMLNesting.keeps(element: "epub:case", in: "epub:switch"))
    #expect(HTMLNesting.fate(ofText: false, in: "p") == .kept)
    #expect(HTMLNesting.fate(ofText: false, in: "head") == .moved)
    #expect(HTMLNesting.fate(ofText: false, in: "br") == .moved)
  }
}

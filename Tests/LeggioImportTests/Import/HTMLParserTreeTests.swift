import Foundation
import LeggioTestSupport
import Testing

@testable import LeggioImport

/// `HTMLParser` builds its tree from libxml2's SAX events; these tests hold it to the tree
/// libxml2's own builder makes (`parseThroughLibxml2Tree`), node for node, on every page
/// of the corpora and on the tag soup where the two could part.
@Suite struct HTMLParserTreeTests {
  /// Every node in document order: kind, name, attributes, text, and its child count.
  static func outline(_ root: HTMLNode) -> [String] {
    var lines: [String] = []
    func visit(_ node: HTMLNode, _ depth: Int) {
      switch node.kind {
      case .document: lines.append("\(depth) document \(node.children.count)")
      case .comment: lines.append("\(depth) comment")
      case .text: lines.append("\(depth) text \(node.text.debugDescription)")
      case .element:
        let attributes = node.attributes.map { "\($0.name)=\($0.value.debugDescription)" }
        lines.append(
          "\(depth) <\(node.name) \(attributes.joined(separator: " "))> \(node.children.count)")
      }
      for child in node.children { visit(child, depth + 1) }
    }
    visit(root, 0)
    return lines
  }

  static func expectSameTree(_ html: String, _ label: String) {
    let built = outline(HTMLParser.parse(html))
    let reference = outline(HTMLParser.parseThroughLibxml2Tree(html))
    guard built != reference else { return }
    let index =
      zip(built, reference).enumerated().first { $0.element.0 != $0.element.1 }?.offset
      ?? min(built.count, reference.count)
    Issue.record(
      """
      \(label): trees part at node \(index) of \(reference.count) (built \(built.count)): \
      \(index < built.count ? built[index] : "end") vs \
      \(index < reference.count ? reference[index] : "end")
      """)
  }

  /// Every page of the three web corpora (Zyte, trafilatura, Readability), decoded, with
  /// its name.
  static func corpusPages() throws -> [(name: String, html: String)] {
    let extraction = WebCorpusTests.packageRoot().appendingPathComponent(
      "../shared/corpus/extraction")
    let zyte = try ExtractionBenchmarks.loadZyte(extraction.appendingPathComponent("scrapinghub"))
    let trafilatura = try ExtractionBenchmarks.loadTrafilatura(
      extraction.appendingPathComponent("trafilatura"))
    let readability = try CorpusEvaluation.loadPages(in: WebCorpusTests.corpus)
    return (zyte.pages + trafilatura.pages).map { ($0.key, HTMLCharset.decode($0.data).text) }
      + readability.map { ($0.name, $0.source) }
  }

  @Test func everyCorpusPageGivesLibxml2sOwnTree() throws {
    let pages = try Self.corpusPages()
    #expect(pages.count > 250)
    for page in pages { Self.expectSameTree(page.html, page.name) }
  }

  /// The parser's index stands in for walks of the page: preparing with it gives the
  /// tree preparing by walking gives, and the same `<base>`.
  @Test func theParsersIndexPreparesPagesAsAWalkDoes() throws {
    let extraction = WebCorpusTests.packageRoot().appendingPathComponent(
      "../shared/corpus/extraction")
    let trafilatura = try ExtractionBenchmarks.loadTrafilatura(
      extraction.appendingPathComponent("trafilatura"))
    let readability = try CorpusEvaluation.loadPages(in: WebCorpusTests.corpus)
    let sources =
      trafilatura.pages.map { HTMLCharset.decode($0.data).text } + readability.map(\.source) + [
        "<html><head><base href=/a/><!--c--><noscript><img src=x.png></noscript></head>"
          + "<body><font>f</font>a<br><br>b<x:base href=/b/></x:base></body></html>"
      ]
    for html in sources {
      let indexed = HTMLParser.parseIndexed(html)
      let walked = HTMLParser.parse(html)
      #expect(
        indexed.index.elements(named: "base").first?.attribute("href")
          == walked.firstElement(named: "base")?.attribute("href"))
      PagePreparation.prepare(indexed.root, index: indexed.index)
      PagePreparation.prepare(walked)
      #expect(Self.outline(indexed.root) == Self.outline(walked), "\(html.prefix(80))")
    }
  }

  /// Cutting scripts and styles out for libxml2 and putting them back gives the tree the
  /// whole page gives, and most pages are cut.
  @Test func pagesCutOfTheirScriptsGiveTheWholePagesTree() throws {
    let sources = try Self.corpusPages().map(\.html) + Self.rawTextSoup
    var cut = 0
    for html in sources {
      let bytes = Array(html.utf8)
      let parsed = bytes.withUnsafeBufferPointer { buffer in
        RawTextCut.make(buffer).flatMap { HTMLParser.parseIndexed(utf8: buffer, cut: $0) }
      }
      guard let parsed else { continue }
      cut += 1
      #expect(
        Self.outline(parsed.root) == Self.outline(HTMLParser.parse(html)), "\(html.prefix(80))")
    }
    #expect(cut * 10 >= sources.count * 7, "\(cut) of \(sources.count) pages cut")
  }

  /// A character libxml2 leaves out of a script (a control character, U+FFFE, U+FFFF)
  /// keeps it in place wherever it stands among the bytes read eight at a time, while
  /// tabs, line breaks and other characters led by 0xEF (U+FFFD) are cut.
  @Test func aCharacterLibxmlLeavesOutKeepsItsScriptUncutWhereverItStands() {
    let code = String(repeating: "var a = 1; ", count: 4)
    let kept = String(repeating: "\tx = '\u{FFFD}\u{F000}é';\r\n", count: 80)
    for bad in ["\u{01}", "\u{1F}", "\u{0B}", "\u{FFFE}", "\u{FFFF}"] {
      for offset in 0..<20 {
        let split = code.index(code.startIndex, offsetBy: offset)
        let html =
          "<p>a</p><script>\(code[..<split])\(bad)\(code[split...])</script>"
          + "<style>\(kept)</style><p>b</p>"
        let bytes = Array(html.utf8)
        let cut = bytes.withUnsafeBufferPointer { RawTextCut.make($0) }
        #expect(cut?.elements.count == 2, "\(offset)")
        #expect(cut?.elements.first?.content == nil, "\(offset) \(bad.unicodeScalars.first!)")
        #expect(cut?.elements.last?.content != nil, "\(offset)")
      }
    }
  }

  /// Quoted values are cut where libxml2 reads them unchanged, and kept where it
  /// decodes an entity, drops a duplicate, or the tag is one libxml2 may drop or read.
  @Test func quotedAttributeValuesAreCutWhereLibxmlReadsThemAsWritten() throws {
    let code = String(repeating: "var a = 1; ", count: 100)
    let long = String(repeating: "x", count: RawTextCut.minimumValue)
    let html =
      "<meta content=\"\(long)\"><div class=\"\(long)\" id=short title='\(long)'>"
      + "<a href=\"\(long)&amp;\" b=\"\(long)\" B=\"\(long)\">l</a></div><script>\(code)</script>"
    let bytes = Array(html.utf8)
    let cut = try #require(bytes.withUnsafeBufferPointer { RawTextCut.make($0) })
    #expect(cut.values.map(\.ordinal) == [0, 2])
    #expect(cut.values.allSatisfy { $0.attributeCount == 3 && $0.content.count == long.utf8.count })
    let parsed = try #require(
      bytes.withUnsafeBufferPointer { HTMLParser.parseIndexed(utf8: $0, cut: cut) })
    #expect(Self.outline(parsed.root) == Self.outline(HTMLParser.parse(html)))
  }

  /// Scripts and styles beside what could mislead a cut, each with enough content to cut.
  static let rawTextSoup: [String] = {
    let code = String(repeating: "if (a < b && c > d) { x = '</div>'; } ", count: 40)
    return [
      "<!--<script>--><p>a</p><script>\(code)</script><p>b</p>",
      "<!--><script>\(code)</script>-->",
      "<!---><script>\(code)</script>--!><p>x</p>",
      "<!-- c --!><script type=\"a>b\">\(code)</sCrIpT ><p>after</p>",
      "<!DOCTYPE html PUBLIC \"-//W3C//DTD HTML 4.01//EN\"><style>\(code)</style>",
      "<div title='<script>'>x</div><script src=x.js/>\(code)</script>",
      "<script/><p>\(code)</p><style>\(code)</STYLE>",
      "<script>\(code)</scripts>\(code)</script><p>p</p>",
      "<script></div>\(code)</script>", "<script><p>\(code)</script>",
      "<script>\r\n\(code)\u{01}</script><style>\(code)</style>",
      "</ x><script>\(code)</script></3><?php echo 1 ?><script>\(code)</script>",
      "<_x><script>\(code)</script><a b=\"c\" d=e/f g>\(code)</a><script>\(code)",
      "<p a\"b=\"<script>\">\(code)</p><script>\(code)</script>",
    ] + attributeSoup(code)
  }()

  /// Long attribute values beside what could mislead their cut: entities, duplicate and
  /// over-long names, tags libxml2 drops or merges, quotes inside, control characters.
  static func attributeSoup(_ code: String) -> [String] {
    let long = String(repeating: "word-Ünï ", count: 6)
    let name = String(repeating: "n", count: 120)
    return [
      "<div class=\"\(long)\" id='\(long)' data-x=\"\(long)\">a</div><script>\(code)</script>",
      "<a href=\"/x?\(long)&amp;b=\(long)\" title=\"\(long)\">l</a><style>\(code)</style>",
      "<p class=\"\(long)\" CLASS=\"\(long)x\">dup</p><script>\(code)</script>",
      "<p \(name)=\"\(long)\" b=\"\(long)\">n</p><script>\(code)</script>",
      "<html lang=\"\(long)\"><body class=\"\(long)\"><div><body class=\"\(long)b\">x</div>"
        + "<html class=\"\(long)\"><script>\(code)</script>",
      "<meta content=\"text/html; charset=\(long)\"><p title='\(long)\"'>q</p><script>\(code)</script>",
      "<p title=\"\(long)\u{01}\" alt=\"\(long)\r\n\(long)\">c</p><script>\(code)</script>",
      "<!-- <p class=\"\(long)\"> --><p class=\"\(long)\" disabled x = '\(long)'>s</p>"
        + "<![CDATA[<p class=\"\(long)\">]]><script class=\"\(long)\">\(code)</script>",
      "<svg><path d=\"\(long)\"/><path d=\"\(long)\" /></svg><img src=\"\(long)\"/><script>\(code)</script>",
      String(repeating: "<div class=\"\(long)\">", count: 300) + "<script>\(code)</script>",
    ]
  }

  @Test(arguments: [
    "<!DOCTYPE html><html><body><p>a</p></body></html><script>late()</script><p>after</p>",
    "<html><body><p>a</p></body></html><p>late</p>",
    "<!-- first --><html><body>x</body></html><div>y</div>",
    "<?xml version=\"1.0\"?><html><body>x</body></html><b>y</b>",
    "<html><body><div>text<body class=two>more</div> <span>tail</span></body></html>",
    "<div>before<p class=\"a\u{0B}b\">cut</p>after</div><p>next</p>",
    "<p>one &amp; two &#8211; three <!-- c --> four<?pi x?>five</p>",
    "<head> <title>T</title> <meta charset=latin1> </head> text before body <p>p</p>",
    "<table><tr><td>a<td>b</table> trailing <ul> <li>one <li>two</ul>",
    "<script>" + String(repeating: "var a = 1; ", count: 400) + "</script><style>p{}</style>",
    "<p>" + String(repeating: "long text, ", count: 500) + "</p>",
    "<input disabled value=''><img alt src=x.png><a href=\"/x?a=1&b=2\">l</a>",
    "<g:plusone size=medium></g:plusone><a:></a:><:b>x</:b><fb:like:box>y</fb:like:box>",
    "plain text only",
    "",
  ])
  func tagSoupGivesLibxml2sOwnTree(_ html: String) {
    Self.expectSameTree(html, html.prefix(60).debugDescription)
  }

  @Test func nestingPastTheDepthCapFlattensAsBefore() {
    let deep =
      String(repeating: "<div>a", count: 300) + "<script>skip()</script><!-- c -->b<span>c</span>"
      + String(repeating: "</div>t", count: 300)
    Self.expectSameTree(deep, "deep")
    var depth = 0
    var node = HTMLParser.parse(deep)
    while let next = node.children.last(where: \.isElement) {
      node = next
      depth += 1
    }
    #expect(depth <= HTMLParser.maximumDepth + 2)
    #expect(!HTMLParser.parse(deep).textContent.contains("skip()"))
  }
}

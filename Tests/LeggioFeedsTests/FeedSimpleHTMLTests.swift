import Foundation
import Testing

@testable import LeggioModel
@testable import LeggioImport
@testable import LeggioFeeds

/// The fast path for plain `<p>` summaries gives exactly what the full converter gives,
/// and steps aside for everything else.
@Suite struct FeedSimpleHTMLTests {
  func converted(_ html: String) -> Document {
    HTMLDocumentConverter.convert(HTMLParser.parse("<body>" + html + "</body>"))
  }

  @Test func plainParagraphsMatchTheFullConverter() throws {
    let cases = [
      "<p>Il testo della notizia.</p><p>Un altro paragrafo, più lungo.</p>",
      "Solo testo, senza tag.",
      "  Prima\n\triga  <P>Seconda &amp; terza &lt;x&gt; &quot;q&quot; l&#39;una</P>  coda ",
      "Intro<p>Mezzo</p>Fine", "<p></p><p>  </p>", "A</p>B", "città è là 日本 😀",
      "<p>\n  spazi   \n\n multipli \t</p>",
      // Words with single spaces are copied as one run: its edges are where spaces go.
      "<p>una parola e l’altra — “così”</p> <p> a b </p>a &amp; b&amp;c x &lt;y",
      " a", "a ", "a  b", "a \nb", "<p>a </p> b", "a b<p>", "&amp; a", "a &amp;",
    ]
    for html in cases {
      let fast = try #require(FeedSimpleHTML.document(html), "no fast path for \(html)")
      #expect(fast == converted(html), "\(html)")
    }
  }

  @Test func randomFragmentsMatchTheFullConverter() throws {
    let pieces = [
      "<p>", "</p>", "<P>", "</P>", "parola", "altra", " ", "  ", "\n", "\t", "&amp;", "&lt;",
      "&gt;", "&quot;", "&#39;", "è", "più", "日本", ".", ",",
    ]
    var seed: UInt64 = 0x5EED
    func next(_ bound: Int) -> Int {
      seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((seed >> 33) % UInt64(bound))
    }
    for _ in 0..<2_000 {
      let html = (0..<(1 + next(14))).map { _ in pieces[next(pieces.count)] }.joined()
      let fast = try #require(FeedSimpleHTML.document(html))
      #expect(fast == converted(html), "\(html.debugDescription)")
    }
  }

  @Test func anythingElseGoesThroughTheFullConverter() {
    for html in [
      "<p class=\"x\">a</p>", "<b>forte</b>", "a<br>b", "&nbsp;", "&apos;", "a & b", "a\rb",
      "a\u{7}b", "a\u{202E}b", "a > b", "<a href=\"/x\">link</a>", "<p >a</p>",
    ] {
      #expect(FeedSimpleHTML.document(html) == nil, "\(html.debugDescription)")
    }
  }

  @Test func aCharacterTheSanitizerWouldTouchSendsTheItemThroughTheFullConverter() throws {
    // The fast path judges what `TextSanitizer.isClean` judges in its own pass: every
    // scalar up to U+3000, and those around the invisible and tag characters, in a real
    // summary's sentence.
    let scalars =
      Array(0...0x3000) + Array(0xFEF0...0xFF00) + Array(0xE0000...0xE0080) + [0x1F600, 0x10FFFF]
    for value in scalars {
      guard let scalar = Unicode.Scalar(value), !"<&>".unicodeScalars.contains(scalar) else {
        continue
      }
      let html = "<p>Il cielo era tutto sereno:\(scalar) di mano in mano</p><p>Fine.</p>"
      let fast = FeedSimpleHTML.document(html)
      if TextSanitizer.isClean(html) {
        let document = try #require(fast, "no fast path for U+\(String(value, radix: 16))")
        if value % 5 == 0 || value == 0xA0 || (0x2000...0x200F).contains(value) {
          #expect(document == converted(html), "U+\(String(value, radix: 16))")
        }
      } else {
        #expect(fast == nil, "U+\(String(value, radix: 16))")
      }
    }
  }
}

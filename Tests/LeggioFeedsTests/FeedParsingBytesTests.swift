import CLibXML2
import Foundation
import Testing

@testable import LeggioFeeds

/// The feed parser's byte-level shortcuts give what the string-level code they replace
/// gave: text nodes, undeclared entities, link schemes.
@Suite struct FeedParsingBytesTests {
  @Test func aTextNodeIsReadAsStringCStringReadsItAndBadUTF8IsRepairedTheSameWay() {
    let cases: [[UInt8]] = [
      Array("Il cielo era tutto sereno".utf8), Array("«Non è lontano di qui,» disse".utf8),
      Array("日本 😀 l’altro".utf8), [], [0x61, 0xFF, 0x62], [0xC3], [0xE2, 0x80], [0xED, 0xA0, 0x80],
      [0xF4, 0x90, 0x80, 0x80], Array("abcdefgh".utf8) + [0xC0, 0xAF] + Array("ijkl".utf8),
    ]
    for bytes in cases {
      let terminated = bytes + [0]
      terminated.withUnsafeBufferPointer { buffer in
        let read = FeedXMLReader.Builder.string(buffer.baseAddress!)
        let expected = String(cString: buffer.baseAddress!)
        #expect(read == expected, "\(bytes)")
        #expect(Array(read.utf8) == Array(expected.utf8), "\(bytes)")
      }
    }
  }

  @Test func everyHTMLNameAFeedUsesUndeclaredBecomesANumericReferenceAndXMLsOwnStay() {
    for (name, text) in HTMLEntities.named {
      let input = Array("<title>a &\(name); b &lt;&gt;&amp;&quot;&apos;</title>".utf8)
      let references = text.unicodeScalars.map { "&#\($0.value);" }.joined()
      let expected = "<title>a \(references) b &lt;&gt;&amp;&quot;&apos;</title>"
      #expect(
        String(decoding: HTMLEntities.numericReferences(in: input), as: UTF8.self) == expected)
    }
    let untouched = Array("<p>&lt; &gt; &amp; &quot; &apos; &lg; &amq; &quoT; &aposs;</p>".utf8)
    #expect(HTMLEntities.numericReferences(in: untouched) == untouched)
  }

  @Test func aLinksSchemeIsJudgedOnItsBytesAsItWasOnItsCharacters() {
    // What `isAbsolute` said before it read bytes: the reference for every case.
    func byCharacters(_ link: String) -> Bool {
      guard let colon = link.firstIndex(of: ":") else { return false }
      let scheme = link[..<colon]
      return !scheme.isEmpty
        && scheme.allSatisfy { $0.isLetter || $0.isNumber || "+-.".contains($0) }
    }
    let links = [
      "http://example.org/0/articles/0.html", "https://x", "mailto:a@b.c", "urn:isbn:1", "tag:x",
      "svn+ssh://h", "web-cal:x", "a.b:c", "1abc:x", ":x", "", "no colon", "/articles/1.html",
      "../a:b", "a b:c", "a_b:c", "città:x", "日本:x", "x:", "x:\u{301}y", "e\u{301}:x",
      "http:\u{301}//x",
      "?q=a:b", "#a:b", "HTTP://EXAMPLE.ORG", "a\r\n:b",
    ]
    for link in links {
      #expect(FeedXMLElement.isAbsolute(link) == byCharacters(link), "\(link.debugDescription)")
    }
  }
}

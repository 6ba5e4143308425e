import Foundation
import Testing

@testable import LeggioImport

/// The text measures the extractor keeps per node (lengths, link text, commas) answer as
/// a fresh count of the text would, before and after the tree is edited.
@Suite struct TextMeasureTests {
  /// The measures counted the slow way: the text built, then walked.
  static func counted(_ node: HTMLNode) -> (length: Int, links: Double, commas: Int) {
    let length = node.innerText.utf16.count
    var links = 0.0
    for link in node.elements(named: "a") {
      let weight = (link.attribute("href") ?? "").hasPrefix("#") ? 0.3 : 1
      links += Double(link.innerText.utf16.count) * weight
    }
    let commas = node.textContent.unicodeScalars.filter { ReadabilityPatterns.commas.contains($0) }
      .count
    return (length, links, commas)
  }

  static func expectMeasuresMatchCounting(_ root: HTMLNode) {
    for node in [root] + root.descendants(where: \.isElement) {
      let wanted = counted(node)
      #expect(node.innerTextLength == wanted.length)
      #expect(abs(node.textMeasures.linkLength - wanted.links) < 0.0001)
      #expect(node.commaCount() == wanted.commas)
    }
  }

  static let page = """
    <div id=a> Ein  Satz,\tmit <b>fett</b>er Schrift, <a href="/x">ein Link</a>
      <p>  </p><span> </span>und 𝄞 Noten、中文，逗号 <a href="#n">Sprung</a><!-- c -->.
      <div><a href="/y"><a href="/z">nested</a> Link</a>\u{00A0}\u{2003}Ende\u{FEFF}</div></div>
    """

  @Test func keptMeasuresEqualCountingTheTextAnew() {
    Self.expectMeasuresMatchCounting(HTMLParser.parse(Self.page))
  }

  @Test func editsBelowANodeRenewItsMeasures() throws {
    let root = HTMLParser.parse(Self.page)
    let div = try #require(root.firstElement(named: "div"))
    _ = div.innerTextLength
    let link = try #require(div.firstElement(named: "a"))
    link.setAttribute("href", "#here")
    Self.expectMeasuresMatchCounting(root)
    link.rename(to: "span")
    Self.expectMeasuresMatchCounting(root)
    let added = HTMLNode(kind: .element, name: "a", attributes: [("href", "/new")])
    added.append(HTMLNode(kind: .text, text: " more words, here "))
    div.insert(added, at: 0)
    Self.expectMeasuresMatchCounting(root)
    try #require(div.firstElement(named: "b")).removeFromParent()
    Self.expectMeasuresMatchCounting(root)
    _ = div.removeAllChildren()
    Self.expectMeasuresMatchCounting(root)
    #expect(div.innerTextLength == 0)
  }

  @Test func aCopyMeasuresLikeItsOriginal() throws {
    let root = HTMLParser.parse(Self.page)
    _ = root.innerTextLength
    let copy = root.deepCopy()
    #expect(copy.innerTextLength == root.innerTextLength)
    Self.expectMeasuresMatchCounting(copy)
  }

  @Test func aChildForgetsAParentThatIsGone() throws {
    var child: HTMLNode?
    do {
      let parent = HTMLNode(kind: .element, name: "div")
      let made = HTMLNode(kind: .element, name: "p")
      parent.append(made)
      #expect(made.parent === parent)
      child = made
    }
    #expect(child?.parent == nil)
  }

  @Test func collapsingWhitespaceKeepsEveryScriptAndDropsEverySpace() {
    #expect("  a\u{00A0}\u{2003} b\n\tc 𝄞 d\u{3000}".collapsingWhitespace() == "a b c 𝄞 d")
    #expect(" \u{FEFF} ".collapsingWhitespace() == "")
    #expect(" x ".trimmingWhitespace() == "x")
  }

  @Test func needleSetsFindWhatSingleNeedlesFind() {
    let words = ["-ad-", "banner", "comment", "menu", "sidebar", "social", "ai2html"]
    let set = NeedleSet(words)
    for text in ["Main-Menu", "x-ad-y", "COMMENTS", "article body", "side bar", "", "ai2html-box"] {
      var copy = text
      let together = copy.withUTF8 { set.occurs(inLowercased: $0) }
      #expect(together == ReadabilityPatterns.matches(text.lowercased(), words))
    }
  }

  @Test func plainAddressesAreOnlyThoseAParserLeavesAlone() {
    #expect(PlainAbsoluteURL.isPlain("https://example.com/a/b?c=d#e"))
    #expect(!PlainAbsoluteURL.isPlain("https://example.com/a b"))
    #expect(!PlainAbsoluteURL.isPlain("https://example.com/a/../b"))
    #expect(!PlainAbsoluteURL.isPlain("/relative/path"))
    #expect(!PlainAbsoluteURL.isPlain("https://example.com/ä"))
  }
}

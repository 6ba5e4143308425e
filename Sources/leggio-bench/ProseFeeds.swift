import Foundation
import LeggioTestSupport

/// RSS 2.0 feeds of realistic items for `leggio-bench scale`: each item's body is about
/// 1.5 KB of HTML paragraphs made of sentences of real prose (Manzoni's *I promessi
/// sposi*, public domain, from the shared corpus), not repeated words, so that
/// compression, the search index and the HTML converter see what they see in real feeds.
struct ProseFeeds {
  let sentences: [String]
  private var state: UInt64 = 0x5CA1E

  /// Nil when the corpus is not beside the package.
  init?() {
    let url = SharedFiles.url("corpus/texts/i-promessi-sposi_pg45334_it.txt")
    guard let book = try? String(contentsOf: url, encoding: .utf8) else { return nil }
    // The novel alone: between Project Gutenberg's start and end marks.
    let start = book.range(of: "*** START OF")?.upperBound ?? book.startIndex
    let end = book.range(of: "*** END OF")?.lowerBound ?? book.endIndex
    let text = book[start..<end].split(whereSeparator: \.isNewline).joined(separator: " ")
    var sentences: [String] = []
    var current = ""
    for character in text {
      current.append(character)
      if character == "." || character == "!" || character == "?" {
        let sentence = current.split(separator: " ").joined(separator: " ")
        let letters = sentence.filter(\.isLetter).count
        if letters >= 30, sentence.count <= 400, !sentence.contains("_"), !sentence.contains("=") {
          sentences.append(sentence)
        }
        current = ""
      }
    }
    guard sentences.count > 100 else { return nil }
    self.sentences = sentences
  }

  private mutating func next(_ bound: Int) -> Int {
    state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
    return Int((state >> 33) % UInt64(bound))
  }

  /// About `bytes` of `<p>` paragraphs from consecutive sentences at a random place.
  mutating func body(bytes: Int = 1500) -> String {
    var html = ""
    var index = next(sentences.count)
    while html.utf8.count < bytes {
      var paragraph = ""
      for _ in 0..<(2 + next(3)) {
        paragraph += (paragraph.isEmpty ? "" : " ") + sentences[index % sentences.count]
        index += 1
      }
      html += "<p>" + paragraph + "</p>"
    }
    return html
  }

  /// A headline: the first words of a sentence.
  mutating func title() -> String {
    let words = sentences[next(sentences.count)].split(separator: " ")
    return words.prefix(4 + next(6)).joined(separator: " ")
      .trimmingCharacters(in: CharacterSet(charactersIn: ",;:."))
  }

  /// Feed number `feed` with `items` items.
  mutating func rss(feed: Int, items: Int) -> String {
    var xml = """
      <?xml version="1.0" encoding="UTF-8"?>
      <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>
      <title>Cronache \(feed)</title><link>http://example.org/\(feed)/</link>
      <description>Generated from I promessi sposi</description>

      """
    xml.reserveCapacity(items * 2200)
    for index in 0..<items {
      let link = "http://example.org/\(feed)/articles/\(index).html"
      let day = 1 + index % 28
      let minute = String(format: "%02d", index % 60)
      xml += """
        <item><title>\(escape(title()))</title><link>\(link)</link>
        <guid isPermaLink="true">\(link)</guid>
        <pubDate>Mon, \(day) Sep 2025 \(10 + index % 12):\(minute):00 +0200</pubDate>
        <dc:creator>Autore \(index % 50)</dc:creator><category>Cronaca</category>
        <description>\(escape(body()))</description></item>

        """
    }
    return xml + "</channel></rss>\n"
  }

  private func escape(_ text: String) -> String {
    text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
      .replacingOccurrences(of: ">", with: "&gt;")
  }
}

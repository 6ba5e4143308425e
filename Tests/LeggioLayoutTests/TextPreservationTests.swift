import LeggioModel
import Testing

@testable import LeggioLayout

/// Layout never loses, duplicates or reorders text, and every run maps to its offsets.
@Suite struct TextPreservationTests {
  static let widths = [10, 17, 23, 40, 72, 121, 200]

  @Test func theRunsOfEveryPageShowTheWholeTextInOrder() {
    for sample in SampleDocuments.all {
      for width in Self.widths {
        let article = PagedArticle(
          document: sample.document, metadata: sample.metadata,
          options: LayoutOptions(width: width, height: 23))
        let canonical = article.canonicalText
        let scalars = Array(canonical.text.unicodeScalars)
        var covered = 0
        for run in allPages(article).flatMap({ $0.lines.flatMap(\.runs) }) {
          guard let source = run.source else { continue }
          #expect(
            source.lowerBound >= covered, "\(sample.name) w\(width): run out of order at \(source)")
          // Only white space may be left out between runs (line ends, block separators).
          #expect(scalars[covered..<source.lowerBound].allSatisfy { $0.properties.isWhitespace })
          if run.role != .controlSymbol
            && !(run.text.allSatisfy { $0 == " " } && scalars[source.lowerBound] == "\t")
          {
            #expect(
              String(String.UnicodeScalarView(scalars[source])) == run.text,
              "\(sample.name) w\(width)")
          }
          covered = source.upperBound
        }
        #expect(
          scalars[covered...].allSatisfy { $0.properties.isWhitespace },
          "\(sample.name) w\(width): text lost at the end")
      }
    }
  }

  @Test func theWordsOfThePagesAreTheWordsOfTheDocument() {
    // Wide enough that no word is split at the end of a line.
    let document = Fixtures.referenceArticle.document
    let words = CanonicalText(document).text.split(whereSeparator: \.isWhitespace).map(String.init)
    for width in [60, 72, 200] {
      let article = PagedArticle(
        document: document, metadata: nil, options: LayoutOptions(width: width, height: 9))
      let shown = allPages(article).flatMap { $0.lines.map(\.plainText) }.filter { !$0.isEmpty }
      // A line that ends after a hyphen continues the word on the next line.
      let joined = shown.joined(separator: " ").replacing(/-\s+/, with: "-")
      let pageWords = joined.split(whereSeparator: \.isWhitespace).map(String.init)
      #expect(pageWords.count == words.count, "width \(width)")
      #expect(pageWords == words, "width \(width)")
    }
  }

  @Test func plainTextIsWhatTheReaderShows() {
    for sample in SampleDocuments.all {
      for width in [10, 33, 80, 150] {
        for justify in [true, false] {
          let options = LayoutOptions(width: width, justify: justify)
          let article = PagedArticle(
            document: sample.document, metadata: sample.metadata, options: options)
          let rows = article.page(at: 0)!.lines.map(\.plainText)
          let plain = PlainTextRenderer.render(
            document: sample.document, metadata: sample.metadata, width: width, justify: justify)
          #expect(
            plain == rows.map { $0 + "\n" }.joined(), "\(sample.name) w\(width) justify \(justify)")
        }
      }
    }
  }
}

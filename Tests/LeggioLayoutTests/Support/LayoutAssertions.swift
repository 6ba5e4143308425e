import LeggioModel
import Testing

@testable import LeggioLayout

/// Options whose text column is exactly `width` cells (no margin, no centring).
func columnOptions(width: Int, height: Int = .max, justify: Bool = true) -> LayoutOptions {
  LayoutOptions(width: width, height: height, measure: width, justify: justify, margin: 0)
}

/// The lines of an article laid out in one page `width` cells wide, as text.
func layoutRows(
  _ document: Document, metadata: ArticleMetadata? = nil, width: Int, justify: Bool = true
)
  -> [String]
{
  let article = PagedArticle(
    document: document, metadata: metadata, options: columnOptions(width: width, justify: justify))
  return article.page(at: 0)?.lines.map(\.plainText) ?? []
}

/// Lays out `text` as one paragraph in a column `width` cells wide and compares the rows
/// with `expected`, printing both screens when they differ.
func assertLayout(
  _ text: String, width: Int, justify: Bool = true, expected: [String],
  sourceLocation: SourceLocation = #_sourceLocation
) {
  assertLayout(
    Document(blocks: [Block(.paragraph, text: text)]), width: width, justify: justify,
    expected: expected,
    sourceLocation: sourceLocation)
}

/// Lays out `document` in a column `width` cells wide and compares the rows with `expected`.
func assertLayout(
  _ document: Document, metadata: ArticleMetadata? = nil, width: Int, justify: Bool = true,
  expected: [String], sourceLocation: SourceLocation = #_sourceLocation
) {
  let rows = layoutRows(document, metadata: metadata, width: width, justify: justify)
  if rows != expected {
    let ruler = String(repeating: "-", count: width)
    let shown = (["+" + ruler + "+"] + rows.map { "|" + $0 } + ["+" + ruler + "+"]).joined(
      separator: "\n")
    Issue.record(
      "layout at width \(width) differs.\nactual:\n\(shown)\nexpected:\n\(expected.joined(separator: "\n"))",
      sourceLocation: sourceLocation)
  }
}

/// The cells a laid-out line takes from the left edge of the screen.
func cellsUsed(_ line: LaidOutLine) -> Int {
  line.runs.map { $0.column + $0.cells }.max() ?? 0
}

import Foundation
import LeggioLayout
import LeggioModel
import LeggioStore
import LeggioTestSupport
import Testing

@testable import LeggioTUI

/// A picture kept with an article, drawn in the reader with chafa's symbols: whole cells
/// in the picture's own colours, at its place on the page, the caption and credit under
/// it, and the `[Image: …]` placeholder wherever pictures are not shown.
@Suite struct PictureScreenTests {
  static let source = "http://news.example/photo.png"

  /// An article with paragraphs, a red-and-blue photo with caption and credit, and more
  /// paragraphs; its picture kept in the library.
  static func library() throws -> Library {
    var picture = Block(.image(credit: "© AP Photo/Pool"), text: "The summit")
    picture.source = source
    let paragraphs = (1...30).map { Block(.paragraph, text: "Paragraph \($0) of the story.") }
    var article = ImportedArticle(
      metadata: ArticleMetadata(title: "Pictures", source: "http://news.example/story"),
      document: Document(blocks: Array(paragraphs[0..<2]) + [picture] + paragraphs[2...]))
    let data = TestPictures.png(width: 320, height: 200)
    article.images = [KeptImage(source: source, data: data, info: try #require(ImageInfo(data)))]
    let library = try Library.inMemory()
    try library.add(article)
    return library
  }

  func open(_ display: PictureDisplay, width: Int = 80, height: Int = 24) throws -> Application {
    let app = Application(
      library: try Self.library(), width: width, height: height, pictures: display)
    app.start()
    app.press("<Enter>")
    return app
  }

  @Test func aPictureIsDrawnInSymbolsAboveItsCaptionAndCredit() throws {
    let app = try open(.symbols(.trueColor))
    let grid = app.render()
    let rows = grid.rows
    // The caption and credit come right after the picture's rows.
    let caption = try #require(
      rows.firstIndex { $0.contains("The summit\u{00A0}— © AP Photo/Pool") })
    let pictureRows = (0..<caption).filter { row in
      (0..<grid.width).contains { grid[$0, row].style.picture != nil }
    }
    #expect(!pictureRows.isEmpty)
    #expect(pictureRows.last == caption - 1)
    #expect(!rows.contains { $0.contains("[Image") })
    // Scaled to the 72-cell column, 320x200 pixels at cells twice as tall as wide.
    let first = try #require(pictureRows.first)
    let cells = (0..<grid.width).filter { grid[$0, first].style.picture != nil }
    #expect(cells.count == 40)
    #expect(pictureRows.count == 13)
    // Its left half red, its right half blue, in the picture's own colours.
    let middle = pictureRows[pictureRows.count / 2]
    let left = try #require(grid[cells[5], middle].style.picture)
    let right = try #require(grid[cells[cells.count - 5], middle].style.picture)
    #expect(Self.isReddish(left.background) || Self.isReddish(left.foreground))
    #expect(Self.isBluish(right.background) || Self.isBluish(right.foreground))
  }

  @Test func aPictureIsNeverCutByAPageAndNeverTallerThanThePage() throws {
    let app = try open(.symbols(.indexed256), width: 80, height: 12)
    let reader = try #require(app.state.reader)
    var rowsSeen: [Int] = []
    reader.paged.layoutAll()
    for index in 0..<reader.pageCount.value {
      let page = try #require(reader.paged.page(at: index))
      let rows = page.lines.compactMap(\.picture?.row)
      if !rows.isEmpty { rowsSeen = rows }
    }
    // All of the picture's rows on one page of 11 lines, with its caption line after it.
    #expect(!rowsSeen.isEmpty)
    #expect(rowsSeen == Array(0..<rowsSeen.count))
    #expect(rowsSeen.count <= 10)
  }

  @Test func withPicturesOffThePlaceholderStays() throws {
    let app = try open(.off)
    let rows = app.render().rows
    #expect(rows.contains { $0.contains("[Image: The summit\u{00A0}— © AP Photo/Pool]") })
  }

  @Test func noColorOrOffOrNoColoursMeansPlaceholders() {
    #expect(
      PictureDisplay.resolve(.auto, depth: .trueColor, environment: ["NO_COLOR": "1"]) == .off)
    #expect(PictureDisplay.resolve(.off, depth: .trueColor, environment: [:]) == .off)
    #expect(PictureDisplay.resolve(.symbols, depth: .none, environment: [:]) == .off)
    #expect(
      PictureDisplay.resolve(.auto, depth: .trueColor, environment: [:], available: false) == .off)
    #expect(
      PictureDisplay.resolve(.auto, depth: .indexed256, environment: [:], available: true)
        == .symbols(.indexed256))
  }

  static func isReddish(_ color: Color) -> Bool {
    if case .rgb(let r, let g, let b) = color { return r > 150 && g < 80 && b < 80 }
    return false
  }

  static func isBluish(_ color: Color) -> Bool {
    if case .rgb(let r, let g, let b) = color { return b > 150 && r < 80 && g < 80 }
    return false
  }
}

@Suite struct PictureSettingTests {
  @Test func theImagesSettingIsReadAndAWrongValueIsReportedWithItsChoices() {
    #expect(Configuration.defaults.reader.images == .auto)
    let (configuration, problems) = ConfigurationParser.parse(
      "[reader]\nimages = \"off\"\n", file: "config.toml")
    #expect(problems.isEmpty)
    #expect(configuration.reader.images == .off)
    let (wrong, reported) = ConfigurationParser.parse(
      "[reader]\nimages = \"pixels\"\n", file: "config.toml")
    #expect(wrong.reader.images == .auto)
    #expect(reported.count == 1)
    guard case .invalid(_, _, let key, let problem) = reported.first else {
      Issue.record("expected an invalid value, got \(reported)")
      return
    }
    #expect(key == "reader.images")
    #expect(
      problem == "expected one of \"auto\", \"kitty\", \"sixel\", \"iterm\", \"symbols\", \"off\"")
  }
}

import Foundation
import LeggioLayout
import LeggioModel
import LeggioStore
import LeggioTestSupport
import Testing

@testable import LeggioTUI

/// `i` in the reader shows a picture alone on the screen, as large as fits; `i` again the
/// next, `p` the one before, `q` back to the page; `I` (and `o` on the picture screen)
/// opens it in the image viewer. Keys that clash with none of the reader's.
@Suite struct PictureScreenKeysTests {
  static let summit = "http://news.example/summit.png"
  static let map = "http://news.example/map.png"

  /// Two pictures: the summit (wide) on the first pages, the map (tall) far after it.
  static func library() throws -> Library {
    var summitBlock = Block(.image(credit: "© AP Photo/Pool"), text: "The summit")
    summitBlock.source = Self.summit
    var mapBlock = Block(.image(credit: nil), text: "The map")
    mapBlock.source = Self.map
    let paragraphs = (1...60).map {
      Block(.paragraph, text: "Paragraph \($0) of the story, with a few more words in it.")
    }
    var article = ImportedArticle(
      metadata: ArticleMetadata(title: "Pictures", source: "http://news.example/story"),
      document: Document(
        blocks: Array(paragraphs[0..<2]) + [summitBlock] + paragraphs[2..<40] + [mapBlock]
          + paragraphs[40...]))
    let wide = TestPictures.png(width: 320, height: 200)
    let tall = TestPictures.png(
      width: 100, height: 300, left: (30, 160, 30), right: (230, 230, 30))
    article.images = [
      KeptImage(source: Self.summit, data: wide, info: try #require(ImageInfo(wide))),
      KeptImage(source: Self.map, data: tall, info: try #require(ImageInfo(tall))),
    ]
    let library = try Library.inMemory()
    try library.add(article)
    return library
  }

  func open(_ display: PictureDisplay) throws -> Application {
    let app = Application(library: try Self.library(), width: 80, height: 24, pictures: display)
    app.start()
    app.press("<Enter>")
    return app
  }

  /// The rows and columns of the grid that hold picture cells.
  static func pictureCells(_ grid: CellGrid) -> (rows: [Int], columns: [Int]) {
    let rows = (0..<grid.height).filter { row in
      (0..<grid.width).contains { grid[$0, row].style.picture != nil }
    }
    let columns = (0..<grid.width).filter { column in
      rows.contains { grid[column, $0].style.picture != nil }
    }
    return (rows, columns)
  }

  @Test func iShowsThePagesPictureAloneAsLargeAsTheScreenAllows() throws {
    let app = try open(.symbols(.trueColor))
    app.press("i")
    #expect(app.state.screen == .picture)
    let grid = app.render()
    let (rows, columns) = Self.pictureCells(grid)
    // 320x200 pixels in cells twice as tall as wide: the 23 rows above the status line
    // give 74 columns, centred.
    #expect(rows == Array(0..<23))
    #expect(columns == Array(3..<77))
    let status = grid.rows[23]
    #expect(status.contains("The summit — © AP Photo/Pool"), "\(status)")
    #expect(status.contains("1/2 · i next · I open · q back"), "\(status)")
    // Nothing of the page shows through.
    #expect(!grid.rows.contains { $0.contains("Paragraph") })
  }

  @Test func iAgainShowsTheNextPictureRoundTheArticleAndQGoesBackToThePage() throws {
    let app = try open(.symbols(.indexed256))
    let page = app.render().rows
    app.press("i")
    app.press("i")
    #expect(app.state.modal == .picture(source: Self.map))
    let grid = app.render()
    #expect(grid.rows[23].contains("The map"))
    #expect(grid.rows[23].contains("2/2"))
    // The tall map: as tall as the screen, narrow.
    let (rows, columns) = Self.pictureCells(grid)
    #expect(rows.count == 23 && columns.count < 20)
    app.press("i")
    #expect(app.state.modal == .picture(source: Self.summit))
    app.press("p")
    #expect(app.state.modal == .picture(source: Self.map))
    app.press("q")
    #expect(app.state.modal == nil)
    #expect(app.state.screen == .reader)
    #expect(app.render().rows == page)
  }

  @Test func onAPageWithoutAPictureIShowsTheNextOneAfterIt() throws {
    let app = try open(.symbols(.trueColor))
    // Past the summit's page, before the map's.
    app.press("<Space><Space>")
    let lines = try #require(app.state.reader?.page?.lines)
    #expect(!lines.contains { $0.picture != nil })
    app.press("i")
    #expect(app.state.modal == .picture(source: Self.map))
    // After the last picture there is none to show.
    app.press("q")
    app.press("G")
    app.press("i")
    #expect(app.state.modal == nil)
    #expect(app.state.status?.text == "No more pictures after this page")
  }

  @Test func bigIAndOOpenThePictureInTheViewerWithoutLeavingTheReader() throws {
    let app = try open(.symbols(.trueColor))
    var state = app.state
    let effects = update(&state, .event(.key(.character("I"))))
    guard case .openPicture(let image) = effects.first else {
      Issue.record("expected the picture opened, got \(effects)")
      return
    }
    #expect(image.source == Self.summit)
    #expect(state.screen == .reader)
    _ = update(&state, .event(.key(.character("i"))))
    let fromScreen = update(&state, .event(.key(.character("o"))))
    #expect(fromScreen == [.openPicture(image)])
    #expect(state.screen == .picture)
  }

  @Test func withPicturesOffIAndBigISaySo() throws {
    let app = try open(.off)
    app.press("i")
    #expect(app.state.modal == nil)
    #expect(app.state.status?.text.hasPrefix("Pictures are not shown here") == true)
  }

  @Test func theTerminalsOwnPictureIsPlacedAloneOnTheScreen() throws {
    let app = try open(.graphics(.kitty))
    let onPage = app.state.picturePlacements
    #expect(onPage.count == 1)
    app.press("i")
    let alone = try #require(app.state.picturePlacements.first)
    #expect(app.state.picturePlacements.count == 1)
    #expect(alone.row == 0 && alone.rows == 23 && alone.column == 3 && alone.columns == 74)
    // The cells are left blank for the terminal; the status line is drawn.
    let grid = app.render()
    #expect(Self.pictureCells(grid).rows.isEmpty)
    #expect(grid.rows[23].contains("The summit"))
    // Help over it: no picture under a box.
    app.press("?")
    #expect(app.state.picturePlacements.isEmpty)
  }

  @Test func theKeysAreBoundOnlyOnceAndListedInTheHelp() {
    let keymap = Keymap.default
    #expect(keymap.keys(for: .viewPicture, on: .reader) == [.character("i")])
    #expect(keymap.keys(for: .openPicture, on: .reader) == [.character("I")])
    #expect(keymap.action(for: .character("o"), on: .reader) == .contents)
    #expect(keymap.action(for: .character("o"), on: .picture) == .openPicture)
    var grid = CellGrid(width: 100, height: 60)
    HelpView.draw(screen: .reader, keymap: keymap, into: &grid)
    #expect(grid.rows.contains { $0.contains("the next picture alone on the screen") })
  }
}

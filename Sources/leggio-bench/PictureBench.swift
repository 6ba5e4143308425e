import Foundation
import LeggioModel
import LeggioPictures
import LeggioStore
import LeggioTUI
import LeggioTestSupport

/// `leggio-bench pictures`: the first drawing of a page with a 1600x1000 JPEG at 80x24 in
/// symbols mode (opening the article, reading the picture from the library, decoding it,
/// converting it with chafa and drawing the page), then the same page drawn again with
/// the converted cells cached, as turning back to it costs.
enum PictureBench {
  static func run() {
    do {
      try firstDrawing()
    } catch {
      print("pictures: failed: \(error.localizedDescription)")
    }
  }

  private static func firstDrawing() throws {
    if let reason = DecodedPicture.unavailableReason {
      print("pictures: skipped: \(reason)")
      return
    }
    let data = try TestPictures.jpeg(width: 1600, height: 1000)
    guard let info = ImageInfo(data) else { throw PictureBenchError.nothingDrawn }
    let source = "http://bench.example/photo.jpg"
    var picture = Block(.image(credit: "© Bench"), text: "A photograph")
    picture.source = source
    let text = (1...20).map { Block(.paragraph, text: "Paragraph \($0) of the article.") }
    var article = ImportedArticle(
      metadata: ArticleMetadata(title: "A picture", source: "http://bench.example/story"),
      document: Document(blocks: [picture] + text))
    article.images = [KeptImage(source: source, data: data, info: info)]
    let store = try TUIBench.makeLibrary([article])
    defer { TUIBench.remove(store) }
    // The same steps with pictures off: what opening and drawing cost without the picture.
    let baseline = Stopwatch.best(of: 5) {
      let app = Application(library: store, width: 80, height: 24, pictures: .off)
      app.start()
      app.send(.key(.enter))
      app.send(.key(.character(" ")))
      _ = app.render()
    }
    for colours in [PictureColours.trueColor, .indexed256] {
      var drawn = 0
      let first = try Stopwatch.best(of: 5) {
        PictureCache.shared.removeAll()
        let app = Application(
          library: store, width: 80, height: 24, pictures: .symbols(colours))
        app.start()
        app.send(.key(.enter))
        // The title block takes page 1; the picture, as tall as a page, is page 2.
        app.send(.key(.character(" ")))
        let grid = app.render()
        drawn = grid.cells.filter { $0.style.picture != nil }.count
        guard drawn > 0 else { throw PictureBenchError.nothingDrawn }
      }
      let app = Application(library: store, width: 80, height: 24, pictures: .symbols(colours))
      app.start()
      app.send(.key(.enter))
      app.send(.key(.character(" ")))
      _ = app.render()
      let again = try Stopwatch.best(of: 5) {
        app.send(.key(.character("h")))
        _ = app.render()
        app.send(.key(.character("l")))
        guard app.render().cells.contains(where: { $0.style.picture != nil }) else {
          throw PictureBenchError.nothingDrawn
        }
      }
      let decode = Stopwatch.best(of: 5) { _ = DecodedPicture(data) }
      let pixels = DecodedPicture(data)
      let convert = Stopwatch.best(of: 5) {
        _ = pixels.flatMap { SymbolPicture($0, columns: 70, rows: 22, colours: colours) }
      }
      print(
        "pictures: first drawing of a 1600x1000 JPEG (\(data.count / 1024) KB) at 80x24, symbols "
          + "\(colours == .trueColor ? "truecolor" : "256 colours"), \(drawn) cells: "
          + "\(Stopwatch.format(first)) (decoding alone \(Stopwatch.format(decode)), chafa alone "
          + "\(Stopwatch.format(convert)); the same steps with pictures off "
          + "\(Stopwatch.format(baseline))); "
          + "page turned away and back with the cells cached: \(Stopwatch.format(again))")
    }
  }
}

private enum PictureBenchError: Error {
  case nothingDrawn
}

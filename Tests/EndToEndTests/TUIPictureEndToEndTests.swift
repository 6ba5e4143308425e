import Foundation
import LeggioModel
import LeggioStore
import LeggioTestSupport
import Testing

/// A picture kept with an article, in the real reader in tmux: drawn in colour symbols
/// above its caption and credit, and the placeholder under `NO_COLOR`.
@Suite(.serialized, .enabled(if: TUITmux.isAvailable, "tmux is not installed"))
struct TUIPictureEndToEndTests {
  static let source = "http://news.example/photo.jpg"

  /// A library in `directory` holding the article with its picture; the environment that
  /// points `leggio` at it.
  func makeLibrary(in directory: URL) throws -> [String: String] {
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let environment = [
      "LEGGIO_LIBRARY": directory.appendingPathComponent("library.sqlite").path,
      "XDG_CONFIG_HOME": directory.appendingPathComponent("config").path,
      "XDG_DATA_HOME": directory.appendingPathComponent("data").path,
      "XDG_STATE_HOME": directory.appendingPathComponent("state").path,
    ]
    var picture = Block(.image(credit: "© AP Photo/Pool"), text: "The summit")
    picture.source = Self.source
    var article = ImportedArticle(
      metadata: ArticleMetadata(title: "Pictures", source: "http://news.example/story"),
      document: Document(
        blocks: [Block(.paragraph, text: "Before the photograph."), picture]
          + (1...10).map { Block(.paragraph, text: "Paragraph \($0) after it.") }))
    let data = try TestPictures.jpeg(width: 400, height: 250)
    article.images = [
      KeptImage(source: Self.source, data: data, info: try #require(ImageInfo(data)))
    ]
    do {
      let library = try Library(path: environment["LEGGIO_LIBRARY"]!)
      let id = try library.add(article).id
      #expect(try library.images(ofArticle: id).count == 1)
    }
    return environment
  }

  static let blockSymbols: Set<Character> = Set("▀▄█▌▐▖▗▘▙▚▛▜▝▞▟▁▂▃▅▆▇▊▋▍▎▏━┃")

  static func hasSymbols(_ line: Substring) -> Bool { line.contains { blockSymbols.contains($0) } }

  static func directory() -> URL {
    FileManager.default.temporaryDirectory
      .appendingPathComponent("leggio-tui-pictures-\(UUID().uuidString)")
  }

  @Test func thePictureIsDrawnInSymbolsAboveItsCaption() throws {
    let directory = Self.directory()
    defer { try? FileManager.default.removeItem(at: directory) }
    var environment = try makeLibrary(in: directory)
    // The test runner may run with NO_COLOR set; empty means unset (no-color.org).
    environment["NO_COLOR"] = ""
    let tmux = TUITmux()
    defer { tmux.stop() }
    try tmux.start(width: 80, height: 24, environment: environment)
    _ = try tmux.wait(for: "Pictures")
    try tmux.keys("Enter")
    let page: String = try tmux.wait(for: "page 1/")
    let lines: [Substring] = page.split(separator: "\n", omittingEmptySubsequences: false)
    let caption: Int = try #require(lines.firstIndex { $0.contains("The summit") })
    #expect(lines[caption].contains("© AP Photo/Pool"))
    // The picture's rows above the caption hold chafa's block symbols.
    var drawn = 0
    for line in lines[0..<caption] where Self.hasSymbols(line) { drawn += 1 }
    #expect(drawn >= 5, "\(page)")
    #expect(!page.contains("[Image"))
    try tmux.keys("q", "q")
    #expect(try tmux.exitStatus() == 0)
  }

  @Test func underNoColorThePlaceholderIsShown() throws {
    let directory = Self.directory()
    defer { try? FileManager.default.removeItem(at: directory) }
    var environment = try makeLibrary(in: directory)
    environment["NO_COLOR"] = "1"
    let tmux = TUITmux()
    defer { tmux.stop() }
    try tmux.start(width: 80, height: 24, environment: environment)
    _ = try tmux.wait(for: "Pictures")
    try tmux.keys("Enter")
    let page: String = try tmux.wait(for: "page 1/")
    #expect(page.contains("[Image: The summit\u{00A0}— © AP Photo/Pool]"), "\(page)")
    try tmux.keys("q", "q")
  }
}

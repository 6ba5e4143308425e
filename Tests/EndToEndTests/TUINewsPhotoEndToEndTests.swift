import FlyingFox
import Foundation
import LeggioStore
import LeggioTestSupport
import Testing

/// The issue's “done when”, end to end: an Italian news page in the reference article's
/// shape (kicker, title, standfirst, a lead photo credited “© AP Photo/Alexander
/// Zemlianichenko, Pool”, byline, date, text) is added with `leggio add` from a server on
/// 127.0.0.1, the server is stopped, and the real reader shows the photo above its credit
/// in tmux — in chafa's symbols, and as kitty and sixel streams read back from the bytes
/// leggio writes. The same page carries hostile pictures (an HTML page sent as
/// `image/png`, a 404, a decompression bomb, a 9 MB file, a truncated JPEG): the article is
/// saved, each refusal named, and nothing they do disturbs the screen or the keys.
@Suite(.serialized, .enabled(if: TUITmux.isAvailable, "tmux is not installed"))
struct TUINewsPhotoEndToEndTests {
  static let credit = "© AP Photo/Alexander Zemlianichenko, Pool"
  static let path = "2023/08/16/putin-kim-jong-un-amicizia.html"

  /// The page, made from the reference sample: its first lines are the header, the rest
  /// the text; the photo (800 and 1600 pixels wide in a `srcset`, behind an AVIF
  /// `<source>` Leggio does not decode) sits under the standfirst with its credit.
  static func page() throws -> String {
    let sample = try String(contentsOfFile: CLIHarness.referenceArticle, encoding: .utf8)
    let lines = sample.split(separator: "\n").map {
      $0.trimmingCharacters(in: .whitespaces)
        .replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
    }
    let (kicker, title, standfirst, byline, date) = (
      lines[0], lines[1], lines[2], lines[4], lines[5]
    )
    let text = lines.dropFirst(6).filter { !$0.isEmpty }
    let half = text.count / 2
    func paragraphs(_ slice: ArraySlice<String>) -> String {
      slice.map { "<p>\($0)</p>" }.joined(separator: "\n")
    }
    return """
      <!doctype html><html lang="it"><head><meta charset="utf-8">
      <title>\(title) - Corriere del Ticino</title>
      <meta property="article:published_time" content="2023-08-16T20:24:00+02:00">
      </head><body>
      <header><nav><a href="/">Home</a> <a href="/mondo">Mondo</a> <a href="/svizzera">Svizzera</a></nav></header>
      <main><article>
      <p class="kicker">\(kicker)</p>
      <h1>\(title)</h1>
      <p class="standfirst">\(standfirst)</p>
      <figure class="lead">
      <picture><source type="image/avif" srcset="/media/putin-kim.avif">
      <img src="/media/putin-kim-800.jpg" srcset="/media/putin-kim-800.jpg 800w, /media/putin-kim-1600.jpg 1600w" alt="Vladimir Putin e Kim Jong-un">
      </picture>
      <figcaption><span class="credit">\(credit)</span></figcaption>
      </figure>
      <p class="byline">\(byline)</p><time datetime="2023-08-16T20:24">\(date)</time>
      \(paragraphs(text[..<half]))
      <figure><img src="/media/mappa.png" alt="La mappa"><figcaption>La mappa della regione</figcaption></figure>
      <figure><img src="/media/vuota.jpg" alt="Una foto perduta"><figcaption>Una foto perduta</figcaption></figure>
      <figure><img src="/media/bomba.png" alt="Una bomba"><figcaption>Una bomba di pixel</figcaption></figure>
      <figure><img data-src="/media/troncata.jpg" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="Una foto troncata"><figcaption>Una foto troncata © Archivio</figcaption></figure>
      <figure><img src="/media/enorme.jpg" alt="Una foto enorme"><figcaption>Una foto enorme</figcaption></figure>
      \(paragraphs(text[half...]))
      </article></main>
      <footer><p>© Corriere del Ticino</p></footer>
      </body></html>
      """
  }

  /// `leggio add` of the page from a server that is stopped before anything is read;
  /// returns the harness (its library) and `add`'s result.
  func addPage() async throws -> (CLIHarness, CLIHarness.Result, base: String) {
    let cli = try CLIHarness()
    let page = try Self.page()
    let narrow = try TestPictures.jpeg(width: 800, height: 500)
    let wide = try TestPictures.jpeg(width: 1600, height: 1000)
    let server = HTTPServer(address: try .inet(ip4: "127.0.0.1", port: 0))
    await server.appendRoute(HTTPRoute("GET /\(Self.path)")) { _ in
      HTTPResponse(
        statusCode: .ok, headers: [.contentType: "text/html; charset=utf-8"], body: Data(page.utf8))
    }
    func picture(_ name: String, _ type: String, _ body: Data) async {
      await server.appendRoute(HTTPRoute("GET /media/\(name)")) { _ in
        HTTPResponse(statusCode: .ok, headers: [.contentType: type], body: body)
      }
    }
    await picture("putin-kim-800.jpg", "image/jpeg", narrow)
    await picture("putin-kim-1600.jpg", "image/jpeg", wide)
    await picture("mappa.png", "image/png", Data("<!doctype html><p>Pagina non trovata".utf8))
    await server.appendRoute("GET /media/vuota.jpg") { _ in HTTPResponse(statusCode: .notFound) }
    await picture("bomba.png", "image/png", TestPictures.bombPNG())
    await picture("enorme.jpg", "image/jpeg", wide + Data(count: 9 << 20))
    await picture("troncata.jpg", "image/jpeg", wide.prefix(wide.count / 3))
    var added: CLIHarness.Result?
    var base = ""
    try await server.serving { url in
      base = url.absoluteString
      added = try await cli.runAsync(["add", url.absoluteString + Self.path, "--timeout", "60"])
    }
    return (cli, try #require(added), base)
  }

  /// The environment that points the reader at `cli`'s library, with `images` set.
  func environment(_ cli: CLIHarness, images: String) throws -> [String: String] {
    let config = cli.directory.appendingPathComponent("config")
    try FileManager.default.createDirectory(
      at: config.appendingPathComponent("leggio"), withIntermediateDirectories: true)
    try "[reader]\nimages = \"\(images)\"\n".write(
      to: config.appendingPathComponent("leggio/config.toml"), atomically: true, encoding: .utf8)
    return [
      "LEGGIO_LIBRARY": cli.libraryPath, "XDG_CONFIG_HOME": config.path,
      "XDG_DATA_HOME": cli.directory.appendingPathComponent("data").path,
      "XDG_STATE_HOME": cli.directory.appendingPathComponent("state").path,
      "HOME": cli.directory.path, "NO_COLOR": "",
    ]
  }

  static func lines(_ screen: String) -> [Substring] {
    screen.split(separator: "\n", omittingEmptySubsequences: false)
  }

  /// Opens the article and turns pages until the photo's credit is on screen; returns
  /// the screen.
  func turnToThePhoto(_ tmux: TUITmux) throws -> String {
    _ = try tmux.wait(for: "Putin")
    try tmux.keys("Enter")
    var screen = try tmux.wait(for: "page 1/")
    for page in 2...5 where !screen.contains(Self.credit) {
      try tmux.keys("Space")
      _ = try tmux.wait(for: "page \(page)/")
      // The whole frame, not one tmux caught while it was being drawn.
      Thread.sleep(forTimeInterval: 0.2)
      screen = try tmux.screen()
    }
    return screen
  }

  @Test func thePageIsKeptWithItsPhotoAndEveryHostilePictureIsNamed() async throws {
    let (cli, result, base) = try await addPage()
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdoutLines.first?.contains("Quell'amicizia tra Putin e Kim Jong-un") == true)
    let url = base + Self.path
    #expect(
      result.stderrLines == [
        "leggio: \(url): warning: picture skipped: \(base)media/mappa.png: not a JPEG, PNG, GIF or WebP picture (sent as image/png)",
        "leggio: \(url): warning: picture skipped: \(base)media/vuota.jpg: the server answered HTTP 404",
        "leggio: \(url): warning: picture skipped: \(base)media/bomba.png: 100000x100000 pixels, too many to decode safely",
        "leggio: \(url): warning: picture skipped: \(base)media/enorme.jpg: larger than the 8 MB a picture may take",
      ], "\(result.stderr)")
    // The srcset's 1600-pixel candidate and the truncated JPEG (its header is whole) are kept.
    let images = try Library(path: cli.libraryPath).images(ofArticle: 1)
    #expect(images[base + "media/putin-kim-1600.jpg"]?.info.width == 1600)
    #expect(images[base + "media/troncata.jpg"] != nil)
    #expect(images.count == 2)
  }

  @Test func offlineThePhotoIsDrawnInSymbolsAboveItsCredit() async throws {
    let (cli, result, _) = try await addPage()
    #expect(result.status == 0, "\(result.stderr)")
    let tmux = TUITmux()
    defer { tmux.stop() }
    try tmux.start(width: 80, height: 24, environment: try environment(cli, images: "symbols"))
    let screen = try turnToThePhoto(tmux)
    let lines = Self.lines(screen)
    let credit = try #require(lines.firstIndex { $0.contains(Self.credit) }, "\(screen)")
    // The rows right above the credit are the picture: chafa's block symbols.
    let drawn = (0..<credit).filter { TUIPictureEndToEndTests.hasSymbols(lines[$0]) }
    #expect(drawn.count >= 10, "\(screen)")
    // From its first row to the credit, nothing but the picture (a row of coloured spaces
    // has no symbol).
    let first = try #require(drawn.first)
    for row in first..<credit {
      #expect(
        lines[row].allSatisfy { $0 == " " || TUIPictureEndToEndTests.blockSymbols.contains($0) },
        "\(screen)")
    }
    #expect(drawn.last! >= credit - 2, "\(screen)")
    #expect(!screen.contains("[Image"))
    // Every page to the end and back: text pages keep no picture cells, the status line
    // stays on the last row, and the keys still do what they say.
    try readThroughAndQuit(tmux, pictureFree: true)
  }

  /// Turns every page to the last and back to the first, checking each screen, then quits.
  func readThroughAndQuit(_ tmux: TUITmux, pictureFree: Bool) throws {
    var screen = try tmux.screen()
    var pages = 0
    while pages < 40 {
      let lines = Self.lines(screen)
      let status = lines.last { !$0.trimmingCharacters(in: .whitespaces).isEmpty } ?? ""
      #expect(status.contains("page "), "the status line is gone:\n\(screen)")
      #expect(lines.count <= 25, "\(screen)")
      if pictureFree, !screen.contains(Self.credit), !screen.contains("troncata") {
        #expect(
          !lines.contains { TUIPictureEndToEndTests.hasSymbols($0) },
          "picture cells left on a text page:\n\(screen)")
      }
      // "page 2/5", or "page 2/≈42" while the count after a resize is an estimate.
      guard let number = status.range(of: #"page (\d+)/≈?(\d+)"#, options: .regularExpression)
      else { break }
      let fraction = status[number].dropFirst(5).split(separator: "/").map {
        $0.filter(\.isNumber)
      }
      if fraction[0] == fraction[1] && !status[number].contains("≈") { break }
      try tmux.keys("Space")
      screen = try tmux.wait(for: "page \(Int(fraction[0])! + 1)/")
      pages += 1
    }
    #expect(pages >= 2, "\(screen)")
    try tmux.keys("g")
    _ = try tmux.wait(for: "page 1/")
    try tmux.keys("q")
    _ = try tmux.wait(for: "Putin")
    try tmux.keys("q")
    #expect(try tmux.exitStatus() == 0)
    #expect(try !tmux.isOnAlternateScreen())
  }

  /// One picture command found in what leggio wrote: the cell it was placed at (1-based,
  /// from the `ESC 7 ESC [ row ; column H` before it) and its bytes up to the string end.
  struct Written {
    var row: Int
    var column: Int
    var stream: [UInt8]
  }

  /// The pictures written in `bytes` whose stream starts with `introducer` (`ESC _ G` for
  /// kitty, `ESC P` for sixel), each with the cell it was placed at.
  static func pictures(in bytes: [UInt8], introducer: String) -> [Written] {
    let text = String(decoding: bytes, as: UTF8.self)
    let pattern =
      "\u{1B}7\u{1B}\\[(\\d+);(\\d+)H" + NSRegularExpression.escapedPattern(for: introducer)
    guard let expression = try? NSRegularExpression(pattern: pattern) else { return [] }
    let whole = NSRange(text.startIndex..., in: text)
    return expression.matches(in: text, range: whole).compactMap { match in
      guard let row = Range(match.range(at: 1), in: text).flatMap({ Int(text[$0]) }),
        let column = Range(match.range(at: 2), in: text).flatMap({ Int(text[$0]) }),
        let start = Range(match.range, in: text)?.upperBound
      else { return nil }
      // The picture's commands run to the cursor's restoring `ESC 8`; one still being
      // written is not counted.
      let rest = text[start...]
      guard let end = rest.range(of: "\u{1B}8")?.lowerBound else { return nil }
      return Written(row: row, column: column, stream: Array((introducer + rest[..<end]).utf8))
    }
  }

  /// The pictures written to `recording` once at least one is whole (a kitty picture is a
  /// few megabytes, which tmux takes a moment to read), waiting up to 20 seconds.
  static func written(to recording: URL, introducer: String) async throws -> [Written] {
    for _ in 0..<200 {
      let found = pictures(in: Array(try Data(contentsOf: recording)), introducer: introducer)
      if !found.isEmpty { return found }
      try await Task.sleep(for: .milliseconds(100))
    }
    return []
  }

  /// Whether `text` is written to `recording` after its first `offset` bytes, waiting up
  /// to 10 seconds.
  static func appears(_ text: String, in recording: URL, after offset: Int) async throws -> Bool {
    for _ in 0..<100 {
      let after = Array(try Data(contentsOf: recording).dropFirst(offset))
      if String(decoding: after, as: UTF8.self).contains(text) { return true }
      try await Task.sleep(for: .milliseconds(100))
    }
    return false
  }

  @Test func offlineThePhotoIsWrittenAsAKittyPictureAboveItsCredit() async throws {
    let (cli, result, _) = try await addPage()
    #expect(result.status == 0, "\(result.stderr)")
    let recording = cli.directory.appendingPathComponent("kitty.typescript")
    let tmux = TUITmux()
    defer { tmux.stop() }
    try tmux.start(
      width: 80, height: 24, environment: try environment(cli, images: "kitty"),
      recording: recording)
    let screen = try turnToThePhoto(tmux)
    let lines = Self.lines(screen)
    let credit = try #require(lines.firstIndex { $0.contains(Self.credit) }, "\(screen)")
    // tmux shows no kitty pictures: the picture's cells are left blank for it.
    #expect(!lines.contains { TUIPictureEndToEndTests.hasSymbols($0) })
    let written = try await Self.written(to: recording, introducer: "\u{1B}_G")
    let photo = try #require(written.last, "no kitty picture was written")
    let keys = KittyPicture(photo.stream)
    #expect(keys.first["a"] == "T")
    let rows = try #require(keys.first["r"].flatMap { Int($0) })
    let columns = try #require(keys.first["c"].flatMap { Int($0) })
    // Placed on the rows right above the credit, within the 72-cell column.
    #expect(photo.row - 1 + rows == credit, "picture at row \(photo.row), \(rows) rows:\n\(screen)")
    #expect(columns <= 72 && columns >= 30)
    #expect(photo.column >= 1 && photo.column - 1 + columns <= 80)
    // Its pixels are the photo's: red grows from left to right, green from top to bottom.
    let pixels = try #require(keys.pixels, "the kitty payload is not RGB(A) pixels")
    #expect(pixels.width > 100 && pixels.height > 50)
    let (left, right) = (
      pixels.mean(x: 0..<pixels.width / 4), pixels.mean(x: pixels.width * 3 / 4..<pixels.width)
    )
    #expect(left.red < 80 && right.red > 170, "left \(left), right \(right)")
    let (top, bottom) = (
      pixels.mean(y: 0..<pixels.height / 4), pixels.mean(y: pixels.height * 3 / 4..<pixels.height)
    )
    #expect(top.green < 80 && bottom.green > 170, "top \(top), bottom \(bottom)")
    // Turning the page deletes it with kitty's own command.
    let before = try Data(contentsOf: recording).count
    try tmux.keys("Space")
    var deleted = false
    for _ in 0..<100 where !deleted {
      try await Task.sleep(for: .milliseconds(100))
      let after = Array(try Data(contentsOf: recording).dropFirst(before))
      deleted = String(decoding: after, as: UTF8.self).contains("\u{1B}_Ga=d,d=A\u{1B}\\")
    }
    #expect(deleted)
    // Back on the photo's page it is drawn again; a resize deletes it before the new size.
    try tmux.keys("b")
    #expect(try await Self.appears("\u{1B}_Ga=T", in: recording, after: before))
    let drawnAgain = try Data(contentsOf: recording).count
    try tmux.resize(width: 100, height: 30)
    #expect(try await Self.appears("\u{1B}_Ga=d,d=A\u{1B}\\", in: recording, after: drawnAgain))
    try tmux.resize(width: 80, height: 24)
    _ = try tmux.wait(forStatus: "page ", width: 80)
    try readThroughAndQuit(tmux, pictureFree: true)
  }

  @Test func offlineThePhotoIsWrittenAsASixelPictureAboveItsCredit() async throws {
    let (cli, result, _) = try await addPage()
    #expect(result.status == 0, "\(result.stderr)")
    let recording = cli.directory.appendingPathComponent("sixel.typescript")
    let tmux = TUITmux()
    defer { tmux.stop() }
    try tmux.start(
      width: 80, height: 24, environment: try environment(cli, images: "sixel"),
      recording: recording)
    let screen = try turnToThePhoto(tmux)
    let lines = Self.lines(screen)
    let credit = try #require(lines.firstIndex { $0.contains(Self.credit) }, "\(screen)")
    let written = try await Self.written(to: recording, introducer: "\u{1B}P")
    let photo = try #require(written.last, "no sixel picture was written")
    let sixel = try #require(SixelHeader(photo.stream), "no raster attributes")
    // 1:1 pixels, the photo's proportions (1600x1000), on the blank rows right above the
    // credit, as wide as at most the 72-cell column.
    #expect(sixel.aspect == [1, 1])
    let rows = credit - (photo.row - 1)
    #expect(rows >= 10 && rows <= 23, "\(sixel)\n\(screen)")
    #expect(abs(Double(sixel.width) / Double(sixel.height) - 1.6) < 0.05, "\(sixel)")
    let cellHeight = Double(sixel.height) / Double(rows)
    #expect(cellHeight > 8 && cellHeight <= 40, "\(sixel), \(rows) rows")
    for row in (photo.row - 1)..<credit {
      #expect(lines[row].trimmingCharacters(in: .whitespaces).isEmpty, "\(screen)")
    }
    // Its palette holds the photo's colours: a red and a green among them.
    #expect(sixel.palette.contains { $0.red > 70 && $0.green < 40 }, "\(sixel.palette)")
    #expect(sixel.palette.contains { $0.green > 70 && $0.red < 40 }, "\(sixel.palette)")
    #expect(String(decoding: photo.stream, as: UTF8.self).hasSuffix("\u{1B}\\"))
    try readThroughAndQuit(tmux, pictureFree: true)
  }

  @Test func iShowsThePhotoAloneAndBigIOpensItInTheViewerWithoutWaitingForIt() async throws {
    let (cli, result, base) = try await addPage()
    #expect(result.status == 0, "\(result.stderr)")
    // A viewer that keeps a copy of what it was given and then stays open a while.
    let opened = cli.directory.appendingPathComponent("opened.jpg")
    let viewer = cli.directory.appendingPathComponent("viewer.sh")
    try """
    #!/bin/sh
    cp "$1" '\(opened.path).part' && mv '\(opened.path).part' '\(opened.path)'
    sleep 20
    """.write(to: viewer, atomically: true, encoding: .utf8)
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: viewer.path)
    var environment = try environment(cli, images: "symbols")
    environment["LEGGIO_IMAGE_VIEWER"] = viewer.path
    let tmux = TUITmux()
    defer { tmux.stop() }
    try tmux.start(width: 80, height: 24, environment: environment)
    _ = try turnToThePhoto(tmux)
    try tmux.keys("i")
    let alone = try tmux.wait(for: "Kim Jong-un — \(Self.credit)")
    let lines = Self.lines(alone)
    // The caption whole, then which of the article's two kept pictures this is.
    #expect(lines.last { !$0.isEmpty }?.hasSuffix("1/2") == true, "\(alone)")
    // Every row above the status line is the picture's: 1600x1000 at 80 cells is 25 rows,
    // so it takes all 23 and is as wide as they allow.
    #expect(
      lines.prefix(23).filter { TUIPictureEndToEndTests.hasSymbols($0) }.count >= 21, "\(alone)")
    #expect(!alone.contains("Vladimir Putin e Kim Jong-un. Kim Jong-un"))
    try tmux.keys("I")
    var copy: Data?
    for _ in 0..<100 where copy == nil {
      try await Task.sleep(for: .milliseconds(100))
      copy = try? Data(contentsOf: opened)
    }
    let photo = try Library(path: cli.libraryPath).images(ofArticle: 1)[
      base + "media/putin-kim-1600.jpg"]
    #expect(copy != nil && copy == photo?.data)
    // The viewer is still open: the reader goes on all the same.
    try tmux.keys("q")
    _ = try tmux.wait(for: Self.credit)
    try tmux.keys("Space")
    _ = try tmux.wait(for: "page 3/")
    try tmux.keys("q", "q")
    #expect(try tmux.exitStatus() == 0)
  }

  @Test func aLateAnswerFromTheTerminalIsNeverReadAsKeys() async throws {
    let (cli, result, _) = try await addPage()
    #expect(result.status == 0, "\(result.stderr)")
    let tmux = TUITmux()
    defer { tmux.stop() }
    try tmux.start(width: 80, height: 24, environment: try environment(cli, images: "symbols"))
    let before = try turnToThePhoto(tmux)
    // What a terminal on a slow link answers after the picture query's wait: the device
    // attributes, kitty's acknowledgement, the cell size. Read as keys they would be Esc
    // (back to the list), `?` (the help), `G` (the last page)…
    try tmux.type("\u{1B}[?62;22;4c")
    try tmux.type("\u{1B}_Gi=31;OK\u{1B}\\")
    try tmux.type("\u{1B}[6;20;10t")
    try tmux.type(" ")
    let after = try tmux.wait(for: "page 3/")
    #expect(!after.contains("Keys"))
    try tmux.keys("b")
    #expect(try tmux.wait(for: "page 2/") == before)
    // Esc itself still goes back to the list.
    try tmux.keys("Escape")
    var screen = try tmux.screen()
    for _ in 0..<100 where screen.contains("page 2/") {
      try await Task.sleep(for: .milliseconds(50))
      screen = try tmux.screen()
    }
    #expect(!screen.contains("page 2/") && screen.contains("Putin"), "\(screen)")
    try tmux.keys("q")
    #expect(try tmux.exitStatus() == 0)
  }
}

import FlyingFox
import Foundation
import LeggioStore
import LeggioTestSupport
import Testing

/// `leggio feeds update` keeps its new items' pictures, as `leggio add URL` keeps a
/// page's: from a real server on 127.0.0.1 serving a feed whose items show a PNG, a JPEG
/// (as `media:content`), a 404 (in two items) and an HTML page sent as `image/png`. The
/// items are stored, each failure is named once, and with the server gone the reader
/// draws the item's picture; `--no-images` and `[feeds] images = false` keep none.
@Suite(.serialized) struct CLIFeedPictureTests {
  static func rss(_ root: String) -> String {
    """
    <?xml version="1.0" encoding="UTF-8"?>
    <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
      xmlns:media="http://search.yahoo.com/mrss/"><channel><title>Il Porto</title>
    <link>\(root)</link><description>Notizie dal porto</description>
    <item><title>La nave arriva</title><link>\(root)nave</link><guid>nave</guid>
    <description>Una nave da carico arriva in porto all'alba, con il suo carico di grano.</description>
    <media:content url="\(root)img/nave.jpg" type="image/jpeg" medium="image"/></item>
    <item><title>La gru nuova</title><link>\(root)gru</link><guid>gru</guid>
    <content:encoded><![CDATA[<p>Una gru nuova per il porto.</p><figure><img src="/img/porto.png" alt="Il porto"><figcaption>Il porto</figcaption></figure><figure><img src="/img/perduta.png" alt="Una foto perduta"><figcaption>Una foto perduta</figcaption></figure>]]></content:encoded></item>
    <item><title>Il molo vecchio</title><link>\(root)molo</link><guid>molo</guid>
    <content:encoded><![CDATA[<p>Il molo vecchio.</p><figure><img src="/img/perduta.png" alt="Ancora perduta"><figcaption>Ancora perduta</figcaption></figure><figure><img src="/img/pagina.png" alt="Una pagina"><figcaption>Una pagina</figcaption></figure>]]></content:encoded></item>
    </channel></rss>
    """
  }

  /// Runs `body` with the feed's URL while the server answers.
  func withServer(_ body: (String) async throws -> Void) async throws {
    let server = HTTPServer(address: try .inet(ip4: "127.0.0.1", port: 0))
    let root = RootBox()
    await server.appendRoute("GET /feed.xml") { _ in
      HTTPResponse(
        statusCode: .ok, headers: [.contentType: "application/rss+xml"],
        body: Data(Self.rss(root.value).utf8))
    }
    let nave = try TestPictures.jpeg(width: 800, height: 300)
    let porto = TestPictures.png(width: 160, height: 100)
    await server.appendRoute("GET /img/nave.jpg") { _ in
      HTTPResponse(statusCode: .ok, headers: [.contentType: "image/jpeg"], body: nave)
    }
    await server.appendRoute("GET /img/porto.png") { _ in
      HTTPResponse(statusCode: .ok, headers: [.contentType: "image/png"], body: porto)
    }
    await server.appendRoute("GET /img/perduta.png") { _ in HTTPResponse(statusCode: .notFound) }
    await server.appendRoute("GET /img/pagina.png") { _ in
      HTTPResponse(
        statusCode: .ok, headers: [.contentType: "image/png"],
        body: Data("<!doctype html><p>Pagina non trovata".utf8))
    }
    try await server.serving { base in
      root.value = base.absoluteString
      try await body(base.absoluteString + "feed.xml")
    }
  }

  final class RootBox: @unchecked Sendable { var value = "" }

  /// Subscribes `cli` to the feed and updates it with `arguments` added.
  func update(
    _ cli: CLIHarness, _ arguments: [String] = [], environment: [String: String] = [:]
  ) async throws -> (CLIHarness.Result, root: String) {
    var result: CLIHarness.Result?
    var root = ""
    try await withServer { url in
      root = String(url.dropLast("feed.xml".count))
      #expect(try await cli.runAsync(["feeds", "add", url]).status == 0)
      result = try await cli.runAsync(
        ["feeds", "update"] + arguments, extraEnvironment: environment)
    }
    return (try #require(result), root)
  }

  @Test func anUpdateKeepsTheItemsPicturesAndTheReaderDrawsThemOffline() async throws {
    let cli = try CLIHarness()
    let (result, root) = try await update(cli)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdoutLines.first == "✓ Il Porto: 3 new", "\(result.stdout)")
    // Each failure once, though two items show the missing picture.
    #expect(
      Set(result.stdoutLines.filter { $0.hasPrefix("    warning:") }) == [
        "    warning: picture skipped: \(root)img/perduta.png: the server answered HTTP 404",
        "    warning: picture skipped: \(root)img/pagina.png: not a JPEG, PNG, GIF or WebP picture (sent as image/png)",
      ], "\(result.stdout)")
    #expect(result.stdoutLines.filter { $0.hasPrefix("    warning:") }.count == 2)
    let library = try Library(path: cli.libraryPath)
    #expect(try library.imageTotals().count == 2)

    // The server is gone: the reader draws the item's picture from the library.
    let tmux = TUITmux()
    defer { tmux.stop() }
    try tmux.start(
      width: 80, height: 24,
      environment: try TUINewsPhotoEndToEndTests().environment(cli, images: "symbols"))
    _ = try tmux.wait(for: "La nave arriva")
    try tmux.keys("Enter")
    _ = try tmux.wait(for: "page 1/")
    // The picture is decoded off the interface's thread, then drawn.
    var screen = try tmux.screen()
    for _ in 0..<100
    where !TUINewsPhotoEndToEndTests.lines(screen).contains(
      where: TUIPictureEndToEndTests.hasSymbols)
    {
      try await Task.sleep(for: .milliseconds(100))
      screen = try tmux.screen()
    }
    let lines = TUINewsPhotoEndToEndTests.lines(screen)
    #expect(lines.filter { TUIPictureEndToEndTests.hasSymbols($0) }.count >= 5, "\(screen)")
    #expect(screen.contains("Una nave da carico"), "\(screen)")
    #expect(!screen.contains("[Image"), "\(screen)")
    try tmux.keys("q")
    _ = try tmux.wait(for: "La gru nuova")
    try tmux.keys("q")
    #expect(try tmux.exitStatus() == 0)

    // Removing the items frees their pictures.
    try cli.run("remove", "1", "2", "3")
    #expect(try Library(path: cli.libraryPath).imageTotals().count == 0)
  }

  @Test func noImagesOrTheConfigurationKeepNone() async throws {
    let cli = try CLIHarness()
    let (result, _) = try await update(cli, ["--no-images"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdoutLines.first == "✓ Il Porto: 3 new")
    #expect(!result.stdout.contains("warning"), "\(result.stdout)")
    #expect(try Library(path: cli.libraryPath).imageTotals().count == 0)

    let configured = try CLIHarness()
    let config = configured.directory.appendingPathComponent("config")
    try FileManager.default.createDirectory(
      at: config.appendingPathComponent("leggio"), withIntermediateDirectories: true)
    try "[feeds]\nimages = false\n".write(
      to: config.appendingPathComponent("leggio/config.toml"), atomically: true, encoding: .utf8)
    let (off, _) = try await update(configured, environment: ["XDG_CONFIG_HOME": config.path])
    #expect(off.status == 0, "\(off.stderr)")
    #expect(off.stderr.isEmpty, "\(off.stderr)")
    #expect(try Library(path: configured.libraryPath).imageTotals().count == 0)
  }
}

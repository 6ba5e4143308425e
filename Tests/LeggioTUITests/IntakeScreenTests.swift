import Foundation
import LeggioModel
import LeggioStore
import Testing

@testable import LeggioTUI

/// Starring articles, saving and opening the links of an article, and fetching pending
/// articles in the background, on a real library and real pages from 127.0.0.1.
@Suite struct IntakeScreenTests {
  /// Takes in background reports until `done` holds (or gives up after a while).
  static func waitUntil(_ app: Application, _ done: (Application) -> Bool) async throws {
    for _ in 0..<3_000 where !done(app) {
      if !app.drainInbox() { try await Task.sleep(for: .milliseconds(10)) }
    }
  }

  @Test func fStarsTheSelectedArticleAndAgainUnstarsIt() throws {
    let library = try makeLibrary(Fixtures.many(3))
    let app = makeApp(library, width: 60, height: 8)
    app.press("j")
    let id = try #require(app.state.library.selectedRow?.id)
    app.press("f")
    #expect(app.render().rows[7].hasPrefix(" ★ Starred"))
    #expect(app.render().rows[2].hasPrefix("★"), "the star shows in the list")
    #expect(try library.count(ArticleQuery(starredOnly: true)) == 1)
    #expect(try library.entries(ArticleQuery(starredOnly: true)).first?.summary.id == id)
    app.press("f")
    #expect(app.render().rows[7].hasPrefix(" Unstarred"))
    #expect(!app.render().rows[2].hasPrefix("★"))
    #expect(try library.count(ArticleQuery(starredOnly: true)) == 0)
  }

  @Test func fInTheReaderStarsTheOpenArticle() throws {
    let library = try makeLibrary([LinkListTests.linked()])
    let app = makeApp(library, width: 60, height: 10)
    app.press("<Enter>f")
    #expect(app.render().rows[9].hasPrefix(" ★ Starred"))
    app.press("j")
    #expect(app.render().rows[9].hasPrefix(" ★ Links"), "the reader's status line shows it")
    app.press("q")
    #expect(app.render().rows[1].hasPrefix("★"))
    #expect(try library.count(ArticleQuery(starredOnly: true)) == 1)
  }

  /// An article linking to a page of `server` and to one that is not there.
  static func linking(_ server: LinkedPageServer) -> StoredArticle {
    Fixtures.simple(
      id: 9, title: "Reading list", paragraphs: ["Two pages worth keeping."],
      links: [
        ("the essay", server.url("/page/essay")), (" and ", ""),
        ("the lost one", server.url("/missing/lost")),
      ])
  }

  @Test func sOnALinkSavesThePageFetchedInTheBackground() async throws {
    let server = try await LinkedPageServer.start()
    defer { Task { await server.stop() } }
    let library = try makeLibrary([Self.linking(server)])
    let app = makeApp(library, width: 80, height: 12)
    app.press("<Enter><Enter>s")
    #expect(app.render().rows[11].hasPrefix(" Saving \(server.url("/page/essay"))"))
    #expect(app.state.modal != nil, "the links list stays open")
    try await Self.waitUntil(app) { $0.state.status?.text.hasPrefix("Saving") == false }
    #expect(app.state.status?.text == "Saved to the library: essay")
    let saved = try #require(
      try library.entries(ArticleQuery()).first { $0.metadata.source == server.url("/page/essay") })
    #expect(!saved.summary.isPending)
    #expect(saved.summary.words > 20)

    // Saving it again finds it there; a page that is not there is kept pending.
    app.press("s")
    try await Self.waitUntil(app) { $0.state.status?.text.hasPrefix("Saving") == false }
    #expect(app.state.status?.text == "Already in the library: essay")
    app.press("js")
    try await Self.waitUntil(app) { $0.state.status?.text.hasPrefix("Saving") == false }
    let status = try #require(app.state.status)
    #expect(status.isError)
    #expect(status.text.hasPrefix("Saved as pending ("))
    #expect(status.text.contains("404"))
    #expect(try library.count(ArticleQuery(pendingOnly: true)) == 1)
    #expect(try library.count(ArticleQuery()) == 3)
  }

  @Test func oOpensTheLinkInTheBrowserWithTheAddressAsOneArgument() async throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "leggio-browser-" + UUID().uuidString)
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let opened = directory.appendingPathComponent("opened")
    let browser = directory.appendingPathComponent("browser")
    try "#!/bin/sh\nprintf '%s|%s' \"$#\" \"$1\" > '\(opened.path)'\n".write(
      to: browser, atomically: true, encoding: .utf8)
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: browser.path)
    // An address a shell would run part of, were it pasted into the command.
    let address = "https://example.org/a;touch%20x?q=$(echo%20no)&b=`id`"
    let article = Fixtures.simple(
      id: 3, title: "Odd link", paragraphs: ["Text."], links: [("odd", address)])
    let app = makeApp(try makeLibrary([article]), width: 60, height: 10)
    app.environment["BROWSER"] = browser.path
    app.press("<Enter><Enter>o")
    #expect(app.state.reader != nil, "the reader stays open")
    for _ in 0..<1_000 where !FileManager.default.fileExists(atPath: opened.path) {
      try await Task.sleep(for: .milliseconds(10))
    }
    try await Task.sleep(for: .milliseconds(50))
    #expect(try String(contentsOf: opened, encoding: .utf8) == "1|" + address)
    #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("x").path))
  }

  @Test func aBrowserThatFailsIsReportedInTheStatusLine() async throws {
    let app = makeApp(try makeLibrary([LinkListTests.linked()]), width: 60, height: 10)
    app.environment["BROWSER"] = "/nonexistent/browser"
    app.press("<Enter><Enter>o")
    try await Self.waitUntil(app) { $0.state.status?.isError == true }
    #expect(app.state.status?.text.hasPrefix("$BROWSER (/nonexistent/browser) failed") == true)
  }

  @Test func onlyWebLinksCanBeSaved() throws {
    let article = Fixtures.simple(
      id: 3, title: "Mail", paragraphs: ["Text."], links: [("write", "mailto:a@example.org")])
    let app = makeApp(try makeLibrary([article]), width: 70, height: 10)
    app.press("<Enter><Enter>s")
    #expect(app.state.status?.isError == true)
    #expect(app.state.status?.text.hasPrefix("Only web links") == true)
  }

  @Test func pFetchesPendingArticlesWhileTheListStaysUsable() async throws {
    let server = try await LinkedPageServer.start()
    defer { Task { await server.stop() } }
    let library = try Library.inMemory()
    let entries =
      ["alpha", "beta", "gamma"].map {
        ImportEntry(entry: $0, url: server.url("/page/\($0)"), title: "Pending \($0)")
      } + [ImportEntry(entry: "lost", url: server.url("/missing/lost"), title: "Pending lost")]
    _ = library.importEntries(entries)
    let app = makeApp(library, width: 70, height: 10)
    #expect(app.render().rows[1].hasSuffix("wait"))
    app.press("P")
    #expect(app.state.pendingFetchRunning)
    #expect(app.state.hasBackgroundWork)
    // The list moves while the pages are fetched.
    app.press("j")
    #expect(app.state.library.selected == 1)
    try await Self.waitUntil(app) { !$0.state.pendingFetchRunning }
    let status = try #require(app.state.status)
    #expect(status.text.hasPrefix("Fetched 3 pages; 1 failed"))
    #expect(try library.count(ArticleQuery(pendingOnly: true)) == 1)
    let failed = try library.pendingFetches(retryingFailed: true)
    #expect(failed.map(\.title) == ["Pending lost"])
    #expect(failed.first?.lastError?.contains("404") == true)
    let rows = app.render().rows[1...4].filter { $0.hasSuffix("wait") }
    #expect(rows.count == 1)
  }
}

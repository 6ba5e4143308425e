import Foundation
@testable import LeggioStore
import Testing

@testable import LeggioTUI

/// What sync shows on screen: its state in the library header, the sync key's answer
/// when sync is not set up, and "continue at page N" when another device read further.
@Suite struct SyncScreenTests {
  /// 4 December 2026, 14:05 UTC.
  static let lastSync = Date(timeIntervalSince1970: 1_796_393_100)

  /// An application whose header shows sync (as when `leggio sync init` was run), times
  /// in UTC.
  static func app(_ library: Library, width: Int = 80, height: Int = 24) -> Application {
    var state = AppState(width: width, height: height)
    state.sync = SyncIndicator()
    state.timeZone = TimeZone(identifier: "UTC")!
    let app = Application(library: library, state: state)
    app.start()
    return app
  }

  @Test func theHeaderShowsTheLastSyncAndTheChangesWaiting() throws {
    let library = try LibraryScreenTests.threeArticles()
    try library.markExported(through: .max)
    try library.setSyncState(
      "last-sync", String(Int64(Self.lastSync.timeIntervalSince1970 * 1000)))
    let summary = try #require(library.summaries(ArticleQuery(), offset: 0, limit: 1).first)
    try library.saveReadingPosition(articleID: summary.id, offset: 0, progress: 0.1)
    // The article just read is no longer unread, and its position waits to travel.
    #expect(
      Self.app(library, width: 100).render().rows[0]
        == " Leggio · 3 articles · 1 unread · 3 shown"
        + "            synced 4 Dec 14:05 · 1 to sync · by date added")
    // Where the order does not fit beside it, the sync state still does.
    #expect(
      Self.app(library).render().rows[0]
        == " Leggio · 3 articles · 1 unread · 3 shown        synced 4 Dec 14:05 · 1 to sync")
  }

  @Test func aLibraryNeverSyncedSaysSoAndKeepsTheSyncStateWhenTheFiltersDoNotFit() throws {
    let library = try LibraryScreenTests.threeArticles()
    try library.markExported(through: .max)
    let app = Self.app(library, width: 60)
    #expect(
      app.render().rows[0]
        == " Leggio · 3 articles · 2 unread · 3 shown      never synced")
  }

  @Test func withoutSyncSetUpTheHeaderIsUnchangedAndTheKeySaysWhatToRun() throws {
    let app = makeApp(try LibraryScreenTests.threeArticles())
    #expect(!app.render().rows[0].contains("sync"))
    app.press("S")
    let grid = app.render()
    #expect(grid.rows[23].hasPrefix(" Sync: not set up here; run `leggio sync init REMOTE` once  "))
    #expect(grid.rows[23].hasSuffix(" 1/3"))
    #expect(app.state.status?.isError == true)
  }

  /// The reference article, read to `offset` on a device named "laptop" at 14:05 on 4
  /// December (brought by a sync, through the same import `leggio sync` uses).
  static func readElsewhere(offset: Int) throws -> Library {
    let library = try makeLibrary([try Fixtures.referenceArticle()])
    let summary = try #require(library.summaries(ArticleQuery(), offset: 0, limit: 1).first)
    let identity = try #require(try library.globalIdentity(ofArticle: summary.uuid))
    var incoming = SyncIncoming()
    incoming.positions = [
      SyncPosition(
        article: identity, device: "0190aaaa-0000-7000-8000-00000000000a", offset: offset,
        progress: 0.6, updatedAt: Int64(Self.lastSync.timeIntervalSince1970 * 1000),
        deviceName: "laptop")
    ]
    let report = try library.importSync(incoming) { _ in nil }
    #expect(report.applied == 1)
    return library
  }

  @Test func openingAnArticleReadFurtherElsewhereAsksBeforeMoving() throws {
    let app = Self.app(try Self.readElsewhere(offset: 1_200), width: 40, height: 10)
    app.press("<Enter>")
    let asked = app.render()
    assertScreen(
      asked,
      [
        " Relazioni strategiche",
        "",
        " Quell'amicizia tra Putin e Kim Jong-un",
        " che si intensifica sempre di più",
        "",
        " I rapporti tra Mosca e Pyongyang, già",
        " positivi, continuano a migliorare e i",
        " due leader si promettono,",
        " reciprocamente, di rafforzare la",
        " Continue at page 6 (read on laptop, 4…",
      ])
    #expect(app.state.reader?.pageIndex == 0)
    app.press("y")
    #expect(app.state.reader?.pageIndex == 5)
    #expect(app.state.status?.text == "Page 6, where you read on laptop · Backspace: back")
    app.press("<BS>")
    #expect(app.state.reader?.pageIndex == 0)
  }

  @Test func theQuestionNamesThePageTheDeviceAndTheTime() throws {
    let app = Self.app(try Self.readElsewhere(offset: 1_200))
    app.press("<Enter>")
    let grid = app.render()
    #expect(
      grid.rows[23].hasPrefix(" Continue at page ")
        && grid.rows[23].hasSuffix(" (read on laptop, 4 Dec 14:05)? y/n"))
  }

  @Test func anyOtherKeyKeepsThePlaceAndTheQuestionIsNotAskedAgain() throws {
    let app = Self.app(try Self.readElsewhere(offset: 1_200), width: 40, height: 10)
    app.press("<Enter>")
    app.press("x")
    #expect(app.state.reader?.pageIndex == 0)
    #expect(app.state.status?.text == "Kept your place")
    // Leaving saves this device's position, newer than the laptop's: no question then.
    app.press("q<Enter>")
    #expect(app.state.modal == nil)
    #expect(app.state.reader?.pageIndex == 0)
  }

  @Test func aPositionOnThePageAlreadyShownAsksNothing() throws {
    // The laptop opened the article and left it on its first page.
    let app = Self.app(try Self.readElsewhere(offset: 0), width: 40, height: 10)
    app.press("<Enter>")
    #expect(app.state.modal == nil)
    #expect(app.render().rows[9].hasPrefix(" Quell'amicizia"))
  }
}

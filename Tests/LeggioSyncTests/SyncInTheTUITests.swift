import Foundation
import LeggioStore
import LeggioTUI
import LeggioTestSupport
import Testing

@testable import LeggioSync

/// The sync key in the interface, on real libraries and a bare git remote: the sync runs
/// in the background, what it brings shows up without a restart, a failure is one line.
@Suite(.serialized) struct SyncInTheTUITests {
  let world: SyncWorld
  let a: SyncHome
  let b: SyncHome

  init() throws {
    world = try SyncWorld()
    a = try SyncHome(world.root, "a", device: TwoHomesSyncTests.deviceA)
    b = try SyncHome(world.root, "b", device: TwoHomesSyncTests.deviceB)
  }

  /// A's interface at `width` x `height`, syncing through A's engine.
  func appOnA(width: Int = 80, height: Int = 24) -> Application {
    let app = Application(library: a.library, width: width, height: height)
    app.syncRunner = SyncRunner(engine: a.engine)
    app.start()
    return app
  }

  /// Takes the background sync's reports until it finishes (at most a minute).
  func waitForSync(_ app: Application) {
    let deadline = Date().addingTimeInterval(60)
    while Date() < deadline {
      app.drainInbox()
      if app.state.sync?.running != true { return }
      Thread.sleep(forTimeInterval: 0.02)
    }
    Issue.record("the sync did not finish within a minute")
  }

  @Test func whatAnotherDeviceSentShowsUpInTheOpenListWithoutARestart() throws {
    defer { world.remove() }
    try a.add("Articolo di A", ["Scritto su A."])
    #expect(try a.engine.initialize(remote: world.remote).offline == nil)
    #expect(try b.engine.initialize(remote: world.remote).offline == nil)
    let app = appOnA()
    #expect(app.render().rows[0].contains("synced "))
    #expect(!app.render().rows.contains { $0.contains("Articolo di B") })
    try b.add("Articolo di B", ["Scritto su B, mentre A leggeva."])
    #expect(try b.engine.sync().pushed)
    app.send(.key(.character("S")))
    #expect(app.state.sync?.running == true)
    waitForSync(app)
    let grid = app.render()
    #expect(grid.rows.contains { $0.contains("Articolo di B") })
    #expect(grid.rows[0].contains(" 2 articles "))
    #expect(app.state.status?.isError == false)
    #expect(app.state.status?.text.hasPrefix("Synced: 1 change arrived") == true)
  }

  @Test func theInterfaceKeepsAnsweringWhileASyncWaitsItsTurn() throws {
    defer { world.remove() }
    try a.add("Primo", ["Uno."])
    try a.add("Secondo", ["Due."])
    #expect(try a.engine.initialize(remote: world.remote).offline == nil)
    let app = appOnA()
    // Another sync of this mirror holds the lock: this one waits in the background.
    var other: SyncLock? = try SyncLock(a.engine.lockURL)
    app.send(.key(.character("S")))
    #expect(app.render().rows[23].hasPrefix(" Syncing…"))
    #expect(app.render().rows[0].contains("syncing…"))
    app.send(.key(.character("j")))
    #expect(app.state.library.selected == 1)
    app.send(.key(.character("S")))
    #expect(app.state.status?.text == "A sync is already running")
    withExtendedLifetime(other) {}
    other = nil
    waitForSync(app)
    #expect(app.state.sync?.running == false)
    #expect(app.state.status?.text.hasPrefix("Synced:") == true)
  }

  @Test func anUnreachableRemoteIsOneLineAndTheHeaderSaysTheSyncFailed() throws {
    defer { world.remove() }
    try a.add("Qui", ["Resta qui."])
    #expect(try a.engine.initialize(remote: world.remote).offline == nil)
    try world.git(
      ["remote", "set-url", "origin", world.root.appendingPathComponent("gone.git").path],
      in: a.engine.mirror.root)
    let app = appOnA()
    app.send(.key(.character("S")))
    waitForSync(app)
    let grid = app.render()
    #expect(app.state.status?.isError == true)
    #expect(grid.rows[23].hasPrefix(" Sync: cannot reach "))
    #expect(grid.rows[0].contains("sync failed"))
    // The library is still there and usable.
    #expect(grid.rows.contains { $0.contains("Qui") })
    app.send(.key(.enter))
    #expect(app.state.reader?.article.summary.title == "Qui")
  }

  @Test func anArticleReadFurtherOnAnotherDeviceOffersToContinueThere() throws {
    defer { world.remove() }
    let paragraphs = (1...40).map {
      "Paragrafo \($0): una frase abbastanza lunga da riempire la riga."
    }
    try a.add("Lungo", paragraphs)
    #expect(try a.engine.initialize(remote: world.remote).offline == nil)
    #expect(try b.engine.initialize(remote: world.remote).offline == nil)
    let onB = try #require(try b.library.summaries(ArticleQuery(), offset: 0, limit: 1).first)
    try b.library.saveReadingPosition(articleID: onB.id, offset: 1_500, progress: 0.6)
    #expect(try b.engine.sync().pushed)
    let app = appOnA(width: 40, height: 10)
    app.send(.key(.character("S")))
    waitForSync(app)
    app.send(.key(.enter))
    guard case .continueReading(let other, let page) = app.state.modal else {
      Issue.record("no question: \(app.render().rows)")
      return
    }
    #expect(other.deviceName == "machine-b")
    #expect(other.offset == 1_500)
    #expect(app.render().rows[9].hasPrefix(" Continue at page \(page + 1) (read on machine-b"))
    app.send(.key(.character("y")))
    #expect(app.state.reader?.pageIndex == page)
  }
}

import Foundation
import LeggioStore
import Testing

@testable import LeggioSync

/// Stars and archiving travel with their article, the newer change winning.
@Suite(.serialized) struct ArticleFlagsSyncTests {
  @Test func aStarAddedOnOneMachineAndRemovedOnTheOtherEndsAsTheLaterChangeSays() throws {
    let world = try SyncWorld()
    defer { world.remove() }
    let a = try SyncHome(world.root, "a", device: TwoHomesSyncTests.deviceA)
    let b = try SyncHome(world.root, "b", device: TwoHomesSyncTests.deviceB)
    let onA = try a.add("Da leggere", ["Un testo da tenere."], source: "https://example.org/s")
    #expect(try a.engine.initialize(remote: world.remote).offline == nil)
    #expect(try b.engine.initialize(remote: world.remote).offline == nil)
    try a.library.setStarred(ids: [onA], true)
    #expect(try a.engine.sync().pushed)
    #expect(try b.engine.sync().pushed)
    let onB = try #require(
      try b.library.summaries(ArticleQuery(starredOnly: true), offset: 0, limit: 10).first)
    #expect(onB.title == "Da leggere")
    // Later, B unstars it: A hears of it.
    Thread.sleep(forTimeInterval: 0.01)
    try b.library.setStarred(ids: [onB.id], false)
    #expect(try b.engine.sync().pushed)
    #expect(try a.engine.sync().pushed)
    #expect(try a.library.count(ArticleQuery(starredOnly: true)) == 0)
    #expect(try a.library.count(ArticleQuery()) == 1)
  }
}

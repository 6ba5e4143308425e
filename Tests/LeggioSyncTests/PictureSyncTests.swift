import Foundation
import LeggioModel
import LeggioTestSupport
import Testing

@testable import LeggioStore
@testable import LeggioSync

/// Articles' pictures travel with them through a bare git repository (the real git CLI):
/// one file per picture under `pictures/`, named by its hash and written once, so an
/// article synced to the second machine reads offline there, pictures and all; removing
/// it on one machine frees its pictures on both.
@Suite(.serialized) struct PictureSyncTests {
  let world: SyncWorld
  let a: SyncHome
  let b: SyncHome

  init() throws {
    world = try SyncWorld()
    a = try SyncHome(world.root, "a", device: TwoHomesSyncTests.deviceA)
    b = try SyncHome(world.root, "b", device: TwoHomesSyncTests.deviceB)
  }

  func syncRound() throws {
    for home in [a, b, a] {
      let report = try home.engine.sync()
      #expect(report.offline == nil)
      #expect(report.skipped.isEmpty, "\(report.skipped)")
    }
  }

  static func picture(_ source: String, _ data: Data) -> KeptImage {
    KeptImage(source: source, data: data, info: ImageInfo(data)!)
  }

  func id(of title: String, in home: SyncHome) throws -> Int64 {
    let found = try home.library.summaries(ArticleQuery(), offset: 0, limit: 100)
    return try #require(found.first { $0.title == title }).id
  }

  @Test func anArticlesPicturesReachTheOtherMachineAndRemovingItFreesThemOnBoth() throws {
    defer { world.remove() }
    #expect(try a.engine.initialize(remote: world.remote).offline == nil)
    #expect(try b.engine.initialize(remote: world.remote).offline == nil)
    let harbour = TestPictures.png(width: 120, height: 80)
    let photo = try TestPictures.jpeg(width: 200, height: 100)
    // Given, on A, a page added with its picture, and a feed item whose picture came
    // after it was stored (as `FeedPictureFetcher` links one)
    var page = imported(
      "Il porto", ["Il porto di Genova, visto dal mare, con le sue gru."],
      source: "https://example.org/porto")
    page.images = [Self.picture("https://example.org/porto.png", harbour)]
    let pageID = try a.library.add(page).id
    let itemID = try a.add(
      "La notizia", ["Una notizia del giorno, con la sua fotografia."],
      source: "https://example.org/notizia")
    #expect(
      try a.library.keepImage(
        Self.picture("https://example.org/foto.jpg", photo), articleID: itemID))
    // When A syncs, then B
    try syncRound()
    // Then B holds both pictures, byte for byte, under the addresses the texts name
    let onB = try b.library.images(ofArticle: try id(of: "Il porto", in: b))
    #expect(onB["https://example.org/porto.png"]?.data == harbour)
    let itemOnB = try b.library.images(ofArticle: try id(of: "La notizia", in: b))
    #expect(itemOnB["https://example.org/foto.jpg"]?.data == photo)
    #expect(itemOnB["https://example.org/foto.jpg"]?.info.format == .jpeg)
    // as one file per picture in the mirror, named by its hash
    for data in [harbour, photo] {
      let hash = SHA256.hex(bytes: data)
      let file = b.engine.mirror.root.appendingPathComponent(MirrorLayout.picture(hash))
      #expect(try Data(contentsOf: file) == data)
    }
    #expect(try a.library.imageTotals().count == 2)
    #expect(try b.library.imageTotals().count == 2)
    // When B removes the page and both sync
    try b.library.remove(ids: [try id(of: "Il porto", in: b)])
    try syncRound()
    // Then its picture is freed on both machines, and the item's is kept
    for home in [a, b] {
      #expect(try home.library.imageTotals().count == 1)
    }
    #expect(try a.library.images(ofArticle: pageID).isEmpty)
    #expect(try a.library.images(ofArticle: itemID).count == 1)
  }

  @Test func aPictureWhoseFileIsNotThePictureItsHashNamesIsNotKept() throws {
    defer { world.remove() }
    #expect(try a.engine.initialize(remote: world.remote).offline == nil)
    #expect(try b.engine.initialize(remote: world.remote).offline == nil)
    let harbour = TestPictures.png(width: 60, height: 40)
    var page = imported(
      "Il molo", ["Il molo vecchio, con le barche dei pescatori."],
      source: "https://example.org/molo")
    page.images = [Self.picture("https://example.org/molo.png", harbour)]
    try a.library.add(page)
    #expect(try a.engine.sync().offline == nil)
    // Someone replaces the picture's file in the remote with a page of HTML.
    let hash = SHA256.hex(bytes: harbour)
    let file = a.engine.mirror.root.appendingPathComponent(MirrorLayout.picture(hash))
    try Data("<!doctype html><p>not a picture".utf8).write(to: file)
    try world.git(["commit", "-qam", "a broken picture"], in: a.engine.mirror.root)
    try world.git(["push", "-q", "origin", "HEAD"], in: a.engine.mirror.root)
    let report = try b.engine.sync()
    // The article arrives; its picture is refused, and said so.
    #expect(try b.titles() == ["Il molo"])
    #expect(try b.library.imageTotals().count == 0)
    #expect(
      report.skipped == [
        "Il molo: the picture https://example.org/molo.png is damaged (not the picture its name says)"
      ])
  }
}

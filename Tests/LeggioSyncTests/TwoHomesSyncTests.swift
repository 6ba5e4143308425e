import Foundation
import Testing

@testable import LeggioStore
@testable import LeggioSync

/// Two machines, A and B, each with its own library, device and mirror, syncing through
/// a bare git repository with the real git CLI.
@Suite(.serialized) struct TwoHomesSyncTests {
  static let deviceA = "0190aaaa-0000-7000-8000-00000000000a"
  static let deviceB = "0190bbbb-0000-7000-8000-00000000000b"

  let world: SyncWorld
  let a: SyncHome
  let b: SyncHome

  init() throws {
    world = try SyncWorld()
    a = try SyncHome(world.root, "a", device: Self.deviceA)
    b = try SyncHome(world.root, "b", device: Self.deviceB)
  }

  /// Both set up against the remote; A first.
  func initBoth() throws {
    #expect(try a.engine.initialize(remote: world.remote).offline == nil)
    #expect(try b.engine.initialize(remote: world.remote).offline == nil)
  }

  /// A, B, A: everything either had reaches both.
  func syncRound() throws {
    for home in [a, b, a] {
      let report = try home.engine.sync()
      #expect(report.offline == nil)
      #expect(report.pushed)
    }
  }

  @Test func disjointAdditionsOnBothSidesReachBoth() throws {
    defer { world.remove() }
    try initBoth()
    let onA = try a.add("Articolo di A", ["Testo scritto su A, con una frase."])
    try a.library.tag(id: onA, ["esteri"])
    try a.library.annotations.annotate(try a.article(onA), quote: "frase", note: "nota di A")
    let onB = try b.add(
      "Articolo di B", ["Testo scritto su B, con parole."], source: "https://b.example/x")
    try b.library.annotations.bookmark(try b.article(onB), offset: 5, name: "segno di B")
    try syncRound()
    for home in [a, b] {
      #expect(try home.titles() == ["Articolo di A", "Articolo di B"])
      #expect(try home.library.annotations.annotations().count == 2)
      #expect(try home.library.allTags() == ["esteri"])
      // Text and search travel too: the FTS index is rebuilt on arrival.
      #expect(try home.library.count(ArticleQuery(search: "parole")) == 1)
    }
  }

  @Test func theSameAnnotationEditedOnBothKeepsTheNewerEditAndNoConflictMarkers() throws {
    defer { world.remove() }
    try initBoth()
    let id = try a.add("Comune", ["Un testo che entrambi annotano."])
    let note = try a.library.annotations.annotate(try a.article(id), quote: "testo", note: "prima")
    try syncRound()
    let base = Date()
    try a.library.annotations.editNote(
      note.uuid, note: "modifica di A", now: base.addingTimeInterval(1))
    try b.library.annotations.editNote(
      note.uuid, note: "modifica di B", now: base.addingTimeInterval(2))
    try syncRound()
    #expect(try a.notes() == ["modifica di B"])
    #expect(try b.notes() == ["modifica di B"])
    for home in [a, b] {
      for (path, text) in mirrorFiles(home.engine.mirror.root) {
        #expect(!text.contains("<<<<<<<"), "\(path)")
      }
    }
  }

  @Test func anEditAfterADeletionElsewhereBringsTheNoteBack() throws {
    defer { world.remove() }
    try initBoth()
    let id = try a.add("Comune", ["Un testo da annotare e poi cancellare."])
    let note = try a.library.annotations.annotate(try a.article(id), quote: "testo", note: "prima")
    let other = try a.library.annotations.annotate(
      try a.article(id), quote: "cancellare", note: "via")
    try syncRound()
    let base = Date()
    // A deletes the first note, then B edits it; B deletes the second, A edited it before.
    try a.library.annotations.delete(note.uuid, now: base.addingTimeInterval(1))
    try b.library.annotations.editNote(
      note.uuid, note: "ripensata", now: base.addingTimeInterval(2))
    try a.library.annotations.editNote(other.uuid, note: "ancora", now: base.addingTimeInterval(1))
    try b.library.annotations.delete(other.uuid, now: base.addingTimeInterval(2))
    try syncRound()
    for home in [a, b] {
      #expect(try home.notes() == ["ripensata"])
      // The deleted one is a tombstone, not gone: it can be brought back.
      #expect(try home.library.annotations.annotation(uuid: other.uuid)?.isDeleted == true)
    }
  }

  @Test func theSameArticleAddedOfflineOnBothBecomesOneWithBothNotes() throws {
    defer { world.remove() }
    try initBoth()
    let text = ["Lo stesso articolo, salvato su due macchine da due percorsi diversi."]
    let onA = try a.add("Stesso", text, source: "/home/anna/stesso.txt")
    let onB = try b.add("Stesso", text, source: "/Users/bruno/Desktop/copia.txt")
    try a.library.annotations.annotate(try a.article(onA), quote: "articolo", note: "da A")
    try b.library.annotations.annotate(try b.article(onB), quote: "macchine", note: "da B")
    try syncRound()
    for home in [a, b] {
      #expect(try home.titles() == ["Stesso"])
      #expect(try home.notes() == ["da A", "da B"])
    }
  }

  @Test func positionsReadOnBothAreKeptPerDeviceAndTheOtherIsOffered() throws {
    defer { world.remove() }
    try initBoth()
    let id = try a.add("Lungo", [String(repeating: "Una frase lunga da leggere. ", count: 200)])
    try syncRound()
    let onB = try #require(try b.library.summaries(ArticleQuery(), offset: 0, limit: 1).first?.id)
    try a.library.saveReadingPosition(articleID: id, offset: 100, progress: 0.02)
    Thread.sleep(forTimeInterval: 0.01)
    try b.library.saveReadingPosition(articleID: onB, offset: 4000, progress: 0.7)
    try syncRound()
    // A's own place has not moved; B's is offered.
    #expect(try a.library.article(id: id)?.readingOffset == 100)
    let elsewhere = try #require(try a.library.readingElsewhere(articleID: id))
    #expect(elsewhere.device == Self.deviceB)
    #expect(elsewhere.offset == 4000)
    #expect(try b.library.article(id: onB)?.readingOffset == 4000)
    #expect(try b.library.readingElsewhere(articleID: onB) == nil)
  }

  @Test func subscriptionsAndTagRemovalsTravel() throws {
    defer { world.remove() }
    try initBoth()
    try a.library.feedStore.add(url: "https://feeds.example.org/rss.xml", tags: ["notizie"])
    let id = try a.add("Etichettato", ["Un testo con due etichette."])
    try a.library.tag(id: id, ["uno", "due"])
    try syncRound()
    #expect(try b.library.feedStore.feeds().map(\.url) == ["https://feeds.example.org/rss.xml"])
    #expect(try b.library.allTags() == ["due", "uno"])
    let onB = try #require(try b.library.summaries(ArticleQuery(), offset: 0, limit: 1).first?.id)
    try b.library.untag(id: onB, ["uno"])
    try syncRound()
    #expect(try a.library.allTags() == ["due"])
  }

  @Test func anArticleRemovedOnOneSideGoesToTheBinOnTheOther() throws {
    defer { world.remove() }
    try initBoth()
    let id = try a.add("Da togliere", ["Un testo che finirà nel cestino."])
    try syncRound()
    try a.library.remove(ids: [id])
    try syncRound()
    #expect(try b.titles() == [])
    #expect(try b.library.count(ArticleQuery(search: "cestino")) == 0)
  }

  @Test func anUnreachableRemoteIsOneLineAndTheNextSyncCatchesUp() throws {
    defer { world.remove() }
    try initBoth()
    let moved = world.root.appendingPathComponent("elsewhere.git")
    try FileManager.default.moveItem(atPath: world.remote, toPath: moved.path)
    try a.add("Offline", ["Scritto senza rete."])
    let report = try a.engine.sync()
    let offline = try #require(report.offline)
    #expect(offline.errorDescription?.contains("\n") == false)
    #expect(try a.titles() == ["Offline"])
    #expect(try a.engine.status().unpushedCommits > 0)
    try FileManager.default.moveItem(atPath: moved.path, toPath: world.remote)
    try syncRound()
    #expect(try b.titles() == ["Offline"])
  }

  @Test func twoSyncsAtOnceTakeTurnsAndLoseNothing() throws {
    defer { world.remove() }
    try initBoth()
    let second = try a.secondProcess()
    for index in 0..<20 { try a.add("Articolo \(index)", ["Testo numero \(index) di venti."]) }
    let engines = [a.engine, second]
    nonisolated(unsafe) var failures: [String] = []
    let lock = NSLock()
    DispatchQueue.concurrentPerform(iterations: 2) { index in
      do {
        _ = try engines[index].sync()
      } catch {
        lock.withLock { failures.append("\(error)") }
      }
    }
    #expect(failures.isEmpty)
    try b.engine.sync()
    #expect(try b.titles().count == 20)
  }

  @Test func aThousandArticlesAndFiveThousandAnnotationsRoundTripCounted() throws {
    defer { world.remove() }
    try initBoth()
    let words = ["alfa", "beta", "gamma", "delta", "epsilon"]
    for index in 0..<1_000 {
      let id = try a.add(
        "Articolo \(index)",
        ["Numero \(index): " + words.joined(separator: " ") + ".", "Fine \(index)."],
        source: index.isMultiple(of: 2) ? "https://example.org/\(index)" : nil)
      let article = try a.article(id)
      for (n, word) in words.enumerated() {
        try a.library.annotations.annotate(article, quote: word, note: "\(index)-\(n)")
      }
    }
    #expect(try a.engine.sync().pushed)
    let report = try b.engine.sync()
    #expect(report.skipped.isEmpty)
    // Every record, counted and compared.
    #expect(try b.titles() == a.titles())
    #expect(try b.titles().count == 1_000)
    let notesA = try a.notes()
    let notesB = try b.notes()
    #expect(notesB.count == 5_000)
    #expect(notesB == notesA)
    let uuidsA = Set(try a.library.annotations.annotations().map(\.uuid))
    #expect(Set(try b.library.annotations.annotations().map(\.uuid)) == uuidsA)
    // And back again: nothing duplicated.
    try syncRound()
    #expect(try a.titles().count == 1_000)
    #expect(try a.notes().count == 5_000)
  }
}

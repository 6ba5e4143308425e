import Foundation
import Testing

@testable import LeggioStore
@testable import LeggioSync

/// A mirror with no remote, as a Syncthing folder: records are read from the files, and
/// Syncthing's conflict copies are folded on import.
@Suite struct SyncthingFolderTests {
  @Test func aConflictCopyIsFoldedAndTheNewerNoteWins() throws {
    let world = try SyncWorld()
    defer { world.remove() }
    let shared = world.root.appendingPathComponent("Sync/leggio")
    let a = try SyncHome(
      world.root, "a", device: "0190aaaa-0000-7000-8000-00000000000a", mirror: shared)
    let id = try a.add("Condiviso", ["Un testo portato da Syncthing."])
    let note = try a.library.annotations.annotate(try a.article(id), quote: "testo", note: "mia")
    _ = try a.engine.initialize(remote: nil)
    // Syncthing found two versions of the note's file and kept the other as a copy.
    let path = MirrorLayout.annotation(uuid: note.uuid)
    let file = shared.appendingPathComponent(path)
    var record = try JSONDecoder().decode(SyncAnnotation.self, from: Data(contentsOf: file))
    record.note = "dall'altra macchina"
    record.updatedAt += 60_000
    record.device = "0190bbbb-0000-7000-8000-00000000000b"
    let copy = file.deletingPathExtension().path + ".sync-conflict-20260101-120000-ABCDEFG.json"
    try CanonicalJSON.encode(record).write(to: URL(fileURLWithPath: copy))
    // A second machine reads the same folder.
    let b = try SyncHome(world.root, "b", device: record.device, mirror: shared)
    let report = try a.engine.sync()
    #expect(report.folded == 1)
    #expect(!FileManager.default.fileExists(atPath: copy))
    #expect(try a.notes() == ["dall'altra macchina"])
    _ = try b.engine.sync()
    #expect(try b.titles() == ["Condiviso"])
    #expect(try b.notes() == ["dall'altra macchina"])
  }
}

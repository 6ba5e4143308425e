import Foundation
import LeggioStore
import LeggioSync
import LeggioTestSupport

/// One machine in a sync test: its own library, device id and mirror, under one
/// temporary directory shared with the remote.
final class SyncHome {
  let directory: URL
  let library: Library
  let engine: SyncEngine
  var device: String { library.deviceID }

  /// The package root, found from this file; the merge driver is the built binary.
  static let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  static let binary = packageRoot.appendingPathComponent(".build/debug/leggio").path
  static let mergeDriver = "'\(binary)' sync merge-driver %O %A %B"

  init(_ root: URL, _ name: String, device: String, mirror: URL? = nil) throws {
    directory = root.appendingPathComponent(name)
    library = try Library(
      path: directory.appendingPathComponent("data/library.sqlite").path, deviceID: device)
    engine = SyncEngine(
      library: library,
      mirror: mirror ?? directory.appendingPathComponent("data/library-sync"),
      mergeDriver: Self.mergeDriver, deviceName: "machine-" + name)
  }

  /// Another `Library` and engine on the same files: a second process of this machine.
  func secondProcess() throws -> SyncEngine {
    SyncEngine(
      library: try Library(path: library.path!, deviceID: device), mirror: engine.mirror.root,
      mergeDriver: Self.mergeDriver)
  }

  @discardableResult
  func add(_ title: String, _ paragraphs: [String], source: String? = nil) throws -> Int64 {
    try library.add(imported(title, paragraphs, source: source)).id
  }

  func article(_ id: Int64) throws -> AnnotationArticle {
    let uuid = try library.summary(id: id)!.uuid
    return try library.annotationArticle(uuid: uuid)!
  }

  /// The live articles' titles, sorted.
  func titles() throws -> [String] {
    try library.summaries(ArticleQuery(), offset: 0, limit: 100_000).map(\.title).sorted()
  }

  /// The live annotations' notes, sorted.
  func notes() throws -> [String] {
    try library.annotations.annotations().map(\.note).sorted()
  }
}

/// A bare repository as the remote, and the directory the homes live in.
struct SyncWorld {
  let root: URL
  var remote: String { root.appendingPathComponent("remote.git").path }

  init() throws {
    root = try temporaryDirectory()
  }

  func remove() { try? FileManager.default.removeItem(at: root) }

  /// Runs git in `directory`, returning stdout.
  @discardableResult
  func git(_ arguments: [String], in directory: URL) throws -> String {
    let output = try Git(directory: directory, device: "test").run(arguments)
    return output.stdout
  }
}

/// Every file of a mirror, for looking for conflict markers.
func mirrorFiles(_ root: URL) -> [String: String] {
  var files: [String: String] = [:]
  guard let walker = FileManager.default.enumerator(atPath: root.path) else { return files }
  while let path = walker.nextObject() as? String {
    if path.hasPrefix(".git") { continue }
    if let text = try? String(contentsOf: root.appendingPathComponent(path), encoding: .utf8) {
      files[path] = text
    }
  }
  return files
}

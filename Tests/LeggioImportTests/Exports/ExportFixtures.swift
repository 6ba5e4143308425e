import Foundation
import LeggioImport

/// The export samples of `../shared/corpus/exports/`.
enum ExportFixtures {
  static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("../shared/corpus/exports")
    .standardized

  static func path(_ name: String) -> String { root.appendingPathComponent(name).path }

  static func read(_ name: String, as format: ExportFormat? = nil) throws -> ExportContents {
    try ExportReader.read(path: path(name), format: format)
  }

  /// A fresh directory for files a test writes.
  static func scratch() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "leggio-exports-" + UUID().uuidString)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }
}

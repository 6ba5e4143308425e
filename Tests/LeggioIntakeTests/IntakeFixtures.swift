import Foundation
import LeggioImport
import LeggioIntake
import LeggioStore

/// The export samples of `../shared/corpus/exports/`, imported into fresh libraries.
enum IntakeFixtures {
  static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("../shared/corpus/exports").standardized

  static func path(_ name: String) -> String { root.appendingPathComponent(name).path }

  /// Imports the sample `name` into `library` and returns the summary.
  @discardableResult
  static func importSample(_ name: String, into library: Library, as format: ExportFormat? = nil)
    throws -> ImportSummary
  {
    try ExportImport(library: library).run(path: path(name), format: format)
  }

  /// Imports an export written from `text` into `library`.
  @discardableResult
  static func importText(
    _ text: String, name: String, into library: Library, as format: ExportFormat? = nil
  ) throws -> ImportSummary {
    let contents = try ExportReader.read(
      [ExportFile(name: name, data: Data(text.utf8))], path: name, format: format)
    return ExportImport(library: library).importContents(contents)
  }

  static func scratch() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "leggio-intake-" + UUID().uuidString)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }
}

/// The counts of a summary, compared in one line.
struct Counts: Equatable, CustomStringConvertible {
  var added = 0
  var merged = 0
  var already = 0
  var pending = 0
  var failed = 0

  init(added: Int = 0, merged: Int = 0, already: Int = 0, pending: Int = 0, failed: Int = 0) {
    self.added = added
    self.merged = merged
    self.already = already
    self.pending = pending
    self.failed = failed
  }

  init(_ summary: ImportSummary) {
    self.init(
      added: summary.added, merged: summary.merged, already: summary.alreadyThere,
      pending: summary.pending, failed: summary.failures.count)
  }

  var description: String {
    "added \(added), merged \(merged), already \(already), pending \(pending), failed \(failed)"
  }
}

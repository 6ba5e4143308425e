import Foundation

@testable import LeggioModel
@testable import LeggioImport
import LeggioTestSupport

/// Where the shared samples and corpus live, found from this file's path: the package
/// root is three folders up, and `shared/` sits beside it.
enum ImportFixtures {
  static let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()  // Import
    .deletingLastPathComponent()  // LeggioImportTests
    .deletingLastPathComponent()  // Tests
    .deletingLastPathComponent()

  static let shared = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")

  static func url(_ relativePath: String) -> URL {
    shared.appendingPathComponent(relativePath)
  }

  /// The time zone the tests read datelines in.
  static let zurich = TimeZone(identifier: "Europe/Zurich")!

  static func options(maximumSize: Int = ImportOptions.defaultMaximumSize) -> ImportOptions {
    ImportOptions(maximumSize: maximumSize, timeZone: zurich)
  }

  /// Imports text as a `.txt` file would be.
  static func importPlainText(_ text: String, name: String = "article.txt") throws
    -> ImportedArticle
  {
    try ArticleImporter.importData(Data(text.utf8), name: name, options: options())
  }

  /// The calendar fields of `date` in Zurich: [year, month, day, hour, minute].
  static func fields(_ date: Date?) -> [Int]? {
    guard let date else { return nil }
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = zurich
    let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
    return [parts.year!, parts.month!, parts.day!, parts.hour!, parts.minute!]
  }

  /// A temporary directory removed when the closure returns.
  static func withTemporaryDirectory<T>(_ body: (URL) throws -> T) throws -> T {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("leggio-import-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    return try body(directory)
  }
}

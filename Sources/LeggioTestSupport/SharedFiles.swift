import Foundation

/// Where the package and the shared samples and corpus are, found from this file's path:
/// `Sources/LeggioTestSupport/` is two folders below the package root, and `shared/` sits
/// beside the package (as it does for developers and CI).
public enum SharedFiles {
  public static let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()  // LeggioTestSupport
    .deletingLastPathComponent()  // Sources
    .deletingLastPathComponent()

  public static let shared = packageRoot.deletingLastPathComponent()
    .appendingPathComponent("shared")

  /// A file under `shared/`, e.g. `corpus/feeds/newsboat/rss20_1.xml`.
  public static func url(_ relativePath: String) -> URL {
    shared.appendingPathComponent(relativePath)
  }
}

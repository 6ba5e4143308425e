import Foundation

/// What one feed's update did, for the summary printed after `leggio feeds update`.
public struct FeedUpdateSummary: Codable, Hashable, Sendable {
  public var feedID: Int64
  public var url: String
  public var title: String?
  /// Items seen for the first time and stored as articles.
  public var newItems: Int
  /// The server answered 304: nothing changed since the last update.
  public var notModified: Bool
  /// Why the update failed; the feed's earlier items are untouched.
  public var error: String?
  /// Problems that did not stop the update (a malformed feed, a page not extracted).
  public var warnings: [String]

  public init(
    feedID: Int64, url: String, title: String?, newItems: Int = 0, notModified: Bool = false,
    error: String? = nil, warnings: [String] = []
  ) {
    self.feedID = feedID
    self.url = url
    self.title = title
    self.newItems = newItems
    self.notModified = notModified
    self.error = error
    self.warnings = warnings
  }
}

/// How far an update has gone, for a progress bar or the status line.
public struct FeedUpdateProgress: Hashable, Sendable {
  public var completed: Int
  public var total: Int
  /// The feed that just finished.
  public var latest: FeedUpdateSummary

  public var fraction: Double { total == 0 ? 1 : Double(completed) / Double(total) }

  public init(completed: Int, total: Int, latest: FeedUpdateSummary) {
    self.completed = completed
    self.total = total
    self.latest = latest
  }
}

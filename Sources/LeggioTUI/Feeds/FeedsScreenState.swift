import LeggioStore
import LeggioFeeds

/// The feeds screen: the subscriptions with their unread counts and last errors, the
/// selected row, and the progress of an update running in the background.
public struct FeedsScreenState: Hashable, Sendable {
  /// What a key asks of the application around the screen.
  public enum Intent: Hashable, Sendable {
    /// Show the library list filtered to this feed's items.
    case showItems(ArticleQuery)
    /// Start updating these feeds (all when nil) in the background.
    case update(feedIDs: [Int64]?)
    /// Leave the feeds screen for the library.
    case close
  }

  public private(set) var feeds: [FeedListing] = []
  public private(set) var selected = 0
  public private(set) var top = 0
  public private(set) var isLoaded = false
  /// The running update's progress; nil when none runs.
  public private(set) var progress: FeedUpdateProgress?
  public private(set) var isUpdating = false
  /// What the last update did, for the status line.
  public private(set) var lastReport: String?

  public init() {}

  public var selectedFeed: FeedListing? { feeds.indices.contains(selected) ? feeds[selected] : nil }

  /// Takes a fresh listing, keeping the same feed selected when it is still there.
  public mutating func loaded(_ listing: [FeedListing], visibleRows: Int) {
    let keep = selectedFeed?.id
    feeds = listing
    isLoaded = true
    let index = keep.flatMap { id in listing.firstIndex { $0.id == id } } ?? selected
    select(index, visibleRows: visibleRows)
  }

  /// Reacts to a key as the feeds screen's keymap says (`u` updates every feed).
  public mutating func handle(_ key: Key, keymap: Keymap, visibleRows: Int, base: ArticleQuery)
    -> Intent?
  {
    switch keymap.action(for: key, on: .feeds) {
    case .updateFeeds: return isUpdating ? nil : .update(feedIDs: nil)
    case .down: select(selected + 1, visibleRows: visibleRows)
    case .up: select(selected - 1, visibleRows: visibleRows)
    case .pageDown: select(selected + visibleRows, visibleRows: visibleRows)
    case .pageUp: select(selected - visibleRows, visibleRows: visibleRows)
    case .top: select(0, visibleRows: visibleRows)
    case .bottom: select(feeds.count - 1, visibleRows: visibleRows)
    case .open:
      guard let feed = selectedFeed else { return nil }
      var query = base
      query.feedID = feed.id
      query.search = nil
      query.tag = nil
      return .showItems(query)
    case .back: return .close
    default: break
    }
    return nil
  }

  public mutating func updateStarted() {
    isUpdating = true
    progress = nil
    lastReport = nil
  }

  public mutating func updateProgressed(_ progress: FeedUpdateProgress) {
    self.progress = progress
  }

  /// Records the update's outcome; the caller reloads the listing.
  public mutating func updateFinished(_ summaries: [FeedUpdateSummary]) {
    isUpdating = false
    progress = nil
    let new = summaries.reduce(0) { $0 + $1.newItems }
    let failed = summaries.filter { $0.error != nil }.count
    lastReport =
      "\(new) new item\(new == 1 ? "" : "s") from \(summaries.count) feed\(summaries.count == 1 ? "" : "s")"
      + (failed > 0 ? ", \(failed) failed" : "")
  }

  public mutating func updateFailed(_ message: String) {
    isUpdating = false
    progress = nil
    lastReport = message
  }

  /// The status line while updating: "Updating 3/10 · Il Post: 4 new".
  public var progressLine: String? {
    guard isUpdating else { return nil }
    guard let progress else { return "Updating feeds…" }
    let latest = progress.latest
    let name = latest.title ?? latest.url
    let outcome = latest.error != nil ? "failed" : "\(latest.newItems) new"
    return "Updating \(progress.completed)/\(progress.total) · \(name): \(outcome)"
  }

  private mutating func select(_ index: Int, visibleRows: Int) {
    selected = max(0, min(index, feeds.count - 1))
    let rows = max(1, visibleRows)
    if selected < top { top = selected }
    if selected >= top + rows { top = selected - rows + 1 }
    top = max(0, min(top, max(0, feeds.count - rows)))
  }
}

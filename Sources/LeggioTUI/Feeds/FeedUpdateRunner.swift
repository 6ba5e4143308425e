import LeggioModel
import LeggioStore
import LeggioFeeds

/// Runs a feeds update off the interface's thread and reports as it goes, so the screen
/// stays responsive: the terminal loop hands each report to `FeedsScreenState` and
/// redraws (progress in the status line), then reloads the listing when it finishes.
public final class FeedUpdateRunner: Sendable {
  public enum Report: Hashable, Sendable {
    case progress(FeedUpdateProgress)
    case finished([FeedUpdateSummary])
    case failed(String)
  }

  private let updater: FeedUpdater
  /// Fetches new items' pictures; the update is finished once they are in.
  private let pictures: FeedPictureFetcher?
  /// Indexed for search once the update is done (`Library.catchUpSearchIndex`), so that
  /// a filter typed next does not wait for it.
  private let library: Library?

  public init(updater: FeedUpdater, pictures: FeedPictureFetcher? = nil, library: Library? = nil) {
    self.updater = updater
    self.pictures = pictures
    self.library = library
  }

  /// Updates `library`'s feeds, keeping new items' pictures when `pictures` is true.
  public convenience init(library: Library, pictures: Bool) {
    let fetcher = pictures ? FeedPictureFetcher(library: library) : nil
    self.init(
      updater: FeedUpdater(
        store: library.feedStore, batchSink: library.feedArticleSink(pictures: fetcher)),
      pictures: fetcher, library: library)
  }

  /// Starts updating `feedIDs` (all when nil); `deliver` is called from another thread,
  /// once per finished feed and once at the end. Cancel the task to stop waiting.
  @discardableResult
  public func start(feedIDs: [Int64]? = nil, deliver: @escaping @Sendable (Report) -> Void)
    -> Task<Void, Never>
  {
    let (updater, pictures, library) = (self.updater, self.pictures, self.library)
    return Task.detached {
      do {
        var summaries = try await updater.update(feedIDs: feedIDs) { deliver(.progress($0)) }
        _ = await pictures?.finish(into: &summaries)
        try? library?.catchUpSearchIndex()
        deliver(.finished(summaries))
      } catch {
        deliver(.failed(TerminalSafety.line(Library.describe(error) ?? error.localizedDescription)))
      }
    }
  }
}

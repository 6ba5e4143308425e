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

  public init(updater: FeedUpdater) {
    self.updater = updater
  }

  /// Starts updating `feedIDs` (all when nil); `deliver` is called from another thread,
  /// once per finished feed and once at the end. Cancel the task to stop waiting.
  @discardableResult
  public func start(feedIDs: [Int64]? = nil, deliver: @escaping @Sendable (Report) -> Void)
    -> Task<Void, Never>
  {
    let updater = self.updater
    return Task.detached {
      do {
        let summaries = try await updater.update(feedIDs: feedIDs) { deliver(.progress($0)) }
        deliver(.finished(summaries))
      } catch {
        deliver(.failed(TerminalSafety.line(Library.describe(error) ?? error.localizedDescription)))
      }
    }
  }
}

import Foundation
import LeggioIntake
import LeggioModel
import LeggioStore

/// Fetches the pages of pending articles off the interface's thread, as `leggio fetch`
/// does (the same queue, per-host limit and kept failures), and reports as each page
/// ends: the terminal loop hands the reports to `update`, which shows the progress in
/// the status line and refreshes the list. Also saves a link of the reader: added at
/// once as a pending article, then fetched like the others.
public final class PendingFetchRunner: Sendable {
  public enum Report: Hashable, Sendable {
    /// One page ended, `done` of `total`: stored under `title`, or failed with `error`.
    case progress(done: Int, total: Int, failed: Int, title: String, error: String?)
    case finished(fetched: Int, failed: Int)
    /// A linked page was fetched and stored under `title`.
    case linkSaved(title: String)
    /// A linked page is in the library as a pending article: its fetch failed.
    case linkPending(url: String, reason: String)
    /// The linked page was in the library already (`title`).
    case linkAlreadyThere(title: String)
    case failed(String)
  }

  public let fetcher: PendingFetcher

  public init(fetcher: PendingFetcher) {
    self.fetcher = fetcher
  }

  public convenience init(library: Library) {
    self.init(fetcher: PendingFetcher(library: library))
  }

  /// Fetches every pending article, those that failed before too; `deliver` is called
  /// from another thread, once per page and once at the end.
  @discardableResult
  public func fetchQueue(deliver: @escaping @Sendable (Report) -> Void) -> Task<Void, Never> {
    let fetcher = self.fetcher
    return Task.detached {
      let items: [PendingFetch]
      do {
        items = try fetcher.library.pendingFetches(retryingFailed: true)
      } catch {
        deliver(.failed(TerminalSafety.line(Library.describe(error) ?? error.localizedDescription)))
        return
      }
      let tally = Tally()
      let results = await fetcher.fetch(items) { result in
        let (done, failed) = tally.count(failed: result.error != nil)
        deliver(
          .progress(
            done: done, total: items.count, failed: failed,
            title: TerminalSafety.line(result.title ?? result.pending.title),
            error: result.error.map { TerminalSafety.line($0) }))
      }
      let failed = results.filter { $0.error != nil }.count
      deliver(.finished(fetched: results.count - failed, failed: failed))
    }
  }

  /// Adds the page at `url` to the library as a pending article named `title`, then
  /// fetches it; `deliver` is called once, from another thread, with how it ended.
  @discardableResult
  public func saveLink(
    _ url: String, title: String, deliver: @escaping @Sendable (Report) -> Void
  ) -> Task<Void, Never> {
    let fetcher = self.fetcher
    return Task.detached {
      let library = fetcher.library
      let shownTitle = TerminalSafety.line(title).trimmingCharacters(in: .whitespaces)
      let entry = ImportEntry(
        entry: "link", url: url, title: shownTitle.isEmpty ? nil : shownTitle)
      do {
        let outcome = try library.importEntries([entry])[0].get()
        guard let pending = try library.pendingFetches(ids: [outcome.id]).first else {
          let stored = try library.article(id: outcome.id)?.summary.title ?? url
          deliver(.linkAlreadyThere(title: TerminalSafety.line(stored)))
          return
        }
        let result = await fetcher.fetch([pending]).first
        if let error = result?.error {
          deliver(.linkPending(url: TerminalSafety.line(url), reason: TerminalSafety.line(error)))
        } else {
          deliver(.linkSaved(title: TerminalSafety.line(result?.title ?? pending.title)))
        }
      } catch {
        let reason = (error as? LocalizedError)?.errorDescription ?? "\(error)"
        deliver(.failed(TerminalSafety.line(reason)))
      }
    }
  }
}

/// Pages done and failed so far, counted from the fetch's tasks.
private final class Tally: @unchecked Sendable {
  private let lock = NSLock()
  private var done = 0
  private var failed = 0

  func count(failed isFailure: Bool) -> (done: Int, failed: Int) {
    lock.lock()
    defer { lock.unlock() }
    done += 1
    if isFailure { failed += 1 }
    return (done, failed)
  }
}

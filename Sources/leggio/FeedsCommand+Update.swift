import ArgumentParser
import Foundation
import LeggioFeeds

extension FeedsCommand {
  struct Update: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "update",
      abstract: "Fetch feeds and store their new items as articles.",
      discussion: """
        Feeds are fetched concurrently (a few at a time per host) with conditional
        requests. A feed that fails keeps its items and records the error (see `leggio
        feeds list`); the others still update. Exits 1 only when every feed failed.
        """)
    @OptionGroup var options: LibraryOptions
    @Argument(help: "The feeds to update (all when none is given).") var ids: [Int64] = []

    func run() throws {
      HeapTuning.growInLargeSteps()
      try reportingErrors {
        let context = try FeedsCommand.open(options)
        let updater = FeedUpdater(
          store: context.store, batchSink: context.sink, extractor: context.extractor)
        let feeds = try context.store.feeds(ids: ids.isEmpty ? nil : ids)
        guard !feeds.isEmpty else {
          return Console.out("No feeds yet: `leggio feeds add URL` subscribes to one.")
        }
        let bar = SharedProgressBar(total: feeds.count)
        let ids = feeds.compactMap(\.id)
        let summaries = try runBlocking {
          try await updater.update(feedIDs: ids) { _ in bar.advance() }
        }
        bar.clear()
        var failures = 0
        for summary in summaries {
          let name = (summary.title ?? summary.url).terminalSafe()
          if let error = summary.error {
            failures += 1
            Console.out("✗ \(name): \(error.terminalSafe())")
          } else if summary.notModified {
            Console.out("= \(name): not modified")
          } else {
            Console.out("✓ \(name): \(summary.newItems) new")
          }
          for warning in summary.warnings { Console.out("    warning: \(warning.terminalSafe())") }
        }
        let total = summaries.reduce(0) { $0 + $1.newItems }
        Console.out(
          "\(total) new item\(total == 1 ? "" : "s") from \(summaries.count) feed"
            + "\(summaries.count == 1 ? "" : "s")\(failures > 0 ? ", \(failures) failed" : "").")
        if failures > 0 && failures == summaries.count { throw ExitCode.failure }
      }
    }
  }
}

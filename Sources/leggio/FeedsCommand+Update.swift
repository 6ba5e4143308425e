import ArgumentParser
import Foundation
import LeggioFeeds
import LeggioModel
import LeggioTUI

extension FeedsCommand {
  struct Update: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "update",
      abstract: "Fetch feeds and store their new items as articles.",
      discussion: """
        Feeds are fetched concurrently (a few at a time per host) with conditional
        requests. A feed that fails keeps its items and records the error (see `leggio
        feeds list`); the others still update. Exits 1 only when every feed failed.
        New items keep their pictures as `leggio add` keeps a page's, fetched while the
        update goes on (--no-images, or `[feeds] images = false`: none).
        """)
    @OptionGroup var options: LibraryOptions
    @Argument(help: "The feeds to update (all when none is given).") var ids: [Int64] = []
    @Flag(name: .customLong("no-images"), help: "Keep none of the new items' pictures.")
    var noImages = false

    func run() throws {
      FeedUpdateHeap.prepare()
      PhaseTrace.mark("update: start")
      defer { PhaseTrace.mark("update: end") }
      try reportingErrors {
        let context = try FeedsCommand.open(options)
        let pictures = try keepsPictures() ? FeedPictureFetcher(library: context.library) : nil
        let updater = FeedUpdater(
          store: context.store, batchSink: context.library.feedArticleSink(pictures: pictures),
          extractor: context.extractor)
        let feeds = try context.store.feeds(ids: ids.isEmpty ? nil : ids)
        guard !feeds.isEmpty else {
          return Console.out("No feeds yet: `leggio feeds add URL` subscribes to one.")
        }
        let bar = SharedProgressBar(total: feeds.count)
        let ids = feeds.compactMap(\.id)
        let summaries = try runBlocking {
          var summaries = try await updater.update(feedIDs: ids) { progress in
            bar.advance()
            FeedUpdateHeap.giveBackFreedPages(afterFeedOf: progress.latest.newItems)
          }
          _ = await pictures?.finish(into: &summaries)
          return summaries
        }
        bar.clear()
        PhaseTrace.mark("update: feeds done")
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

    /// Whether new items keep their pictures: not with `--no-images` nor with
    /// `[feeds] images = false` in the configuration (whose problems are named).
    func keepsPictures() throws -> Bool {
      guard !noImages else { return false }
      let (configuration, problems) = Configuration.load(
        environment: ProcessInfo.processInfo.environment)
      for problem in problems { Console.error(problem.errorDescription ?? "\(problem)") }
      return configuration.feedPictures
    }
  }
}

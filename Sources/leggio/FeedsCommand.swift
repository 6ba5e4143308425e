import ArgumentParser
import Foundation
import GRDB
import LeggioCore

/// `leggio feeds add|list|remove|update|import|export`. All logic lives in LeggioCore
/// (`FeedStore`, `FeedUpdater`, `OPML`); these commands parse arguments and print.
///
/// INTEGRATION: register `FeedsCommand.self` in `Leggio`'s subcommands and replace
/// `FeedsCommand.openLibrary(path:)` with the library's database, article sink (one
/// library transaction per batch), unread counter and web-page extractor.
struct FeedsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "feeds",
    abstract: "Subscribe to RSS, Atom and JSON feeds and update them into the library.",
    subcommands: [Add.self, List.self, Remove.self, Update.self, Import.self, Export.self])

  /// What the feeds commands need from the library.
  struct Library {
    var database: any DatabaseWriter
    var sink: ArticleBatchSink
    var unread: FeedStore.UnreadCounter?
    var extractor: PageExtractor?
    var store: FeedStore { FeedStore(database: database) }
  }

  /// The integrator's seam: opens the library at `path` (nil for the default location).
  static func openLibrary(path: String?) throws -> Library {
    throw ValidationError("The feeds commands are not wired to the library yet.")
  }

  struct LibraryOptions: ParsableArguments {
    @Option(
      name: .long,
      help: "The library file (default: $LEGGIO_LIBRARY or ~/.local/share/leggio/library.sqlite).")
    var library: String?
  }

  struct Add: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Subscribe to a feed.")
    @OptionGroup var options: LibraryOptions
    @Argument(help: "The feed's URL.") var url: String
    @Option(name: .long, help: "A tag for the feed (repeat for more).") var tag: [String] = []
    @Flag(name: .long, help: "Fetch each item's web page when the feed gives only a summary.")
    var full = false

    func run() throws {
      let feed = try FeedsCommand.openLibrary(path: options.library).store.add(
        url: url, tags: tag, full: full)
      print(
        "Subscribed to \(feed.url) as feed \(feed.id ?? 0). Run `leggio feeds update \(feed.id ?? 0)` to fetch it."
      )
    }
  }

  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "List the feeds with their unread counts and errors.")
    @OptionGroup var options: LibraryOptions
    @Flag(name: .long, help: "Print JSON: id, url, title, items, unread, lastUpdated, lastError.")
    var json = false

    func run() throws {
      let library = try FeedsCommand.openLibrary(path: options.library)
      let feeds = try library.store.listing(unread: library.unread)
      if json {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        print(String(decoding: try encoder.encode(feeds), as: UTF8.self))
        return
      }
      if feeds.isEmpty { print("No feeds yet: `leggio feeds add URL` subscribes to one.") }
      for feed in feeds {
        let counts = "\(feed.unread.map { "\($0)/" } ?? "")\(feed.items)"
        let state = feed.lastError.map { "  ! \($0)" } ?? ""
        print(
          "\(String(feed.id).leftPad(4))  \(counts.leftPad(9))  \(feed.title ?? feed.url)\(state)")
      }
    }
  }

  struct Remove: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Unsubscribe; the articles stay in the library.")
    @OptionGroup var options: LibraryOptions
    @Argument(help: "The feed's id, as `leggio feeds list` shows it.") var id: Int64

    func run() throws {
      try FeedsCommand.openLibrary(path: options.library).store.remove(id: id)
      print("Removed feed \(id); its articles stay in the library.")
    }
  }

  struct Update: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Fetch feeds and store their new items.")
    @OptionGroup var options: LibraryOptions
    @Argument(help: "The feeds to update (all when none is given).") var ids: [Int64] = []

    func run() throws {
      let library = try FeedsCommand.openLibrary(path: options.library)
      let updater = FeedUpdater(
        store: library.store, batchSink: library.sink, extractor: library.extractor)
      let showBar = isatty(STDERR_FILENO) == 1
      let ids = self.ids.isEmpty ? nil : self.ids
      let summaries = try runBlocking {
        try await updater.update(feedIDs: ids) { progress in
          guard showBar else { return }
          let width = 30
          let filled = Int(progress.fraction * Double(width))
          let bar =
            String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
          FileHandle.standardError.write(
            Data("\r\(bar) \(progress.completed)/\(progress.total)".utf8))
        }
      }
      if showBar { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
      var failures = 0
      for summary in summaries {
        let name = summary.title ?? summary.url
        if let error = summary.error {
          failures += 1
          print("✗ \(name): \(error)")
        } else {
          print("\(summary.notModified ? "=" : "✓") \(name): \(summary.newItems) new")
        }
        for warning in summary.warnings { print("    warning: \(warning)") }
      }
      let total = summaries.reduce(0) { $0 + $1.newItems }
      print(
        "\(total) new items from \(summaries.count) feeds\(failures > 0 ? ", \(failures) failed" : "")."
      )
      if failures > 0 && failures == summaries.count { throw ExitCode.failure }
    }
  }

  struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Subscribe to every feed of an OPML file.")
    @OptionGroup var options: LibraryOptions
    @Argument(help: "The OPML file.") var file: String

    func run() throws {
      let url = URL(fileURLWithPath: file)
      let data: Data
      do { data = try Data(contentsOf: url) } catch {
        throw ValidationError("\(file) cannot be read.")
      }
      let subscriptions = try OPML.parse(data: data, source: file)
      let result = try FeedsCommand.openLibrary(path: options.library).store.importOPML(
        subscriptions)
      print(
        "Subscribed to \(result.added.count) feeds; \(result.skipped.count) already subscribed.")
    }
  }

  struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Print the subscriptions as OPML 2.0.")
    @OptionGroup var options: LibraryOptions

    func run() throws {
      print(try FeedsCommand.openLibrary(path: options.library).store.exportOPML(), terminator: "")
    }
  }
}

extension String {
  fileprivate func leftPad(_ width: Int) -> String {
    count >= width ? self : String(repeating: " ", count: width - count) + self
  }
}

/// Runs async work from a synchronous command.
private func runBlocking<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) throws -> T
{
  let box = FeedsResultBox<T>()
  let semaphore = DispatchSemaphore(value: 0)
  Task {
    do { box.result = .success(try await body()) } catch { box.result = .failure(error) }
    semaphore.signal()
  }
  semaphore.wait()
  return try box.result!.get()
}

/// Carries a result out of a Task; the semaphore orders the write before the read.
private final class FeedsResultBox<T>: @unchecked Sendable {
  var result: Result<T, Error>?
}

import ArgumentParser
import Foundation
import LeggioImport
import LeggioStore
import LeggioFeeds

/// `leggio feeds add|list|remove|update|import|export`. All logic lives in LeggioFeeds and LeggioStore
/// (`FeedStore`, `FeedUpdater`, `OPML`, `Library+Feeds`); these commands parse arguments
/// and print.
struct FeedsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "feeds",
    abstract: "Subscribe to RSS, Atom and JSON feeds and update them into the library.",
    discussion: """
      Each new item becomes an article of the library, linked to its feed: `leggio list`,
      `leggio show` and the reader find it offline. Items are known by guid, else link, so
      an update never stores one twice.
      """,
    subcommands: [Add.self, List.self, Remove.self, Update.self, Import.self, Export.self])

  /// What the feeds commands need from the library.
  struct Context {
    let library: LeggioStore.Library
    var store: FeedStore { library.feedStore }
    var unread: FeedStore.UnreadCounter { library.feedUnreadCounter }
    /// For `--full`: an item's page, extracted as `leggio add URL` would.
    var extractor: PageExtractor {
      { data, url, contentType in
        try WebPageImporter.importHTML(data: data, url: url, contentType: contentType)
      }
    }
  }

  /// Opens the library named by `options` (creating it when needed).
  static func open(_ options: LibraryOptions) throws -> Context {
    Context(library: try options.open())
  }

  struct Add: ParsableCommand {
    // Each command names itself: a name derived from the type (`String(describing:)`)
    // costs runtime conformance scans on every start of `leggio`, whatever the command.
    static let configuration = CommandConfiguration(
      commandName: "add", abstract: "Subscribe to a feed.")
    @OptionGroup var options: LibraryOptions
    @Argument(help: "The feed's URL.") var url: String
    @Option(name: .long, help: "A tag for the feed's articles (repeat for more).")
    var tag: [String] = []
    @Flag(name: .long, help: "Fetch each item's web page when the feed gives only a summary.")
    var full = false

    func run() throws {
      try reportingErrors {
        let feed = try FeedsCommand.open(options).store.add(url: url, tags: tag, full: full)
        let id = feed.id ?? 0
        Console.out(
          "Subscribed to \(feed.url.terminalSafe()) as feed \(id). "
            + "Run `leggio feeds update \(id)` to fetch it.")
      }
    }
  }

  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "list",
      abstract: "List the feeds with their unread counts and errors.")
    @OptionGroup var options: LibraryOptions
    @Flag(name: .long, help: "Print JSON: id, url, title, items, unread, lastUpdated, lastError.")
    var json = false

    func run() throws {
      try reportingErrors {
        let feeds = try FeedsCommand.open(options).library.feedListings()
        if json {
          Console.out(JSONValue.array(feeds.map(FeedsCommand.json)).text)
          return
        }
        guard !feeds.isEmpty else {
          return Console.out("No feeds yet: `leggio feeds add URL` subscribes to one.")
        }
        for line in FeedsCommand.table(feeds, width: Console.width()) { Console.out(line) }
      }
    }
  }

  struct Remove: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "remove",
      abstract: "Unsubscribe; the articles stay in the library.")
    @OptionGroup var options: LibraryOptions
    @Argument(help: "The feeds' ids, as `leggio feeds list` shows them.") var ids: [Int64]

    func run() throws {
      try reportingErrors {
        let store = try FeedsCommand.open(options).store
        for id in ids {
          try store.remove(id: id)
          Console.out("Removed feed \(id); its articles stay in the library.")
        }
      }
    }
  }

  struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "import",
      abstract: "Subscribe to every feed of an OPML file (folders become tags).")
    @OptionGroup var options: LibraryOptions
    @Argument(help: "The OPML file.") var file: String

    func run() throws {
      try reportingErrors {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: file)) } catch {
          let problem =
            FileManager.default.fileExists(atPath: file)
            ? ImportError.unreadable(name: file, reason: error.localizedDescription)
            : ImportError.missing(name: file)
          throw CLIError.invalid(file + ": " + problem.problem)
        }
        let subscriptions = try OPML.parse(data: data, source: file)
        let result = try FeedsCommand.open(options).store.importOPML(subscriptions)
        for feed in result.added {
          Console.out("+ \(String(feed.id ?? 0).leftPad(4))  \(feed.displayTitle.terminalSafe())")
        }
        Console.out(
          "Subscribed to \(result.added.count) feed\(result.added.count == 1 ? "" : "s")"
            + (result.skipped.isEmpty ? "." : "; \(result.skipped.count) already subscribed.")
            + (result.added.isEmpty ? "" : " Run `leggio feeds update` to fetch them."))
      }
    }
  }

  struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "export",
      abstract: "Print the subscriptions as OPML 2.0 (tags become folders).")
    @OptionGroup var options: LibraryOptions

    func run() throws {
      try reportingErrors {
        let opml = try FeedsCommand.open(options).store.exportOPML()
        FileHandle.standardOutput.write(Data(opml.utf8))
      }
    }
  }
}

extension String {
  fileprivate func leftPad(_ width: Int) -> String {
    count >= width ? self : String(repeating: " ", count: width - count) + self
  }
}

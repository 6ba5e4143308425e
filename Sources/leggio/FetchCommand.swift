import ArgumentParser
import Foundation
import LeggioImport
import LeggioIntake
import LeggioStore

/// `leggio fetch [--all] [ID...]`
struct FetchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "fetch",
    abstract: "Fetch the pages of pending articles (those imported with only their address).",
    discussion: """
      Without arguments, fetches every pending article not tried yet; --all retries the
      ones that failed too; IDs fetch exactly those. A few pages are fetched at a time, at
      most --per-host from one site. A failure keeps its reason (`leggio list --pending`)
      and the article stays pending. The queue is in the library: an interrupted fetch
      resumes where it was. Each page's pictures are kept with it, as `leggio add` keeps
      them (--no-images: none). Exits 1 when any page failed.
      """)

  @OptionGroup var options: LibraryOptions

  @Flag(name: .long, help: "Also retry the pending articles whose fetch failed before.")
  var all = false

  @Option(help: "Seconds to wait for a page before giving up on it.")
  var timeout: Double = 20

  @Option(name: .customLong("per-host"), help: "At most this many fetches at once from one host.")
  var perHost = 2

  @Flag(name: .customLong("no-images"), help: "Keep none of the pages' pictures.")
  var noImages = false

  @Argument(help: "Only these pending articles.") var ids: [Int64] = []

  func validate() throws {
    if !(timeout > 0) { throw ValidationError("--timeout must be more than 0 seconds") }
    if perHost < 1 { throw ValidationError("--per-host must be at least 1") }
  }

  func run() throws {
    var failures = 0
    try reportingErrors {
      let library = try options.open()
      let items = try library.pendingFetches(
        ids: ids.isEmpty ? nil : ids, retryingFailed: all)
      if !ids.isEmpty {
        let unknown = Set(ids).subtracting(items.map(\.id))
        for id in unknown.sorted() { Console.error("article \(id) is not waiting for its page") }
        failures += unknown.count
      }
      guard !items.isEmpty else {
        let counts = try library.fetchQueueCounts()
        return Console.out(
          counts.failed > 0
            ? "Nothing new to fetch; \(counts.failed) failed before (`leggio fetch --all` retries them)."
            : "Nothing to fetch.")
      }
      let fetcher = PendingFetcher(
        library: library, fetcher: PageFetcher(timeout: timeout), perHost: perHost,
        pictures: noImages ? nil : ImageCollector(timeout: timeout))
      let bar = SharedProgressBar(total: items.count)
      let results = try runBlocking {
        await fetcher.fetch(items) { result in
          if let title = result.title {
            for warning in result.warnings {
              bar.error(
                CLIError.invalid("\(result.pending.url): warning: \(warning)".terminalSafe()))
            }
            bar.print("fetched \(result.pending.id)  \(title.terminalSafe())")
          } else {
            bar.print(
              "failed \(result.pending.id)  \(result.pending.url.terminalSafe()): "
                + (result.error ?? "").terminalSafe())
          }
          bar.advance()
        }
      }
      bar.clear()
      let failed = results.filter { $0.error != nil }.count
      failures += failed
      Console.out(
        "\(results.count - failed) fetched, \(failed) failed"
          + (failed > 0 ? " (still pending; `leggio fetch --all` tries them again)" : ""))
    }
    if failures > 0 { throw ExitCode.failure }
  }
}

/// `leggio star ID...` and `leggio unstar ID...`
struct StarCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "star", abstract: "Star articles (`leggio list --starred` shows them).")
  @OptionGroup var options: LibraryOptions
  @Flag(name: .long, help: "Take the star away instead.") var off = false
  @Argument(help: "The articles.") var ids: [Int64]

  func run() throws {
    try reportingErrors { try options.open().setStarred(ids: ids, !off) }
  }
}

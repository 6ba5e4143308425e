import ArgumentParser
import LeggioStore

struct RemoveCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "remove",
    abstract: "Move articles to the bin (nothing is erased; importing again restores them).")

  @OptionGroup var options: LibraryOptions

  @Argument(help: "Article ids from `leggio list`.")
  var ids: [Int64]

  func run() throws {
    try reportingErrors {
      let library = try options.open()
      let titles = try ids.map { try library.summary(id: $0)?.title }
      do {
        try library.remove(ids: ids)
      } catch let error as LibraryError {
        Console.error(error)
        report(titles)
        throw ExitCode.failure
      }
      report(titles)
    }
  }

  private func report(_ titles: [String?]) {
    for (id, title) in zip(ids, titles) {
      if let title { Console.out("removed \(id)  " + title.terminalSafe()) }
    }
  }
}

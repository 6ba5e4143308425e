import ArgumentParser
import Foundation
import LeggioFeeds
import LeggioSync
import LeggioTUI
import LeggioTerminal

/// The reader (the default command): the library list and the paginated reader.
struct ReadCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "read", abstract: "Open the reader on the library (the default).")

  @OptionGroup var options: LibraryOptions

  @Option(name: .long, help: "The colour theme to use (see `leggio themes`).")
  var theme: String?

  func run() throws {
    try reportingErrors {
      // Refuse before touching anything when there is no terminal to draw on.
      guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
        throw TerminalError.notATerminal
      }
      let environment = ProcessInfo.processInfo.environment
      let (configuration, configurationProblems) = Configuration.load(environment: environment)
      let catalog = ThemeCatalog.load(environment: environment)
      let selection = catalog.select(theme ?? configuration.theme)
      let problems =
        configurationProblems.compactMap(\.errorDescription)
        + selection.problems.compactMap(\.errorDescription)
      for problem in problems { Console.error(problem) }
      let library = try options.open()
      // Feed items an update left for the search index, indexed while the list shows.
      Task.detached(priority: .utility) { try? library.catchUpSearchIndex() }
      let themes = catalog.entries.map(\.theme)
      let index = themes.firstIndex { $0.name == selection.theme.name } ?? 0
      try TerminalApp.run(
        library: library, themes: themes.isEmpty ? [selection.theme] : themes, themeIndex: index,
        keyBindings: configuration.keyOverrides, settings: configuration.reader,
        problems: problems,
        feedRunner: FeedUpdateRunner(library: library, pictures: configuration.feedPictures),
        syncRunner: SyncRunner(
          engine: SyncEngine(
            library: library, mirror: SyncEngine.mirror(of: library, libraryPath: options.path),
            mergeDriver: SyncOptions.mergeDriverCommand)))
    }
  }
}

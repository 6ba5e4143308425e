import ArgumentParser
import LeggioStore

/// `--library PATH`, shared by every command.
struct LibraryOptions: ParsableArguments {
  @Option(
    name: .long,
    help: ArgumentHelp(
      "The library database (default: $LEGGIO_LIBRARY, else the XDG data directory).",
      valueName: "path"))
  var library: String?

  /// The path that will be opened.
  var path: String { library ?? Library.defaultPath() }

  /// Opens (creating if needed) the library; an older one's migration draws a bar.
  func open() throws -> Library {
    try Library(path: path, progress: MigrationProgressBar.report)
  }
}

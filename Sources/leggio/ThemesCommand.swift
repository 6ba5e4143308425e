import ArgumentParser
import Foundation
import LeggioTUI

/// `leggio themes`: the themes Leggio knows, the active one marked, each with a sample
/// line in its colours; `--source NAME` prints a theme's file to start your own from.
struct ThemesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "themes",
    abstract: "List the colour themes, with a sample of each.",
    discussion: """
      Your own themes go in $XDG_CONFIG_HOME/leggio/themes/NAME.toml (by default \
      ~/.config/leggio/themes/); a file with a built-in theme's name replaces it. Start from \
      a built-in one: leggio themes --source nord > ~/.config/leggio/themes/mine.toml
      """)

  @Option(help: "Mark this theme as the active one instead of the configured theme.")
  var theme: String?

  @Option(name: .customLong("source"), help: "Print the TOML file of this theme and exit.")
  var sourceName: String?

  @Flag(help: "Names only, without coloured samples (also when output is not a terminal).")
  var plain = false

  func run() throws {
    let environment = ProcessInfo.processInfo.environment
    let catalog = ThemeCatalog.load(environment: environment)
    if let sourceName {
      guard let text = catalog.source(of: sourceName) else {
        throw ValidationError(
          ThemeError.unknownTheme(name: sourceName, available: catalog.names).errorDescription
            ?? "")
      }
      print(text, terminator: "")
      return
    }
    let (configuration, configurationProblems) = Configuration.load(environment: environment)
    let selection = catalog.select(theme ?? configuration.theme)
    let depth: ColorDepth =
      plain || isatty(STDOUT_FILENO) == 0 ? .none : ColorDepth.detect(environment: environment)
    print(ThemeSampler.listing(catalog, active: selection.theme.name, depth: depth), terminator: "")
    let problems =
      configurationProblems.compactMap(\.errorDescription)
      + selection.problems.compactMap(\.errorDescription)
    for problem in problems {
      FileHandle.standardError.write(Data(("leggio: " + problem + "\n").utf8))
    }
  }
}

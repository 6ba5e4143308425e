import ArgumentParser

@main
struct Leggio: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "leggio",
    abstract: "A terminal reader for articles.",
    discussion: """
      The library is $LEGGIO_LIBRARY, else $XDG_DATA_HOME/leggio/library.sqlite, else
      ~/.local/share/leggio/library.sqlite; --library PATH overrides it.
      """,
    subcommands: [
      ReadCommand.self, AddCommand.self, ListCommand.self, ShowCommand.self,
      SearchCommand.self, RemoveCommand.self, TagCommand.self, UntagCommand.self,
      ExtractCommand.self, TocCommand.self, ThemesCommand.self, FeedsCommand.self,
      ImportCommand.self, FetchCommand.self, StarCommand.self,
      SyncCommand.self, CheckCommand.self, RecoverCommand.self, VacuumCommand.self,
    ] + AnnotationCommands.all,
    defaultSubcommand: ReadCommand.self)
}

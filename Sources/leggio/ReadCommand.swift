import ArgumentParser
import LeggioCore

/// The reader (the default command). The integrator wires the TUI here.
struct ReadCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "read", abstract: "Open the reader on the library (the default).")

  @OptionGroup var options: LibraryOptions

  @Option(name: .long, help: "The colour theme to use.")
  var theme: String?

  func run() throws {
    try reportingErrors {
      let library = try options.open()
      let counts = try library.counts()
      Console.out(
        "\(counts.total) article\(counts.total == 1 ? "" : "s"), \(counts.unread) unread in "
          + options.path.terminalSafe() + "; the reader is not wired yet")
    }
  }
}

import ArgumentParser
import LeggioCore
import LeggioTerminal

@main
struct Leggio: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "leggio",
    abstract: "A terminal reader for articles.")

  func run() throws {
    print("Leggio")
  }
}

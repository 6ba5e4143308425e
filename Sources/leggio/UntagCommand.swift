import ArgumentParser

struct UntagCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "untag", abstract: "Remove tags from an article.")

  @OptionGroup var options: LibraryOptions

  @Argument(help: "An article id from `leggio list`.")
  var id: Int64

  @Argument(help: "Tags to remove.")
  var tags: [String]

  func run() throws {
    try reportingErrors {
      let library = try options.open()
      try library.untag(id: id, tags)
      let now = try library.summary(id: id)?.tags ?? []
      Console.out("\(id)  " + now.map { "#" + $0 }.joined(separator: " ").terminalSafe())
    }
  }
}

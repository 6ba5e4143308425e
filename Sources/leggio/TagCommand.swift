import ArgumentParser

struct TagCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "tag", abstract: "Add tags to an article.")

  @OptionGroup var options: LibraryOptions

  @Argument(help: "An article id from `leggio list`.")
  var id: Int64

  @Argument(help: "Tags to add.")
  var tags: [String]

  func run() throws {
    try reportingErrors {
      let library = try options.open()
      try library.tag(id: id, tags)
      let now = try library.summary(id: id)?.tags ?? []
      Console.out("\(id)  " + now.map { "#" + $0 }.joined(separator: " ").terminalSafe())
    }
  }
}

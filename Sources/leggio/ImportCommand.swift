import ArgumentParser
import Foundation
import LeggioImport
import LeggioIntake
import LeggioStore

extension ExportFormat: ExpressibleByArgument {}

/// `leggio import FILE [--from SERVICE]`
struct ImportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract:
      "Bring your saved articles from Pocket, Instapaper, Omnivore, wallabag, Readwise or browser bookmarks.",
    discussion: """
      FILE is the export as the service gave it: a file, a zip or an unpacked directory.
      The service is recognised from the file unless --from names it. Articles whose text
      the export holds (wallabag, Omnivore) are imported whole; the others are added at
      once as pending articles, fetched later by `leggio fetch`. Tags, folders, starred
      and archived state and highlights are kept; an address already in the library is
      merged, never duplicated, so importing the same file twice changes nothing.
      Entries that cannot be read are named on stderr and the rest are imported.
      """)

  @OptionGroup var options: LibraryOptions

  @Option(name: .long, help: "pocket, instapaper, omnivore, wallabag, readwise or bookmarks.")
  var from: ExportFormat?

  @Option(name: .long, help: "Tag every imported article (repeatable).")
  var tag: [String] = []

  @Argument(help: "The export: a file, a zip or a directory.")
  var file: String

  func run() throws {
    var failed = false
    try reportingErrors {
      let library = try options.open()
      var contents = try ExportReader.read(path: file, format: from)
      if !tag.isEmpty {
        for index in contents.items.indices {
          contents.items[index].tags = TagList.cleaned(contents.items[index].tags + tag)
        }
      }
      let summary = ExportImport(library: library).importContents(contents)
      for failure in summary.failures { Console.error(failure.description) }
      Console.out(summary.description)
      if summary.pending > 0 {
        Console.out("`leggio fetch` fetches the pending articles' pages.")
      }
      failed = !summary.failures.isEmpty
    }
    if failed { throw ExitCode.failure }
  }
}

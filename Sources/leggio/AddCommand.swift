import ArgumentParser
import Foundation
import LeggioCore

struct AddCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "add",
    abstract: "Import files, directories (recursively) or standard input (-) into the library.",
    discussion: """
      Prints one line per article ("added 12  Title", "updated", "unchanged") and a
      summary. Errors name the file; the good files are imported anyway and the exit
      status is non-zero if anything failed.
      """)

  @OptionGroup var options: LibraryOptions

  @Option(name: .long, help: "Tag every imported article (repeatable).")
  var tag: [String] = []

  @Argument(help: "Files, directories or - for standard input.")
  var paths: [String]

  func validate() throws {
    for tag in tag where !tag.contains(where: { !$0.isWhitespace && !$0.isASCIIControl }) {
      throw ValidationError(
        "--tag \"\(tag.terminalSafe())\" is empty; a tag needs a visible character")
    }
    if paths.filter({ $0 == "-" }).count > 1 {
      throw ValidationError("standard input (-) can be read only once")
    }
  }

  func run() throws {
    var tally = Tally()
    try reportingErrors {
      let library = try options.open()
      let (inputs, errors) = InputFiles.expand(paths)
      for error in errors {
        Console.error(error)
        tally.failed += 1
      }
      var bar = ProgressBar(total: inputs.count)
      for input in inputs {
        do {
          let article = try InputFiles.importArticle(input)
          let outcome = try library.add(article, tags: tag)
          tally.count(outcome)
          bar.print("\(outcome.verb) \(outcome.id)  \(article.metadata.title.terminalSafe())")
        } catch {
          tally.failed += 1
          bar.error(Self.naming(input.path, error))
        }
        bar.advance()
      }
      bar.clear()
      Console.out(tally.description)
    }
    if tally.failed > 0 { throw ExitCode.failure }
  }

  /// Library errors do not know the file; the command line names it.
  private static func naming(_ path: String, _ error: any Error) -> any Error {
    if error is CLIError { return error }
    let message = (error as? LocalizedError)?.errorDescription ?? "\(error)"
    let name = path == "-" ? "standard input" : path
    // "a.txt contains no readable text" -> "a.txt: contains no readable text"
    if message.hasPrefix(name + " ") {
      return CLIError.invalid(name + ": " + message.dropFirst(name.count + 1))
    }
    return CLIError.invalid(message.hasPrefix(name + ":") ? message : name + ": " + message)
  }
}

/// The counts of `leggio add`'s summary line.
struct Tally: CustomStringConvertible {
  var added = 0
  var updated = 0
  var unchanged = 0
  var failed = 0

  mutating func count(_ outcome: AddOutcome) {
    switch outcome {
    case .added: added += 1
    case .updated: updated += 1
    case .unchanged: unchanged += 1
    }
  }

  var description: String {
    "\(added) added, \(updated) updated, \(unchanged) unchanged, \(failed) failed"
  }
}

extension Character {
  fileprivate var isASCIIControl: Bool { asciiValue.map { $0 < 0x20 || $0 == 0x7F } ?? false }
}

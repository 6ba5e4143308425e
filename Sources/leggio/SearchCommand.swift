import ArgumentParser
import Foundation
import LeggioStore

struct SearchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "search",
    abstract: "Full-text search over titles, bylines and text, best matches first.",
    discussion: """
      Accents need not be typed (piu finds più); the last word matches as a prefix;
      "quoted words" match as a phrase.
      """)

  @OptionGroup var options: LibraryOptions

  @Flag(name: .long, help: "Print a JSON array of hits.")
  var json = false

  @Option(name: .long, help: "At most this many hits.")
  var limit = 50

  @Argument(help: "Words to find.")
  var query: [String]

  func run() throws {
    try reportingErrors {
      let library = try options.open()
      // What a feed update left for the index, with a bar when it is much (`search`
      // would do it silently).
      try library.catchUpSearchIndex { done, total in
        MigrationProgressBar.report("Indexing new articles for search", done, total)
      }
      let hits = try library.search(query.joined(separator: " "), limit: limit)
      if json {
        let array = StreamedJSONArray()
        for hit in hits {
          array.append(
            .object([
              "id": .int(hit.id), "uuid": .string(hit.uuid), "title": .string(hit.title),
              "byline": hit.byline.json, "snippet": .string(hit.snippet),
              "matches": .array(
                hit.matches.map {
                  .array([.int(Int64($0.lowerBound)), .int(Int64($0.upperBound))])
                }),
              "score": .double(hit.score),
            ]))
        }
        array.finish()
        return
      }
      let emphasise =
        Console.isTerminal(STDOUT_FILENO) && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
      for hit in hits {
        let byline = hit.byline.map { " · " + $0 } ?? ""
        Console.out("\(hit.id)  " + (hit.title + byline).terminalSafe())
        Console.out("    " + Self.mark(hit, emphasise: emphasise))
      }
    }
  }

  /// The snippet with its matches in bold on a terminal, in [brackets] otherwise.
  static func mark(_ hit: SearchHit, emphasise: Bool) -> String {
    let (open, close) = emphasise ? ("\u{1B}[1m", "\u{1B}[22m") : ("[", "]")
    let scalars = Array(hit.snippet.unicodeScalars)
    var result = ""
    var position = 0
    for match in hit.matches where match.lowerBound >= position && match.upperBound <= scalars.count
    {
      result += String(String.UnicodeScalarView(scalars[position..<match.lowerBound]))
        .terminalSafe()
      result += open + String(String.UnicodeScalarView(scalars[match])).terminalSafe() + close
      position = match.upperBound
    }
    result += String(String.UnicodeScalarView(scalars[position...])).terminalSafe()
    return result
  }
}

import ArgumentParser
import Foundation
import LeggioStore

extension ArticleSort: ExpressibleByArgument {}

struct ListCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list", abstract: "List the articles in the library.")

  @OptionGroup var options: LibraryOptions

  @Flag(name: .long, help: "Print a JSON array of the articles' metadata.")
  var json = false

  @Option(name: .long, help: "Only articles matching this full-text query.")
  var search: String?

  @Option(name: .long, help: "Only articles with this tag.")
  var tag: String?

  @Option(name: .long, help: "added, published, title or progress.")
  var sort: ArticleSort = .added

  @Flag(name: .long, help: "Only articles never opened in the reader.")
  var unread = false

  @Flag(name: .long, help: "Only starred articles.")
  var starred = false

  @Flag(name: .long, help: "Only articles waiting for their page (`leggio fetch`).")
  var pending = false

  func run() throws {
    try reportingErrors {
      let library = try options.open()
      let query = ArticleQuery(
        search: search, tag: tag, unreadOnly: unread, sort: sort, starredOnly: starred,
        pendingOnly: pending)
      let entries = try library.entries(query)
      if json {
        Console.out(JSONValue.array(entries.map(ArticleJSON.value)).text)
      } else {
        let lines = Self.table(entries, width: Console.width())
        if !lines.isEmpty { Console.out(lines.joined(separator: "\n")) }
      }
    }
  }

  /// Aligned columns: id, date added, words, progress, then title, site and tags in what
  /// is left of `width` (nothing is cut when `width` is nil).
  static func table(_ entries: [LibraryEntry], width: Int?) -> [String] {
    guard !entries.isEmpty else { return [] }
    let idWidth = max(2, entries.map { String($0.summary.id).count }.max() ?? 2)
    let wordsWidth = max(5, entries.map { String($0.summary.words).count }.max() ?? 5)
    let fixed = [
      "ID".padded(toCells: idWidth, alignRight: true), "ADDED     ",
      "WORDS".padded(toCells: wordsWidth, alignRight: true), "READ",
    ]
    let prefixWidth = fixed.joined(separator: "  ").cellWidth + 2
    let titleWidth = width.map { max(10, $0 - prefixWidth) } ?? .max
    var lines = [(fixed + ["TITLE"]).joined(separator: "  ")]
    for entry in entries {
      let summary = entry.summary
      var title = (summary.isStarred ? "★ " : "") + summary.title
      if let site = summary.siteName ?? summary.byline { title += " · " + site }
      if !summary.tags.isEmpty {
        title += "  " + summary.tags.map { "#" + $0 }.joined(separator: " ")
      }
      title = title.terminalSafe()
      let read =
        summary.isPending
        ? "wait" : summary.isUnread ? "-" : "\(Int((summary.progress * 100).rounded()))%"
      let columns = [
        String(summary.id).padded(toCells: idWidth, alignRight: true),
        summary.addedAt.formatted(.iso8601.year().month().day()),
        String(summary.words).padded(toCells: wordsWidth, alignRight: true),
        read.padded(toCells: 4, alignRight: true),
        titleWidth == .max ? title : title.truncated(toCells: titleWidth),
      ]
      lines.append(columns.joined(separator: "  "))
    }
    return lines
  }
}

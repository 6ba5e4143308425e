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
      // Written as the rows are read: constant memory however large the library.
      if json {
        let array = StreamedJSONArray()
        try library.forEachEntry(query) { array.append(ArticleJSON.value($0)) }
        array.finish()
        return
      }
      let widths = try library.entryWidths(query)
      let columns = Columns(maxID: widths.id, maxWords: widths.words, width: Console.width())
      let output = StreamedOutput()
      var first = true
      try library.forEachEntry(query) { entry in
        output.write((first ? columns.header + "\n" : "") + columns.line(entry) + "\n")
        first = false
      }
      output.flush()
    }
  }

  /// The table's aligned columns: id, date added, words, progress, then title, site and
  /// tags in what is left of `width` (nothing is cut when `width` is nil). The widths are
  /// known before the first row (from the largest id and word count), so that rows are
  /// printed as they are read.
  struct Columns {
    let idWidth: Int
    let wordsWidth: Int
    let titleWidth: Int
    let header: String

    init(maxID: Int64, maxWords: Int, width: Int?) {
      idWidth = max(2, String(maxID).count)
      wordsWidth = max(5, String(maxWords).count)
      let fixed = [
        "ID".padded(toCells: idWidth, alignRight: true), "ADDED     ",
        "WORDS".padded(toCells: wordsWidth, alignRight: true), "READ",
      ]
      let prefixWidth = fixed.joined(separator: "  ").cellWidth + 2
      titleWidth = width.map { max(10, $0 - prefixWidth) } ?? .max
      header = (fixed + ["TITLE"]).joined(separator: "  ")
    }

    func line(_ entry: LibraryEntry) -> String {
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
      // Numbers and the day are ASCII: padded by count, without measuring cells.
      let day =
        ISO8601Text.utcDay(summary.addedAt)
        ?? summary.addedAt.formatted(.iso8601.year().month().day())
      var line = Self.right(String(summary.id), idWidth) + "  " + day + "  "
      line += Self.right(String(summary.words), wordsWidth) + "  " + Self.right(read, 4) + "  "
      return line + (titleWidth == .max ? title : title.truncated(toCells: titleWidth))
    }

    /// ASCII `text` aligned right in `width` columns (cut as `padded` cuts when longer).
    private static func right(_ text: String, _ width: Int) -> String {
      let count = text.utf8.count
      if count > width { return text.padded(toCells: width, alignRight: true) }
      return String(repeating: " ", count: width - count) + text
    }
  }
}

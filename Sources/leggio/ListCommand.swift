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

  @Flag(
    help: ArgumentHelp(
      "Print through the library's records (the reference the tests hold the list to).",
      visibility: .hidden))
  var records = false

  func run() throws {
    try reportingErrors {
      let library = try options.open()
      let query = ArticleQuery(
        search: search, tag: tag, unreadOnly: unread, sort: sort, starredOnly: starred,
        pendingOnly: pending)
      // Written as the rows are read: constant memory however large the library. Each
      // row's bytes go from SQLite's statement to the output (`ListingRow`); `--records`
      // makes and prints each article's records instead, the same text more slowly.
      if json {
        let array = StreamedJSONArray()
        if records {
          try library.forEachEntry(query) { array.append(ArticleJSON.value($0)) }
        } else {
          var writer = ListingJSON()
          try library.forEachListing(query) { row in array.append { writer.write(row, to: &$0) } }
        }
        array.finish()
        return
      }
      let widths = try library.entryWidths(query)
      let columns = Columns(maxID: widths.id, maxWords: widths.words, width: Console.width())
      let output = StreamedOutput()
      var first = true
      if records {
        try library.forEachEntry(query) { entry in
          output.write((first ? columns.header + "\n" : "") + columns.line(entry) + "\n")
          first = false
        }
      } else {
        try library.forEachListing(query) { row in
          if first { output.write(columns.header + "\n") }
          first = false
          output.write { columns.write(row, to: &$0) }
        }
      }
      output.flush()
      if first { Console.errRaw(emptyListNote(query) + "\n") }
    }
  }

  /// Why the table has no rows, on standard error (standard output stays empty for
  /// scripts): a new library says how to fill it, a filter says that nothing matched.
  private func emptyListNote(_ query: ArticleQuery) -> String {
    let filtered =
      query.search != nil || query.tag != nil || query.unreadOnly || query.starredOnly
      || query.pendingOnly
    return filtered
      ? "leggio: no article matches"
      : "leggio: the library is empty: add articles with `leggio add FILE|URL` or subscribe"
        + " to a feed with `leggio feeds add URL`"
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

    /// `line` of the row, and a line feed, written from its bytes (`--records` writes
    /// `line`).
    func write(_ row: ListingRow, to output: inout [UInt8]) {
      Self.right(row.id, idWidth, &output)
      output.append(literal: "  ")
      if !ISO8601Text.appendUTCDay(row.addedAt, to: &output) {
        output.append(contentsOf: row.addedAt.formatted(.iso8601.year().month().day()).utf8)
      }
      output.append(literal: "  ")
      Self.right(Int64(row.words), wordsWidth, &output)
      output.append(literal: "  ")
      if row.isPending {
        output.append(literal: "wait")
      } else if row.isUnread {
        output.append(literal: "   -")
      } else {
        output.append(contentsOf: Self.right("\(Int((row.progress * 100).rounded()))%", 4).utf8)
      }
      output.append(literal: "  ")
      let titleStart = output.count
      if row.isStarred { output.append(literal: "★ ") }
      if let title = row[.title] { ByteText.appendTerminalSafe(title, to: &output) }
      if let site = row[.siteName] ?? row[.byline] {
        output.append(literal: " · ")
        ByteText.appendTerminalSafe(site, to: &output)
      }
      for index in 0..<row.tagCount {
        if index == 0 { output.append(literal: "  #") } else { output.append(literal: " #") }
        ByteText.appendTerminalSafe(row.tag(index), to: &output)
      }
      if titleWidth != .max {
        let title = String(decoding: output[titleStart...], as: UTF8.self)
        output.removeSubrange(titleStart...)
        output.append(contentsOf: title.truncated(toCells: titleWidth).utf8)
      }
      output.append(UInt8(ascii: "\n"))
    }

    /// `number` aligned right in `width` columns, as `right(String(number), width)`.
    private static func right(_ number: Int64, _ width: Int, _ output: inout [UInt8]) {
      var digits = number < 0 ? 2 : 1
      var rest = number.magnitude
      while rest >= 10 {
        rest /= 10
        digits += 1
      }
      guard digits <= width else {
        output.append(contentsOf: right(String(number), width).utf8)
        return
      }
      output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: width - digits))
      ListingJSON.integer(number, &output)
    }

    /// ASCII `text` aligned right in `width` columns (cut as `padded` cuts when longer).
    private static func right(_ text: String, _ width: Int) -> String {
      let count = text.utf8.count
      if count > width { return text.padded(toCells: width, alignRight: true) }
      return String(repeating: " ", count: width - count) + text
    }
  }
}

import Foundation

/// CSV exports of other services, read by their header: a `url` column, and where they
/// exist title, author, date (`created`, `saved_at`, `date`), published date, tags
/// (`labels`, `tags`), folder, state (`ARCHIVED`, `archive`, a `Read` flag) and starred.
/// Omnivore's own CSV, Matter's history (whose `File Id` names the saved article's HTML
/// in the same export) and generic lists read this way. A CSV of highlights (`Text` or
/// `Highlight` with `Title`, no address) gives highlights matched by title and author.
enum LinkListCSVReader {
  static func read(_ table: CSVTable, file: ExportFile, siblings: [ExportFile]) -> ExportContents {
    var contents = ExportContents(format: .links)
    guard let urlColumn = table.column("url") else {
      return HighlightsCSVReader.read(table, file: file, format: .links)
    }
    let title = table.column("title")
    let author = table.column("author")
    let saved = table.column("created", "saved_at", "date", "created_at", "date added")
    let published = table.column("published_at", "published")
    let tags = table.column("labels", "tags")
    let folder = table.column("folder", "collection")
    let state = table.column("state", "status")
    let read = table.column("read")
    let starred = table.column("starred", "favorite")
    let fileID = table.column("file id")
    for record in table.records {
      let entry = "\(file.name) line \(record.line)"
      guard let url = record.value(urlColumn) else {
        contents.problems.append(ExportProblem(entry: entry, reason: "no url"))
        continue
      }
      let place = record.value(folder)
      let status = record.value(state)?.lowercased()
      var item = ExportedItem(
        entry: entry, url: url, title: HTMLText.collapsed(record.value(title)),
        author: record.value(author), savedAt: ExportDate.parse(record.value(saved)),
        publishedAt: ExportDate.parse(record.value(published)),
        tags: TagList.parse(record.value(tags)),
        isArchived: status == "archived" || status == "archive"
          || place?.lowercased() == "archive" || flag(record.value(read)),
        isStarred: flag(record.value(starred)))
      if let place, place.lowercased() != "archive" {
        item.folder = place
        item.tags = TagList.cleaned(item.tags + [place])
      }
      if let name = record.value(fileID), let page = siblings.first(where: { $0.baseName == name })
      {
        item.html = page.text
      }
      contents.items.append(item)
    }
    return contents
  }

  static func flag(_ text: String?) -> Bool {
    ["1", "true", "yes"].contains(text?.lowercased() ?? "")
  }
}

/// A plain list of addresses, one per line (what many "import URLs" boxes take); a line
/// that is not an address is reported and the others are read.
enum URLListReader {
  static func read(_ file: ExportFile) -> ExportContents {
    var contents = ExportContents(format: .links)
    for (index, line) in file.text.split(separator: "\n", omittingEmptySubsequences: false)
      .enumerated()
    {
      let text = line.trimmingCharacters(in: .whitespacesAndNewlines)
      guard !text.isEmpty else { continue }
      let entry = "\(file.name) line \(index + 1)"
      if text.contains("://"), !text.contains(where: \.isWhitespace) {
        contents.items.append(ExportedItem(entry: entry, url: text))
      } else {
        contents.problems.append(ExportProblem(entry: entry, reason: "is not an address"))
      }
    }
    return contents
  }

  /// Whether the text's first line that is not blank is an address.
  static func looksLikeList(_ text: String) -> Bool {
    let first = text.split(whereSeparator: \.isNewline).first { !$0.allSatisfy(\.isWhitespace) }
    guard let first else { return false }
    let line = first.trimmingCharacters(in: .whitespaces)
    return (line.hasPrefix("http://") || line.hasPrefix("https://"))
      && !line.contains(where: \.isWhitespace)
  }
}

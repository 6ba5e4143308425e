import Foundation

/// Readwise's CSV exports. Readwise Reader's documents
/// (`Title,URL,ID,Document tags,Saved date,Reading progress,Location,Seen`; tags as a
/// Python list literal; `Location` `archive` is done, `shortlist` starred) and Readwise's
/// highlights (`Highlight,Book Title,Book Author,…,Note,Color,…,Highlighted at`), which
/// name their article by title and author, not URL.
enum ReadwiseCSVReader {
  static func read(_ file: ExportFile) -> ExportContents {
    let table = CSVTable(file.text)
    if table.has("highlight", "book title") {
      return HighlightsCSVReader.read(table, file: file, format: .readwise)
    }
    var contents = ExportContents(format: .readwise)
    guard let urlColumn = table.column("url", "source url") else {
      contents.problems.append(ExportProblem(entry: file.name, reason: "no URL column"))
      return contents
    }
    let title = table.column("title")
    let author = table.column("author")
    let tags = table.column("document tags", "tags")
    let saved = table.column("saved date")
    let published = table.column("published date")
    let location = table.column("location")
    for record in table.records {
      let entry = "\(file.name) line \(record.line)"
      guard let url = record.value(urlColumn) else {
        contents.problems.append(ExportProblem(entry: entry, reason: "no URL"))
        continue
      }
      let place = record.value(location)?.lowercased()
      contents.items.append(
        ExportedItem(
          entry: entry, url: url, title: HTMLText.collapsed(record.value(title)),
          author: record.value(author), savedAt: ExportDate.parse(record.value(saved)),
          publishedAt: ExportDate.parse(record.value(published)),
          tags: TagList.parse(record.value(tags)), isArchived: place == "archive",
          isStarred: place == "shortlist"))
    }
    return contents
  }
}

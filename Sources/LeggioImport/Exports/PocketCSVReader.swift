import Foundation

/// Pocket's CSV export, in both of its layouts: `title,url,time_added,tags,status` and
/// the 2025 one with a `cursor` column. Columns are found by their header; tags are
/// split by `|`; `status` is `unread` or `archive`. A `starred` column (Leggio's own
/// export adds one) is read too.
enum PocketCSVReader {
  static func read(_ file: ExportFile) -> ExportContents {
    let table = CSVTable(file.text)
    var contents = ExportContents(format: .pocket)
    guard let urlColumn = table.column("url") else {
      contents.problems.append(ExportProblem(entry: file.name, reason: "no url column"))
      return contents
    }
    let title = table.column("title")
    let added = table.column("time_added")
    let tags = table.column("tags")
    let status = table.column("status")
    let starred = table.column("starred", "favorite")
    for record in table.records {
      let entry = "\(file.name) line \(record.line)"
      guard let url = record.value(urlColumn) else {
        contents.problems.append(ExportProblem(entry: entry, reason: "no url"))
        continue
      }
      contents.items.append(
        ExportedItem(
          entry: entry, url: url, title: HTMLText.collapsed(record.value(title)),
          savedAt: ExportDate.parse(record.value(added)),
          tags: TagList.parse(record.value(tags), separator: "|"),
          isArchived: record.value(status)?.lowercased() == "archive",
          isStarred: ["1", "true", "yes"].contains(record.value(starred)?.lowercased() ?? "")))
    }
    return contents
  }
}

import Foundation

/// Instapaper's CSV export, `URL,Title,Selection,Folder[,Timestamp][,Tags]`. `Folder` is
/// `Unread`, `Archive`, `Starred` or one of the person's folders; `Tags` is a JSON
/// array; a `Selection` is a passage the person highlighted.
enum InstapaperCSVReader {
  static func read(_ file: ExportFile) -> ExportContents {
    let table = CSVTable(file.text)
    var contents = ExportContents(format: .instapaper)
    guard let urlColumn = table.column("url") else {
      contents.problems.append(ExportProblem(entry: file.name, reason: "no URL column"))
      return contents
    }
    let title = table.column("title")
    let selection = table.column("selection")
    let folder = table.column("folder")
    let timestamp = table.column("timestamp")
    let tags = table.column("tags")
    for record in table.records {
      let entry = "\(file.name) line \(record.line)"
      guard let url = record.value(urlColumn) else {
        contents.problems.append(ExportProblem(entry: entry, reason: "no URL"))
        continue
      }
      var item = ExportedItem(
        entry: entry, url: url, title: HTMLText.collapsed(record.value(title)),
        savedAt: ExportDate.parse(record.value(timestamp)), tags: TagList.parse(record.value(tags)))
      switch record.value(folder)?.lowercased() {
      case nil, "unread": break
      case "archive": item.isArchived = true
      case "starred": item.isStarred = true
      default:
        item.folder = record.value(folder)
        item.tags = TagList.cleaned(item.tags + [record.value(folder)!])
      }
      if let quote = record.value(selection) {
        item.highlights.append(ExportedHighlight(quote: quote))
      }
      contents.items.append(item)
    }
    return contents
  }
}

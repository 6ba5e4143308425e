import Foundation

/// A CSV of highlights that names each one's article by title and author, with no
/// address: Readwise's (`Highlight,Book Title,Book Author,…,Note,Color,…,Highlighted at`)
/// and Matter's (`Text,Highlighted Date,Title,Author,Publisher`). They are matched to an
/// item of the same export, else to an article of the library.
enum HighlightsCSVReader {
  static func read(_ table: CSVTable, file: ExportFile, format: ExportFormat) -> ExportContents {
    var contents = ExportContents(format: format)
    let quote = table.column("highlight", "text")
    let title = table.column("book title", "title")
    let author = table.column("book author", "author")
    let note = table.column("note")
    let color = table.column("color")
    let date = table.column("highlighted at", "highlighted date", "created")
    for record in table.records {
      let entry = "\(file.name) line \(record.line)"
      guard let text = record.value(quote), let name = record.value(title) else {
        contents.problems.append(
          ExportProblem(entry: entry, reason: "a highlight needs its text and its title"))
        continue
      }
      contents.detachedHighlights.append(
        DetachedHighlight(
          entry: entry, title: name, author: record.value(author),
          highlight: ExportedHighlight(
            quote: text, note: record.value(note) ?? "",
            color: ExportedHighlight.color(named: record.value(color)),
            createdAt: ExportDate.parse(record.value(date)))))
    }
    return contents
  }
}

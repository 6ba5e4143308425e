import Foundation
import LeggioModel

/// Pocket's HTML export (`ril_export.html`): `<h1>Unread</h1>` and `<h1>Read Archive</h1>`,
/// each followed by a list of `<a href time_added tags>` links, tags split by commas.
enum PocketHTMLReader {
  static func read(_ file: ExportFile) -> ExportContents {
    var contents = ExportContents(format: .pocket)
    var archived = false
    var count = 0
    func visit(_ node: HTMLNode) {
      guard node.isElement || node.kind == .document else { return }
      if node.name == "h1" {
        archived = node.textContent.lowercased().contains("archive")
        return
      }
      if node.name == "a" {
        count += 1
        let entry = "\(file.name) link \(count)"
        guard let href = node.attribute("href")?.trimmingCharacters(in: .whitespaces),
          !href.isEmpty
        else {
          contents.problems.append(ExportProblem(entry: entry, reason: "the link has no address"))
          return
        }
        contents.items.append(
          ExportedItem(
            entry: entry, url: href, title: HTMLText.collapsed(node.textContent),
            savedAt: ExportDate.parse(node.attribute("time_added")),
            tags: TagList.parse(node.attribute("tags")), isArchived: archived))
        return
      }
      for child in node.children { visit(child) }
    }
    visit(HTMLParser.parse(file.text))
    return contents
  }
}

/// Text from exports, made one line: runs of white space collapsed, control characters
/// dropped; nil when nothing is left.
enum HTMLText {
  static func collapsed(_ text: String?) -> String? {
    guard let text else { return nil }
    let words = TextSanitizer.sanitize(text).split(whereSeparator: \.isWhitespace)
    return words.isEmpty ? nil : words.joined(separator: " ")
  }
}

import Foundation

/// The Netscape bookmark file every browser and Pinboard-like service exports:
/// `<DT><A HREF ADD_DATE TAGS>` links inside `<DL>` lists, each `<H3>` naming the folder
/// of the list after it. Folders become tags (and the item's folder, as a path); dates
/// may be in seconds, milliseconds or microseconds.
enum NetscapeBookmarksReader {
  static func read(_ file: ExportFile) -> ExportContents {
    var contents = ExportContents(format: .bookmarks)
    var folders: [String?] = []
    var nextFolder: String?
    var count = 0
    func visit(_ node: HTMLNode) {
      switch node.name {
      case "h3" where node.isElement:
        nextFolder = HTMLText.collapsed(node.textContent)
        return
      case "dl" where node.isElement:
        folders.append(nextFolder)
        nextFolder = nil
        for child in node.children { visit(child) }
        folders.removeLast()
        return
      case "a" where node.isElement:
        count += 1
        let entry = "\(file.name) bookmark \(count)"
        guard let href = node.attribute("href")?.trimmingCharacters(in: .whitespaces),
          !href.isEmpty
        else {
          contents.problems.append(ExportProblem(entry: entry, reason: "has no HREF"))
          return
        }
        let path = folders.compactMap { $0 }
        contents.items.append(
          ExportedItem(
            entry: entry, url: href, title: HTMLText.collapsed(node.textContent),
            savedAt: ExportDate.parse(node.attribute("add_date")),
            tags: TagList.cleaned(TagList.parse(node.attribute("tags")) + path),
            folder: path.isEmpty ? nil : path.joined(separator: "/")))
        return
      default:
        for child in node.children { visit(child) }
      }
    }
    visit(HTMLParser.parse(file.text))
    return contents
  }
}

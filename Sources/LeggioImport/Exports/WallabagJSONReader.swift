import Foundation

/// wallabag's JSON export, 1.x (`is_read`, `is_fav`, tags a comma-separated string) and
/// 2.x (`is_archived`, `is_starred`, tags a list, `published_at`, `published_by`): each
/// entry's article HTML in `content`, and its `annotations` (`quote`, `text`, `ranges`).
enum WallabagJSONReader {
  static func read(_ file: ExportFile) -> ExportContents {
    var contents = ExportContents(format: .wallabag)
    let entries: [Any]
    switch JSONFields.parse(file.data) {
    case .failure(let reason):
      contents.problems.append(ExportProblem(entry: file.name, reason: reason.text))
      return contents
    case .success(let list as [Any]): entries = list
    case .success(let object as [String: Any]):
      entries = (object["entries"] as? [Any]) ?? (object["items"] as? [Any]) ?? [object]
    case .success:
      contents.problems.append(ExportProblem(entry: file.name, reason: "holds no entries"))
      return contents
    }
    for (index, value) in entries.enumerated() {
      let entry = "\(file.name) entry \(index + 1)"
      guard let object = value as? [String: Any] else {
        contents.problems.append(ExportProblem(entry: entry, reason: "is not a JSON object"))
        continue
      }
      guard let url = JSONFields.string(object["url"]) else {
        contents.problems.append(ExportProblem(entry: entry, reason: "has no url"))
        continue
      }
      var title = HTMLText.collapsed(JSONFields.string(object["title"]))
      if title == "No title found" { title = nil }
      let authors = (object["published_by"] as? [Any])?.compactMap(JSONFields.string)
      contents.items.append(
        ExportedItem(
          entry: entry, url: url, title: title,
          author: authors.flatMap { $0.isEmpty ? nil : $0.joined(separator: ", ") },
          savedAt: JSONFields.date(object["created_at"]),
          publishedAt: JSONFields.date(object["published_at"]),
          tags: JSONFields.tags(object["tags"]),
          isArchived: JSONFields.bool(object["is_archived"] ?? object["is_read"]),
          isStarred: JSONFields.bool(object["is_starred"] ?? object["is_fav"]),
          html: JSONFields.string(object["content"]),
          highlights: ((object["annotations"] as? [Any]) ?? []).compactMap(highlight)))
    }
    return contents
  }

  static func highlight(_ value: Any) -> ExportedHighlight? {
    guard let object = value as? [String: Any],
      let quote = JSONFields.string(object["quote"])
    else { return nil }
    return ExportedHighlight(
      quote: quote, note: JSONFields.string(object["text"]) ?? "",
      createdAt: JSONFields.date(object["created_at"]))
  }
}

import Foundation

/// The JSON exports of other bookmark and read-later services, read by their keys rather
/// than their layout: every object with an address (`url`, `href`, `uri`,
/// `article__url`) is an item, its title from `title`, `name`, `description` or
/// `article__title`, its date from the usual keys, its tags from `tags` or `labels`, and
/// the titles of the objects around it (Firefox and Chrome folders, Linkwarden
/// collections) as its folder. Pinboard, Delicious, GoodLinks, elCurator, Readability,
/// Linkwarden, Firefox, Chrome and Readeck's `props.json` all read this way.
enum LinkListJSONReader {
  static let addressKeys = ["url", "href", "uri", "article__url"]
  static let titleKeys = ["title", "name", "article__title", "description"]
  static let dateKeys = [
    "time", "dateadded", "date_added", "created", "created_at", "addedat", "createdat", "saved",
  ]

  static func read(_ file: ExportFile, siblings: [ExportFile] = []) -> ExportContents {
    var contents = ExportContents(format: .links)
    let root: Any
    switch JSONFields.parse(file.data) {
    case .failure(let reason):
      contents.problems.append(ExportProblem(entry: file.name, reason: reason.text))
      return contents
    case .success(let value): root = value
    }
    var count = 0
    func visit(_ value: Any, folders: [String]) {
      if let list = value as? [Any] {
        for element in list { visit(element, folders: folders) }
        return
      }
      guard let object = value as? [String: Any] else { return }
      let fields = Dictionary(
        object.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { first, _ in first })
      if let url = address(fields) {
        count += 1
        contents.items.append(
          item(fields, url: url, entry: "\(file.name) entry \(count)", folders: folders))
        return
      }
      // A folder is an object holding a list of bookmarks (`children`, `links`).
      let isFolder = fields["children"] is [Any] || fields["links"] is [Any]
      let name = isFolder ? JSONFields.string(fields["title"] ?? fields["name"]) : nil
      let inner = name.map { folders + [$0] } ?? folders
      for (key, child) in object where key != "annos" { visit(child, folders: inner) }
    }
    visit(root, folders: [])
    // Readeck's saved article: `props.json` beside the article's `index.html`.
    if file.baseName == "props.json", contents.items.count == 1,
      let page = siblings.first(where: { $0.baseName == "index.html" })
    {
      contents.items[0].html = page.text
    }
    return contents
  }

  /// The object's web address; Go's `url.URL` structure (Readeck) is put back together.
  static func address(_ fields: [String: Any]) -> String? {
    for key in addressKeys {
      if let text = JSONFields.string(fields[key]), text.contains("://") { return text }
      if let parts = fields[key] as? [String: Any], let scheme = JSONFields.string(parts["Scheme"]),
        let host = JSONFields.string(parts["Host"])
      {
        return "\(scheme)://\(host)\(JSONFields.string(parts["Path"]) ?? "/")"
      }
    }
    return nil
  }

  static func item(_ fields: [String: Any], url: String, entry: String, folders: [String])
    -> ExportedItem
  {
    let title = titleKeys.lazy.compactMap { JSONFields.string(fields[$0]) }.first
      .flatMap { $0 == "No title found" ? nil : $0 }
    var tags: [String]
    if let text = fields["tags"] as? String, !text.contains(",") {
      tags = TagList.cleaned(text.split(separator: " ").map(String.init))  // Pinboard
    } else {
      tags = JSONFields.tags(fields["tags"] ?? fields["labels"])
    }
    let folder = folders.filter { !$0.isEmpty }
    tags = TagList.cleaned(tags + folder)
    return ExportedItem(
      entry: entry, url: url, title: HTMLText.collapsed(title.map(decodedEntities)),
      savedAt: dateKeys.lazy.compactMap { date(fields[$0]) }.first,
      publishedAt: JSONFields.date(fields["published_at"] ?? fields["publishedat"]),
      tags: tags, folder: folder.isEmpty ? nil : folder.joined(separator: "/"),
      isArchived: JSONFields.bool(fields["archive"] ?? fields["is_archived"]),
      isStarred: JSONFields.bool(fields["starred"] ?? fields["favorite"] ?? fields["is_fav"]))
  }

  /// A date; Chrome's 17-digit microseconds since 1601 are told from Unix time.
  static func date(_ value: Any?) -> Date? {
    if let text = JSONFields.string(value), text.count == 17, text.allSatisfy(\.isNumber),
      let microseconds = Double(text)
    {
      return Date(timeIntervalSince1970: microseconds / 1_000_000 - 11_644_473_600)
    }
    return JSONFields.date(value)
  }

  /// `&hellip;` and `&#x2019;` as the characters they stand for (Readability's titles).
  static func decodedEntities(_ text: String) -> String {
    guard text.contains("&") else { return text }
    return HTMLParser.parse("<p>\(text)</p>").textContent
  }
}

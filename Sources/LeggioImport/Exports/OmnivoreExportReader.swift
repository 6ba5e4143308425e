import Foundation

/// Omnivore's export: `metadata_*.json` (arrays of `id`, `slug`, `title`, `author`,
/// `url`, `state`, `labels`, `savedAt`, `publishedAt`), the saved article's HTML in
/// `content/<slug>.html` and its highlights in `highlights/<slug>.md`. A metadata file
/// given alone imports its items without text.
enum OmnivoreExportReader {
  static func read(_ files: [ExportFile]) -> ExportContents {
    var contents = ExportContents(format: .omnivore)
    var bySlugContent: [String: ExportFile] = [:]
    var bySlugHighlights: [String: ExportFile] = [:]
    for file in files {
      let base = (file.baseName as NSString).deletingPathExtension
      let folder = (file.name as NSString).deletingLastPathComponent.lowercased()
      if folder.hasSuffix("content"), file.baseName.lowercased().hasSuffix(".html") {
        bySlugContent[base] = file
      } else if folder.hasSuffix("highlights"), file.baseName.lowercased().hasSuffix(".md") {
        bySlugHighlights[base] = file
      }
    }
    let metadata = files.filter { ExportFormat.detect($0) == .omnivore }
    for file in metadata {
      let list: [Any]
      switch JSONFields.parse(file.data) {
      case .failure(let reason):
        contents.problems.append(ExportProblem(entry: file.name, reason: reason.text))
        continue
      case .success(let value):
        guard let array = value as? [Any] else {
          contents.problems.append(ExportProblem(entry: file.name, reason: "is not a JSON list"))
          continue
        }
        list = array
      }
      for (index, value) in list.enumerated() {
        let entry = "\(file.name) entry \(index + 1)"
        guard let object = value as? [String: Any] else {
          contents.problems.append(ExportProblem(entry: entry, reason: "is not a JSON object"))
          continue
        }
        guard let url = JSONFields.string(object["url"] ?? object["originalArticleUrl"]) else {
          contents.problems.append(ExportProblem(entry: entry, reason: "has no url"))
          continue
        }
        let slug = JSONFields.string(object["slug"])
        var item = ExportedItem(
          entry: entry, url: url, title: HTMLText.collapsed(JSONFields.string(object["title"])),
          author: JSONFields.string(object["author"]),
          savedAt: JSONFields.date(object["savedAt"]),
          publishedAt: JSONFields.date(object["publishedAt"]),
          tags: JSONFields.tags(object["labels"]),
          isArchived: JSONFields.string(object["state"])?.lowercased() == "archived")
        if let slug, let content = bySlugContent[slug] { item.html = content.text }
        if let slug, let notes = bySlugHighlights[slug] {
          item.highlights = OmnivoreHighlights.parse(notes.text)
        }
        if item.highlights.isEmpty, let list = object["highlights"] as? [Any] {
          item.highlights = list.compactMap(OmnivoreHighlights.highlight)
        }
        contents.items.append(item)
      }
    }
    return contents
  }
}

/// The highlights Markdown of an Omnivore export: each highlight a quote block
/// (`> passage [⤴️](https://omnivore.app/…)`), its note (if any) the paragraphs after it.
enum OmnivoreHighlights {
  static func parse(_ markdown: String) -> [ExportedHighlight] {
    var highlights: [ExportedHighlight] = []
    var quote: [String] = []
    var note: [String] = []
    var inQuote = false
    func finish() {
      let text = quote.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
      if !text.isEmpty {
        highlights.append(
          ExportedHighlight(
            quote: text,
            note: note.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)))
      }
      quote = []
      note = []
    }
    for rawLine in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
      let line = String(rawLine).trimmingCharacters(in: CharacterSet(charactersIn: "\r"))
      if line.hasPrefix(">") {
        if !inQuote { finish() }
        inQuote = true
        var text = String(line.dropFirst())
        if text.hasPrefix(" ") { text.removeFirst() }
        quote.append(withoutBacklink(text))
      } else {
        inQuote = false
        if !quote.isEmpty, !line.hasPrefix("#") { note.append(line) }
      }
    }
    finish()
    return highlights
  }

  /// The quote without Omnivore's trailing link back to the highlight.
  static func withoutBacklink(_ text: String) -> String {
    guard
      let range = text.range(
        of: #"\s*\[[^\]]*\]\(https?://[^)]*\)\s*$"#, options: .regularExpression)
    else { return text }
    return String(text[..<range.lowerBound])
  }

  static func highlight(_ value: Any) -> ExportedHighlight? {
    guard let object = value as? [String: Any], let quote = JSONFields.string(object["quote"])
    else { return nil }
    return ExportedHighlight(
      quote: quote, note: JSONFields.string(object["annotation"]) ?? "",
      color: ExportedHighlight.color(named: JSONFields.string(object["color"])),
      createdAt: JSONFields.date(object["createdAt"]))
  }
}

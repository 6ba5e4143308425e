import Foundation

/// Reads the export of a read-it-later service or a browser into items: a file, a
/// directory or a zip as the service produced it. The format is recognised from the
/// files unless it is given; a bad entry is reported and the others are still read.
public enum ExportReader {
  public static func read(path: String, format: ExportFormat? = nil) throws -> ExportContents {
    try read(ExportFile.files(at: path), path: path, format: format)
  }

  /// Reads the export made of `files`; `path` names it in errors.
  public static func read(_ files: [ExportFile], path: String, format: ExportFormat? = nil)
    throws -> ExportContents
  {
    var chosen = files.compactMap { file in ExportFormat.detect(file).map { (file, $0) } }
    if let format {
      chosen = chosen.filter { $0.1 == format }
      if chosen.isEmpty, files.count == 1 { chosen = [(files[0], format)] }
    }
    guard let first = chosen.first else {
      if let format, !files.isEmpty {
        throw ExportError.malformed(
          path: path, entry: nil, reason: "is not a \(format.displayName) export")
      }
      throw files.isEmpty ? ExportError.empty(path: path) : ExportError.unrecognised(path: path)
    }
    var contents = ExportContents(format: format ?? first.1)
    if chosen.contains(where: { $0.1 == .omnivore }) {
      contents.append(OmnivoreExportReader.read(files))
    }
    for (file, kind) in chosen where kind != .omnivore {
      contents.append(read(file, as: kind, siblings: files))
    }
    attachDetachedHighlights(&contents)
    if contents.items.isEmpty && contents.detachedHighlights.isEmpty {
      if let problem = contents.problems.first {
        let isWhole = problem.entry == (path as NSString).lastPathComponent
        throw ExportError.malformed(
          path: path, entry: isWhole ? nil : problem.entry, reason: problem.reason)
      }
      throw ExportError.empty(path: path)
    }
    return contents
  }

  static func read(_ file: ExportFile, as format: ExportFormat, siblings: [ExportFile] = [])
    -> ExportContents
  {
    switch format {
    case .pocket:
      let isHTML =
        file.text.prefix(1024).lowercased().contains("<html")
        || file.baseName.lowercased().hasSuffix(".html")
      return isHTML ? PocketHTMLReader.read(file) : PocketCSVReader.read(file)
    case .instapaper: return InstapaperCSVReader.read(file)
    case .readwise: return ReadwiseCSVReader.read(file)
    case .wallabag: return WallabagJSONReader.read(file)
    case .bookmarks: return NetscapeBookmarksReader.read(file)
    case .omnivore: return OmnivoreExportReader.read([file])
    case .links:
      let head = file.text.prefix(4096).drop { $0.isWhitespace || $0 == "\u{FEFF}" }
      if head.hasPrefix("[") || head.hasPrefix("{") {
        return LinkListJSONReader.read(file, siblings: siblings)
      }
      if URLListReader.looksLikeList(String(head)) { return URLListReader.read(file) }
      return LinkListCSVReader.read(CSVTable(file.text), file: file, siblings: siblings)
    }
  }

  /// Gives highlights that name their article by title (and author, when both sides
  /// have one) to the item of the same export with that title; the rest stay detached,
  /// for the library to match.
  static func attachDetachedHighlights(_ contents: inout ExportContents) {
    guard !contents.detachedHighlights.isEmpty else { return }
    var byTitle: [String: [Int]] = [:]
    for (index, item) in contents.items.enumerated() {
      if let title = item.title { byTitle[matchKey(title), default: []].append(index) }
    }
    contents.detachedHighlights = contents.detachedHighlights.filter { detached in
      let candidates = byTitle[matchKey(detached.title)] ?? []
      let match = candidates.first { index in
        guard let author = detached.author, let itemAuthor = contents.items[index].author
        else { return true }
        return matchKey(author) == matchKey(itemAuthor)
      }
      guard let match else { return true }
      contents.items[match].highlights.append(detached.highlight)
      return false
    }
  }

  /// A title or author folded for matching: case, accents and spacing ignored.
  public static func matchKey(_ text: String) -> String {
    text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
      .split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }
}

import Foundation
import LeggioModel

/// Test material from `../shared` (beside the package root, as in CI).
enum Fixtures {
  static let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  static func shared(_ path: String) -> String {
    let url = packageRoot.appendingPathComponent("../shared/\(path)")
    guard let text = try? String(contentsOf: url, encoding: .utf8) else {
      fatalError("missing test material \(url.path); shared/ must sit beside the package")
    }
    return text
  }

  /// The reference article built by hand, as the importer will: kicker, title,
  /// standfirst, credit, byline and dateline as metadata, the body as 4 paragraphs.
  static let referenceArticle: (document: Document, metadata: ArticleMetadata) = {
    let groups = paragraphs(shared("samples/cdt-putin-kim.txt"), keepLineBreaks: true)
    let head = groups[2].components(separatedBy: "\n")
    let metadata = ArticleMetadata(
      title: groups[1], kicker: groups[0], standfirst: head[0], byline: head[2], dateline: head[3],
      imageCredit: head[1], language: "it")
    let body = groups[3...].map { Block(.paragraph, text: $0.trimmingCharacters(in: .whitespaces)) }
    return (Document(blocks: body), metadata)
  }()

  /// Text split into paragraphs on blank lines; lines inside a paragraph kept as hard
  /// breaks (verse) or joined with a space (prose hard-wrapped by its source).
  static func paragraphs(_ text: String, keepLineBreaks: Bool) -> [String] {
    text.replacingOccurrences(of: "\r\n", with: "\n")
      .components(separatedBy: "\n\n")
      .map { $0.trimmingCharacters(in: .newlines) }
      .filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
      .map {
        keepLineBreaks
          ? $0
          : $0.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(
            separator: " ")
      }
  }

  /// A document of paragraphs from a corpus text.
  static func corpusDocument(_ name: String, keepLineBreaks: Bool) -> Document {
    let text = shared("corpus/texts/\(name)")
    return Document(
      blocks: paragraphs(text, keepLineBreaks: keepLineBreaks).map { Block(.paragraph, text: $0) })
  }

  static let promessiSposi = corpusDocument(
    "i-promessi-sposi_pg45334_it.txt", keepLineBreaks: false)
  static let divinaCommedia = corpusDocument("divina-commedia_it.txt", keepLineBreaks: true)
}

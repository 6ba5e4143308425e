import Foundation
import LeggioCore

/// An article as `leggio list --json` and `leggio show --format json` print it. Absent
/// values are written as `null` so every object has every key.
struct ArticleJSON: Encodable {
  struct BlockJSON: Encodable {
    var kind: String
    var text: String
    var level: Int?
  }

  var id: Int64?
  var uuid: String?
  var metadata: ArticleMetadata
  var progress: Double
  var addedAt: Date?
  var words: Int
  var blocks: [BlockJSON]?
  var text: String?

  init(entry: LibraryEntry) {
    id = entry.summary.id
    uuid = entry.summary.uuid
    metadata = entry.metadata
    progress = entry.summary.progress
    addedAt = entry.summary.addedAt
    words = entry.summary.words
  }

  /// An article with its body; `summary` nil for a file shown without being stored.
  init(summary: ArticleSummary?, metadata: ArticleMetadata, document: Document) {
    id = summary?.id
    uuid = summary?.uuid
    self.metadata = metadata
    progress = summary?.progress ?? 0
    addedAt = summary?.addedAt
    let canonical = CanonicalText(document)
    words = summary?.words ?? TextStatistics.wordCount(canonical.text)
    blocks = document.blocks.map { block in
      var level: Int?
      if case .heading(let l) = block.kind { level = l }
      return BlockJSON(kind: block.kindName, text: block.plainText, level: level)
    }
    text = canonical.text
  }

  enum Key: String, CodingKey {
    case id, uuid, title, kicker, standfirst, byline, published, dateline, imageCredit
    case language, source, siteName, tags, progress, addedAt, words, blocks, text
  }

  func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: Key.self)
    try c.encode(id, forKey: .id)
    try c.encode(uuid, forKey: .uuid)
    try c.encode(metadata.title, forKey: .title)
    try c.encode(metadata.kicker, forKey: .kicker)
    try c.encode(metadata.standfirst, forKey: .standfirst)
    try c.encode(metadata.byline, forKey: .byline)
    try c.encode(metadata.published.map(Self.iso8601), forKey: .published)
    try c.encode(metadata.dateline, forKey: .dateline)
    try c.encode(metadata.imageCredit, forKey: .imageCredit)
    try c.encode(metadata.language, forKey: .language)
    try c.encode(metadata.source, forKey: .source)
    try c.encode(metadata.siteName, forKey: .siteName)
    try c.encode(metadata.tags, forKey: .tags)
    try c.encode(progress, forKey: .progress)
    try c.encode(addedAt.map(Self.iso8601), forKey: .addedAt)
    try c.encode(words, forKey: .words)
    if let blocks { try c.encode(blocks, forKey: .blocks) }
    if let text { try c.encode(text, forKey: .text) }
  }

  static func iso8601(_ date: Date) -> String {
    date.formatted(.iso8601)
  }

  /// Pretty JSON with sorted keys; control characters come out escaped.
  static func encode<T: Encodable>(_ value: T) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(value), as: UTF8.self)
  }
}

import Foundation
import LeggioModel
import LeggioStore

/// Articles as `leggio list --json` and `leggio show --format json` print them. Absent
/// values are written as `null` so every object has every key.
enum ArticleJSON {
  /// A library entry: its metadata, id, uuid, progress, date added and word count.
  static func value(_ entry: LibraryEntry) -> JSONValue {
    .fields(members(summary: entry.summary, metadata: entry.metadata, words: entry.summary.words))
  }

  /// An article with its body (`blocks` and canonical `text`); `summary` is nil for a
  /// file shown without being stored. A book adds its `toc` and facts (`BookJSON`).
  static func value(
    summary: ArticleSummary?, metadata: ArticleMetadata, document: Document,
    contents: BookContents? = nil
  ) -> JSONValue {
    let canonical = CanonicalText(document)
    guard
      case .object(var members) = value(
        summary: summary, metadata: metadata,
        words: summary?.words ?? TextStatistics.wordCount(canonical.text))
    else { return .null }
    members["blocks"] = .array(
      document.blocks.map { block in
        var fields: [String: JSONValue] = [
          "kind": .string(block.kindName), "text": .string(block.plainText),
        ]
        switch block.kind {
        case .heading(let level): fields["level"] = .int(Int64(level))
        case .blockQuote(let depth): fields["depth"] = .int(Int64(depth))
        case .listItem(let depth, let ordinal):
          fields["depth"] = .int(Int64(depth))
          fields["ordinal"] = ordinal.map { .int(Int64($0)) } ?? .null
        case .image(let credit): fields["credit"] = credit.json
        case .preformatted: fields["language"] = block.language.json
        case .table(_, let headerRows):
          fields["rows"] = .array(
            block.tableRows.map { row in
              .array(row.map { .string($0.reduce(into: "") { $0 += $1.text }) })
            })
          fields["headerRows"] = .int(Int64(headerRows))
        case .paragraph, .rule: break
        }
        return .object(fields)
      })
    members["text"] = .string(canonical.text)
    if let contents {
      members["toc"] = BookJSON.toc(contents, canonical: canonical)
      members.merge(BookJSON.facts(contents)) { _, new in new }
    }
    return .object(members)
  }

  private static func value(summary: ArticleSummary?, metadata: ArticleMetadata, words: Int)
    -> JSONValue
  {
    .object(
      Dictionary(
        uniqueKeysWithValues: members(summary: summary, metadata: metadata, words: words).map {
          ($0.key, $0.value)
        }))
  }

  /// The metadata members, in key order (`JSONValue.fields`).
  private static func members(summary: ArticleSummary?, metadata: ArticleMetadata, words: Int)
    -> [JSONMember]
  {
    [
      JSONMember("addedAt", summary.map { iso8601($0.addedAt) }.json),
      JSONMember("byline", metadata.byline.json),
      JSONMember("dateline", metadata.dateline.json),
      JSONMember("id", summary.map { .int($0.id) } ?? .null),
      JSONMember("imageCredit", metadata.imageCredit.json),
      JSONMember("kicker", metadata.kicker.json),
      JSONMember("language", metadata.language.json),
      JSONMember("pending", .bool(summary?.isPending ?? false)),
      JSONMember("progress", .double(summary?.progress ?? 0)),
      JSONMember("published", metadata.published.map(iso8601).json),
      JSONMember("siteName", metadata.siteName.json),
      JSONMember("source", metadata.source.json),
      JSONMember("standfirst", metadata.standfirst.json),
      JSONMember("starred", .bool(summary?.isStarred ?? false)),
      JSONMember("tags", .array(metadata.tags.map(JSONValue.string))),
      JSONMember("title", .string(metadata.title)),
      JSONMember("uuid", summary.map { .string($0.uuid) } ?? .null),
      JSONMember("words", .int(Int64(words))),
    ]
  }

  /// ISO 8601 in the local time zone, `2023-08-16T20:24:00+02:00`, so the wall-clock
  /// time reads as the article's dateline does.
  static func iso8601(_ date: Date) -> String {
    let written = ISO8601Text.local(date) ?? foundationISO8601(date)
    assert(written == foundationISO8601(date))
    return written
  }

  /// What `iso8601` writes, by Foundation (about 5 µs a date: 10% of `list --json`).
  static func foundationISO8601(_ date: Date) -> String {
    date.formatted(Date.ISO8601FormatStyle(timeZoneSeparator: .colon, timeZone: .current))
  }
}

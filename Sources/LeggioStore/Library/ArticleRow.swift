import Foundation
import GRDB
import LeggioModel

/// The columns of `article` that lists and readers need, read by position: looking
/// columns up by name costs more than the query itself when 10,000 rows are listed.
struct ArticleRow {
  /// The SELECT list, table alias `a`, in the order `init` reads it.
  static let columns = """
    a.id, a.uuid, a.title, a.kicker, a.siteName, a.byline, a.published, a.createdAt, \
    a.progress, a.readAt, a.words, a.standfirst, a.dateline, a.imageCredit, a.language, a.source, \
    a.starred, EXISTS (SELECT 1 FROM fetch_queue q WHERE q.articleUUID = a.uuid)
    """

  var summary: ArticleSummary
  var standfirst: String?
  var dateline: String?
  var imageCredit: String?
  var language: String?
  var source: String?

  init(_ row: Row) {
    // Dates without GRDB's calendar (`DatabaseDate.date`); `readAt` is only looked at.
    summary = ArticleSummary(
      id: row[0], uuid: row[1], title: row[2], kicker: row[3], siteName: row[4], byline: row[5],
      published: DatabaseDate.date(row[6]),
      addedAt: DatabaseDate.date(row[7]) ?? Date(timeIntervalSince1970: 0),
      progress: row[8], isUnread: row.hasNull(atIndex: 9), words: row[10], isStarred: row[16],
      isPending: row[17])
    standfirst = row[11]
    dateline = row[12]
    imageCredit = row[13]
    language = row[14]
    source = row[15]
  }

  var metadata: ArticleMetadata {
    ArticleMetadata(
      title: summary.title, kicker: summary.kicker, standfirst: standfirst,
      byline: summary.byline, published: summary.published, dateline: dateline,
      imageCredit: imageCredit, language: language, source: source, siteName: summary.siteName,
      tags: summary.tags)
  }

  /// The rows of `sql` (which selects `columns`), with their tags filled in.
  static func fetchAll(_ db: Database, sql: String, arguments: StatementArguments) throws
    -> [ArticleRow]
  {
    var rows = try Row.fetchAll(db, sql: sql, arguments: arguments).map(ArticleRow.init)
    try fillTags(db, &rows)
    return rows
  }

  /// The rows of `sql` handed to `body` as they are read, `chunk` at a time (the tags of
  /// a chunk are read in one query): memory stays that of one chunk however many rows.
  static func forEach(
    _ db: Database, sql: String, arguments: StatementArguments, chunk: Int = 500,
    _ body: (ArticleRow) throws -> Void
  ) throws {
    let cursor = try Row.fetchCursor(db, sql: sql, arguments: arguments)
    var rows: [ArticleRow] = []
    rows.reserveCapacity(chunk)
    func flush() throws {
      try fillTags(db, &rows)
      for row in rows { try body(row) }
      rows.removeAll(keepingCapacity: true)
    }
    while let row = try cursor.next() {
      rows.append(ArticleRow(row))
      if rows.count == chunk { try flush() }
    }
    try flush()
  }

  /// Fills in the tags of `rows`.
  static func fillTags(_ db: Database, _ rows: inout [ArticleRow]) throws {
    guard !rows.isEmpty else { return }
    var positions: [String: Int] = [:]
    for (index, row) in rows.enumerated() { positions[row.summary.uuid] = index }
    // In chunks: SQLite limits the number of parameters of one statement.
    let uuids = rows.map(\.summary.uuid)
    for start in stride(from: 0, to: uuids.count, by: 500) {
      let chunk = Array(uuids[start..<min(start + 500, uuids.count)])
      let cursor = try Row.fetchCursor(
        db,
        sql: """
          SELECT a.uuid, t.tag FROM article_tag t JOIN article a ON a.id = t.articleId
          WHERE t.deletedAt IS NULL AND a.uuid IN (\(chunk.map { _ in "?" }.joined(separator: ",")))
          ORDER BY t.tag COLLATE NOCASE
          """, arguments: StatementArguments(chunk))
      while let tagRow = try cursor.next() {
        if let index = positions[tagRow[0]] { rows[index].summary.tags.append(tagRow[1]) }
      }
    }
  }
}

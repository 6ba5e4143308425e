import GRDB
import Synchronization

/// Finds the first articles of a list that a word filter matches by reading the list in
/// its own order and testing its articles against the filter in a small index of their
/// own (issue 17).
///
/// FTS5 (SQLite 3.40) answers a prefix query by merging the postings of every word with
/// that prefix before it returns a row: `l*` over a million articles reads a million
/// postings (0.17 s of CPU) however few rows are shown, and the first screen was then
/// sorted out of all the matches. A filter being typed is short and matches much of the
/// library, so its first screen is found here instead: the list's articles are read in
/// order, a chunk at a time, their title, byline and text (the index's own view,
/// `article_search`) go into an in-memory FTS5 table with the library index's tokenizer,
/// and that table is asked the same MATCH. The same articles match, and the work is that
/// of the rows wanted, whatever the library's size. When the filter matches few of the
/// articles read, the probe gives up after its budget and the library's index answers:
/// there, few matches are cheap.
final class FilterProbe: Sendable {
  /// What a probe found.
  struct Outcome {
    /// The matching ids, in the list's order.
    var ids: [Int64]
    /// The list ended before `need` matches: `ids` holds every match.
    var listEnded: Bool
  }

  /// The in-memory index, made on first use and emptied before each chunk.
  private let database = Mutex<DatabaseQueue?>(nil)

  /// The first `need` matches of `match` among the ids `candidates` yields, in its order;
  /// nil when more than `budget` articles (or `textBudget` bytes of their text) were read
  /// first. `candidates` is read on `db`, which also gives the articles' texts.
  func firstMatches(
    _ db: Database, candidates: RowCursor, match: String, need: Int, budget: Int,
    textBudget: Int = 16 << 20
  ) throws -> Outcome? {
    let index = try probeDatabase()
    var ids: [Int64] = []
    var (tested, textRead, chunkSize) = (0, 0, 16)
    while ids.count < need {
      var chunk: [Int64] = []
      while chunk.count < chunkSize, let row = try candidates.next() { chunk.append(row[0]) }
      if chunk.isEmpty { return Outcome(ids: ids, listEnded: true) }
      if tested >= budget || textRead >= textBudget { return nil }
      tested += chunk.count
      // One id at a time: given a long `IN` list, SQLite (without statistics) walks an
      // index of every article instead of looking each one up.
      let statement = try db.cachedStatement(
        sql: "SELECT id, title, byline, text FROM article_search WHERE id = ?")
      let texts = try chunk.compactMap { try Row.fetchOne(statement, arguments: [$0]) }
      textRead += texts.reduce(0) { $0 + (($1[3] as String?)?.utf8.count ?? 0) }
      let found = try index.write { probe in
        try probe.execute(sql: "INSERT INTO probe (probe) VALUES ('delete-all')")
        let insert = try probe.cachedStatement(
          sql: "INSERT INTO probe (rowid, title, byline, text) VALUES (?, ?, ?, ?)")
        for row in texts {
          try insert.execute(arguments: [row[0], row[1], row[2], row[3]])
        }
        return Set(
          try Int64.fetchAll(
            probe, sql: "SELECT rowid FROM probe WHERE probe MATCH ?", arguments: [match]))
      }
      ids += chunk.lazy.filter { found.contains($0) }.prefix(need - ids.count)
      chunkSize = min(512, chunkSize * 2)
    }
    return Outcome(ids: ids, listEnded: false)
  }

  private func probeDatabase() throws -> DatabaseQueue {
    try database.withLock { database in
      if let database { return database }
      let made = try DatabaseQueue()
      // Contentless: only rowids are asked for, and `delete-all` empties it at once.
      try made.write { db in
        try db.execute(
          sql: """
            CREATE VIRTUAL TABLE probe USING fts5(
              title, byline, text, content = '', tokenize = '\(SearchIndex.tokenizer)'
            )
            """)
      }
      database = made
      return made
    }
  }
}

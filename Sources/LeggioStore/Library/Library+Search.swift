import GRDB

extension Library {
  /// Articles matching `query` over title, byline and text, best first (`leggio_rank`, a
  /// bm25 that reads no text, the title weighing most; `SearchRank`), each with a snippet
  /// around its match. Any text is a valid query. A snippet costs the same however many
  /// times the words occur (see `SearchSnippet`).
  ///
  /// A phrase of several words is asked of the index as all of its words (it keeps no
  /// positions, `FTSQuery`); the candidates are taken in rank order and each is kept when
  /// its text holds the phrase (`PhraseCheck`, in the same statement), until `limit` are
  /// found: the texts read are those of the first candidates, not of every article
  /// holding the words.
  public func search(_ query: String, limit: Int = 50) throws -> [SearchHit] {
    guard let words = FTSQuery(query, prefixLast: true), limit > 0 else { return [] }
    try catchUpSearchIndex()
    let snippets = SearchSnippet(query: query, prefixLast: true)
    return try writer.read { db in
      let ranked = """
        SELECT a.id, \(SearchRank.score) AS score
        FROM article_fts JOIN article a ON a.id = article_fts.rowid
        WHERE article_fts MATCH ? AND a.deletedAt IS NULL
        ORDER BY score, a.id DESC
        """
      let hits: [(id: Int64, score: Double)]
      if words.checksPhrases {
        // Every candidate is ranked first (the LIMIT keeps SQLite from checking the phrase
        // before the sort), then checked in that order until `limit` hold the phrase.
        hits = try Row.fetchAll(
          db,
          sql: """
            SELECT r.id, r.score FROM (\(ranked) LIMIT -1) r
            CROSS JOIN article a ON a.id = r.id
            WHERE \(PhraseCheck.condition) LIMIT ?
            """,
          arguments: [words.indexMatch, words.indexMatch, words.match, words.match, limit]
        ).map { ($0[0], $0[1]) }
      } else {
        hits = try Row.fetchAll(
          db, sql: ranked + " LIMIT ?", arguments: [words.indexMatch, words.indexMatch, limit]
        ).map { ($0[0], $0[1]) }
      }
      // Only the hits' texts are read, one lookup each.
      let article = try db.cachedStatement(
        sql: """
          SELECT a.uuid, a.title, a.byline, s.text FROM article a
          JOIN article_search s ON s.id = a.id WHERE a.id = ?
          """)
      return try hits.compactMap { hit in
        guard let row = try Row.fetchOne(article, arguments: [hit.id]) else { return nil }
        let text: String = row["text"] ?? ""
        let title: String = row["title"] ?? ""
        let (snippet, matches) =
          snippets.snippet(of: text) ?? snippets.snippet(of: title)
          ?? (snippets.opening(of: text), [])
        return SearchHit(
          id: hit.id, uuid: row["uuid"], title: title, byline: row["byline"],
          snippet: snippet, matches: matches, score: hit.score)
      }
    }
  }

  /// Indexes the articles that feed updates left for the search index (`SearchIndex`),
  /// 5,000 to a transaction so that another writer waits for one step at most; `progress`
  /// hears how many of how many are done. Costs one lookup when none wait, as after any
  /// other change (the index follows those at once). Searches and lists filtered by words
  /// call it first, so they never miss an article; the interface calls it after an
  /// update. A read-only library cannot: its newest feed items are not found until it
  /// is opened writable.
  public func catchUpSearchIndex(progress: ((_ done: Int, _ total: Int) -> Void)? = nil) throws {
    guard !isReadOnly, try writer.read({ try SearchIndex.hasPending($0) }) else { return }
    let total = try writer.read { try SearchIndex.pendingCount($0) }
    var done = 0
    while true {
      let taken = try writer.write { db in
        // A step writes about 7 MB of index: in SQLite's default 2 MB cache it spills.
        try db.execute(sql: "PRAGMA cache_size = -16384")
        return try SearchIndex.catchUp(limit: 5000, db)
      }
      guard taken > 0 else { return }
      done += taken
      progress?(min(done, total), total)
    }
  }

  /// The filter of a list query, after `catchUpSearchIndex` when it searches words.
  func listFilter(_ query: ArticleQuery) throws -> ListFilter {
    if query.search != nil { try catchUpSearchIndex() }
    return ListFilter(query)
  }
}

import GRDB

extension Library {
  /// Articles matching `query` over title, byline and text, best first (bm25, the title
  /// weighing most), each with a snippet around its match. Any text is a valid query.
  /// A snippet costs the same however many times the words occur (see `SearchSnippet`).
  public func search(_ query: String, limit: Int = 50) throws -> [SearchHit] {
    guard let match = FTSQuery.match(query, prefixLast: true), limit > 0 else { return [] }
    let snippets = SearchSnippet(query: query, prefixLast: true)
    return try writer.read { db in
      let rows = try Row.fetchAll(
        db,
        sql: """
          SELECT a.id, a.uuid, a.title, a.byline, article_fts.text AS text,
            bm25(article_fts, 10.0, 3.0, 1.0) AS score
          FROM article_fts JOIN article a ON a.id = article_fts.rowid
          WHERE article_fts MATCH ? AND a.deletedAt IS NULL
          ORDER BY score, a.id DESC
          LIMIT ?
          """,
        arguments: [match, limit])
      return rows.map { row in
        let text: String = row["text"] ?? ""
        let title: String = row["title"] ?? ""
        let (snippet, matches) =
          snippets.snippet(of: text) ?? snippets.snippet(of: title)
          ?? (snippets.opening(of: text), [])
        return SearchHit(
          id: row["id"], uuid: row["uuid"], title: title, byline: row["byline"],
          snippet: snippet, matches: matches, score: row["score"])
      }
    }
  }
}

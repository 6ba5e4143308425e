import GRDB

extension Library {
  /// Private-use scalars that `snippet()` puts around matches; removed before returning.
  private static let openMark: Unicode.Scalar = "\u{E000}"
  private static let closeMark: Unicode.Scalar = "\u{E001}"

  /// Articles matching `query` over title, byline and text, best first (bm25, the title
  /// weighing most), each with a snippet around its match. Any text is a valid query.
  public func search(_ query: String, limit: Int = 50) throws -> [SearchHit] {
    guard let match = FTSQuery.match(query, prefixLast: true), limit > 0 else { return [] }
    return try writer.read { db in
      let rows = try Row.fetchAll(
        db,
        sql: """
          SELECT a.id, a.uuid, a.title, a.byline,
            snippet(article_fts, -1, ?, ?, '…', 16) AS snippet,
            bm25(article_fts, 10.0, 3.0, 1.0) AS score
          FROM article_fts JOIN article a ON a.id = article_fts.rowid
          WHERE article_fts MATCH ? AND a.deletedAt IS NULL
          ORDER BY score, a.id DESC
          LIMIT ?
          """,
        arguments: [String(Self.openMark), String(Self.closeMark), match, limit])
      return rows.map { row in
        let (snippet, matches) = Self.unmark(row["snippet"] ?? "")
        return SearchHit(
          id: row["id"], uuid: row["uuid"], title: row["title"], byline: row["byline"],
          snippet: snippet, matches: matches, score: row["score"])
      }
    }
  }

  /// Removes the match marks, returning the plain snippet (line breaks made spaces) and
  /// the scalar ranges that were marked.
  static func unmark(_ marked: String) -> (String, [Range<Int>]) {
    var plain = String.UnicodeScalarView()
    var matches: [Range<Int>] = []
    var start: Int?
    var count = 0
    for scalar in marked.unicodeScalars {
      switch scalar {
      case openMark: start = count
      case closeMark:
        if let lower = start, lower < count { matches.append(lower..<count) }
        start = nil
      case "\n", "\r", "\t":
        plain.append(" ")
        count += 1
      default:
        plain.append(scalar)
        count += 1
      }
    }
    return (String(plain), matches)
  }
}

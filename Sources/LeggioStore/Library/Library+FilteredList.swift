import GRDB

/// A list filtered by words, read as fast from a million articles as from ten thousand
/// (issue 17): its windows and, while the filter is typed, its count are found by
/// `FilterProbe`, which reads the list in its order and stops when it has enough.
extension Library {
  /// How many articles a probe may test per row wanted before it leaves the list to the
  /// search index (the filter then matches fewer than one article in four), and at least.
  static let probeArticlesPerRow = 4
  static let probeMinimumBudget = 2_000
  /// Below this many articles the search index answers at once (21 ms a key at 10,000,
  /// where the probe takes about twice that); the probe's cost does not grow with the
  /// library, the index's does.
  static let probeMinimumArticles = 20_000

  /// How many articles match `query`, up to `cap`: the exact count when `query` matches
  /// fewer (or filters by no words), else `cap` and `isExact` false. Counting every
  /// match of a short filter over a million articles is what made typing slow; a header
  /// that says "100+" while the filter is typed needs only the first thousand.
  public func count(_ query: ArticleQuery, atMost cap: Int) throws -> (
    count: Int, isExact: Bool
  ) {
    try count(query, atMost: cap, probingAbove: Self.probeMinimumArticles)
  }

  /// `count(_:atMost:)`, probing only a library of more than `threshold` articles.
  func count(_ query: ArticleQuery, atMost cap: Int, probingAbove threshold: Int) throws -> (
    count: Int, isExact: Bool
  ) {
    guard let match = query.search.flatMap({ FTSQuery.match($0, prefixLast: true) }), cap > 0
    else { return (try count(query), true) }
    _ = try listFilter(query)
    let probed = try writer.read { db -> FilterProbe.Outcome? in
      guard try ArticleCounts.fetch(db).total > threshold else { return nil }
      return try probe(db, query, match: match, order: ListFilter.order(query.sort), need: cap)
    }
    guard let probed else { return (try count(query), true) }
    return probed.listEnded ? (probed.ids.count, true) : (cap, false)
  }

  /// Rows `skip..<skip+take` of `query` in `order`, when it filters by words, the library
  /// has more than `threshold` articles and the probe finds them within its budget; nil
  /// to read them through the search index.
  func probedRows(
    _ db: Database, _ query: ArticleQuery, order: String, skip: Int, take: Int,
    probingAbove threshold: Int
  ) throws -> [ArticleSummary]? {
    guard let match = query.search.flatMap({ FTSQuery.match($0, prefixLast: true) }),
      try ArticleCounts.fetch(db).total > threshold,
      let probed = try probe(db, query, match: match, order: order, need: skip + take)
    else { return nil }
    let ids = Array(probed.ids.dropFirst(skip))
    guard !ids.isEmpty else { return [] }
    let rows = try ArticleRow.fetchAll(
      db,
      sql: """
        SELECT \(ArticleRow.columns) FROM article a
        WHERE a.id IN (\(ids.map(String.init).joined(separator: ",")))
        """, arguments: [])
    let byID = Dictionary(rows.map { ($0.summary.id, $0.summary) }, uniquingKeysWith: { a, _ in a })
    return ids.compactMap { byID[$0] }
  }

  /// The first `need` matches of `match` in the list of `query` without its words.
  private func probe(
    _ db: Database, _ query: ArticleQuery, match: String, order: String, need: Int
  ) throws -> FilterProbe.Outcome? {
    var unfiltered = query
    unfiltered.search = nil
    let filter = ListFilter(unfiltered)
    let candidates = try Row.fetchCursor(
      db, sql: "SELECT a.id FROM article a WHERE \(filter.sql) ORDER BY \(order)",
      arguments: filter.arguments)
    return try filterProbe.firstMatches(
      db, candidates: candidates, match: match, need: need,
      budget: max(Self.probeMinimumBudget, need * Self.probeArticlesPerRow))
  }
}

import Foundation
import GRDB
import GRDBSQLite

extension Library {
  /// Every article of the list for `query`, in order, handed to `body` as it is read from
  /// SQLite's statement: `forEachEntry` without its records, for `leggio list` and
  /// `list --json` (100,000 articles: 1 s of CPU through records, a fraction of it here).
  /// The tags come in the same query, one row per tag (an index lookup each), instead of a
  /// query per chunk of articles.
  package func forEachListing(_ query: ArticleQuery, _ body: (ListingRow) throws -> Void)
    throws
  {
    let filter = try listFilter(query)
    try writer.read { db in
      let statement = try db.makeStatement(sql: Self.listingSQL(filter, query.sort))
      try statement.setArguments(filter.arguments)
      var reader = ListingReader(statement: statement.sqliteStatement)
      defer { sqlite3_reset(statement.sqliteStatement) }
      while true {
        let code = sqlite3_step(statement.sqliteStatement)
        if code == SQLITE_DONE { break }
        guard code == SQLITE_ROW else {
          let message = sqlite3_errmsg(db.sqliteConnection).map { String(cString: $0) }
          throw DatabaseError(
            resultCode: ResultCode(rawValue: code), message: message, sql: statement.sql)
        }
        try reader.read(then: body)
      }
      try reader.finish(then: body)
    }
  }

  /// The listing's query: the article's columns (numbers and dates first, then the texts
  /// in `ListingRow.Field` order), and one of its tags, NULL when it has none. Each order
  /// ends in `a.id`, so an article's rows come together.
  static func listingSQL(_ filter: ListFilter, _ sort: ArticleSort) -> String {
    """
    SELECT a.id, a.words, a.progress, a.readAt IS NULL, a.starred,
      EXISTS (SELECT 1 FROM fetch_queue q WHERE q.articleUUID = a.uuid), a.published, a.createdAt,
      a.uuid, a.title, a.kicker, a.siteName, a.byline, a.standfirst, a.dateline, a.imageCredit,
      a.language, a.source, listed_tag.tag
    FROM article a LEFT JOIN article_tag listed_tag
      ON listed_tag.articleId = a.id AND listed_tag.deletedAt IS NULL
    WHERE \(filter.sql) ORDER BY \(ListFilter.order(sort))
    """
  }
}

/// Gathers the rows of one article (one per tag) into reused buffers, and hands the
/// article on once the next one's first row, or the end, shows that it is whole.
private struct ListingReader {
  private static let firstText: Int32 = 8
  private static let tagColumn: Int32 = 18

  let statement: OpaquePointer
  private var bytes: [UInt8] = []
  private var spans = [Int](repeating: -1, count: 2 * ListingRow.Field.allCases.count)
  private var tagSpans: [Int] = []
  private var current: (id: Int64, numbers: Numbers)?

  /// The columns that are not texts.
  private struct Numbers {
    var words: Int
    var progress: Double
    var isUnread: Bool
    var isStarred: Bool
    var isPending: Bool
    var addedAt: Date
    var published: Date?
  }

  init(statement: OpaquePointer) {
    self.statement = statement
    bytes.reserveCapacity(1 << 14)
  }

  /// Takes in the statement's current row; hands on the article before it if this row
  /// starts another.
  mutating func read(then body: (ListingRow) throws -> Void) throws {
    let id = sqlite3_column_int64(statement, 0)
    if let current, current.id == id {
      appendTag()
      return
    }
    try finish(then: body)
    bytes.removeAll(keepingCapacity: true)
    tagSpans.removeAll(keepingCapacity: true)
    for field in ListingRow.Field.allCases {
      let (start, count) = append(column: Self.firstText + Int32(field.rawValue))
      spans[2 * field.rawValue] = start
      spans[2 * field.rawValue + 1] = count
    }
    appendTag()
    current = (
      id,
      Numbers(
        words: Int(sqlite3_column_int64(statement, 1)),
        progress: sqlite3_column_double(statement, 2),
        isUnread: sqlite3_column_int64(statement, 3) != 0,
        isStarred: sqlite3_column_int64(statement, 4) != 0,
        isPending: sqlite3_column_int64(statement, 5) != 0,
        addedAt: date(column: 7) ?? Date(timeIntervalSince1970: 0), published: date(column: 6))
    )
  }

  /// Hands on the article gathered so far, if any.
  mutating func finish(then body: (ListingRow) throws -> Void) throws {
    guard let (id, numbers) = current else { return }
    current = nil
    sortTags()
    try bytes.withUnsafeBufferPointer { bytes in
      try spans.withUnsafeBufferPointer { spans in
        try tagSpans.withUnsafeBufferPointer { tagSpans in
          try body(
            ListingRow(
              id: id, words: numbers.words, progress: numbers.progress,
              isUnread: numbers.isUnread, isStarred: numbers.isStarred,
              isPending: numbers.isPending, addedAt: numbers.addedAt,
              published: numbers.published, bytes: bytes, spans: spans, tagSpans: tagSpans))
        }
      }
    }
  }

  /// Copies the text of `column` into `bytes`: its start and length, length -1 for NULL.
  /// Up to its first NUL, as GRDB reads text (`String(cString:)`).
  private mutating func append(column: Int32) -> (start: Int, count: Int) {
    guard sqlite3_column_type(statement, column) != SQLITE_NULL,
      let text = sqlite3_column_text(statement, column)
    else { return (bytes.count, -1) }
    let length = Int(sqlite3_column_bytes(statement, column))
    let count = strnlen(UnsafeRawPointer(text).assumingMemoryBound(to: CChar.self), length)
    let start = bytes.count
    bytes.append(contentsOf: UnsafeBufferPointer(start: text, count: count))
    return (start, count)
  }

  private mutating func appendTag() {
    let (start, count) = append(column: Self.tagColumn)
    guard count >= 0 else { return }
    tagSpans.append(start)
    tagSpans.append(count)
  }

  /// The date in `column` as `DatabaseDate.date` reads it, straight from the bytes when
  /// they are in the library's own form.
  private func date(column: Int32) -> Date? {
    switch sqlite3_column_type(statement, column) {
    case SQLITE_NULL: return nil
    case SQLITE_TEXT:
      if let text = sqlite3_column_text(statement, column) {
        let length = Int(sqlite3_column_bytes(statement, column))
        if let date = DatabaseDate.parse(bytes: UnsafeBufferPointer(start: text, count: length)) {
          return date
        }
      }
    default: break
    }
    return DatabaseDate.date(DatabaseValue(sqliteStatement: statement, index: column))
  }

  /// The tags in `ORDER BY tag COLLATE NOCASE` order: bytes compared with ASCII letters
  /// folded to lower case (an article holds no two tags equal in that collation).
  private mutating func sortTags() {
    let count = tagSpans.count / 2
    guard count > 1 else { return }
    var pairs = (0..<count).map { (tagSpans[2 * $0], tagSpans[2 * $0 + 1]) }
    bytes.withUnsafeBufferPointer { bytes in
      pairs.sort { left, right in
        Self.noCaseLess(
          UnsafeBufferPointer(rebasing: bytes[left.0..<left.0 + left.1]),
          UnsafeBufferPointer(rebasing: bytes[right.0..<right.0 + right.1]))
      }
    }
    for (index, pair) in pairs.enumerated() {
      tagSpans[2 * index] = pair.0
      tagSpans[2 * index + 1] = pair.1
    }
  }

  /// SQLite's NOCASE: ASCII upper case folded, then bytes compared, the shorter first.
  static func noCaseLess(_ left: UnsafeBufferPointer<UInt8>, _ right: UnsafeBufferPointer<UInt8>)
    -> Bool
  {
    for (a, b) in zip(left, right) {
      let x = (65...90).contains(a) ? a + 32 : a
      let y = (65...90).contains(b) ? b + 32 : b
      if x != y { return x < y }
    }
    return left.count < right.count
  }
}

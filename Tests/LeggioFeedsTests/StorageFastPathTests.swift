import Foundation
import GRDB
import Testing

@testable import LeggioModel
@testable import LeggioStore

/// The shortcuts that make storing a large feed fast write exactly what the general
/// code writes.
@Suite struct StorageFastPathTests {
  @Test func datesAreWrittenAsGRDBWritesThem() {
    var generator = SystemRandomNumberGenerator()
    var dates = [
      Date(timeIntervalSince1970: 0), Date(timeIntervalSince1970: 1_757_000_000),
      Date(timeIntervalSince1970: 1_757_000_000.0004),
      Date(timeIntervalSince1970: 1_757_000_000.0005),
      Date(timeIntervalSince1970: 1_757_000_000.9996), Date(timeIntervalSince1970: 253_402_300_799),
      Date(),
    ]
    dates += (0..<20_000).map { _ in
      Date(timeIntervalSince1970: Double.random(in: 0..<4_102_444_800, using: &generator))
    }
    for date in dates {
      #expect(DatabaseDate.value(date) == date.databaseValue, "\(date.timeIntervalSince1970)")
    }
    // Before 1970 the formatter's own calendar rules: GRDB formats those.
    let old = Date(timeIntervalSince1970: -12_000_000_000)
    #expect(DatabaseDate.text(old) == nil)
    #expect(DatabaseDate.value(old) == old.databaseValue)
    #expect(DatabaseDate.value(nil) == .null)
  }

  @Test func latinTitlesFoldAsFoundationFoldsThem() {
    for value in 0x20..<0x250 where !(0x7F..<0xA0).contains(value) {
      let text = "x" + String(Unicode.Scalar(value)!) + "Y"
      #expect(
        ArticleColumns.latinFolded(text) == ArticleColumns.foldedByFoundation(text), "\(value)")
    }
    for title in [
      "Più città, meno governo", "L'Ÿonne et l'Œuvre", "ÆØÅ Straße", "«Perché» — disse", "ǅemal",
      "¿Qué?", "“Citazione”", "...e poi",
    ] {
      let foundation = ArticleColumns.foldedByFoundation(title)
      #expect(ArticleColumns.latinFolded(title).map { $0 == foundation } ?? true, "\(title)")
      #expect(
        ArticleColumns.sortKey(title)
          == String(foundation.drop { !$0.isLetter && !$0.isNumber }), "\(title)")
    }
    #expect(ArticleColumns.latinFolded("東京") == nil)
    #expect(ArticleColumns.latinFolded("e\u{301}") == nil)
    #expect(ArticleColumns.sortKey("«Più» città") == "piu» citta")
    #expect(ArticleColumns.sortKey("Zebra") == "zebra")
  }

  @Test func plainWebAddressesGetTheKeyURLComponentsGives() throws {
    var sources = [
      "http://example.org/articles/1.html", "https://Example.ORG", "https://example.org/",
      "https://example.org/a/b/../c", "http://example.org/path;param=1/x@y:z",
      "https://example.org/a%20b", "https://example.org/a b", "https://example.org/é",
      "https://user@example.org/", "https://example.org:443/x", "https://example.org:8080/x",
      "https://example.org/x?utm_source=a&id=2", "https://example.org/x#part",
      "HTTP://example.org/x", "https://[::1]/x", "https://exa_mple.org/x", " https://example.org/x",
    ]
    let files = FileManager.default.enumerator(atPath: FeedFixtures.corpus.path)!
    while let path = files.nextObject() as? String {
      guard let feed = try? FeedFixtures.parseCorpus(path) else { continue }
      sources += feed.items.compactMap(\.link)
    }
    var fast = 0
    for source in sources {
      guard let key = SourceIdentity.plainWebKey(source) else { continue }
      fast += 1
      #expect(key == SourceIdentity.parsedKey(for: source), "\(source)")
    }
    #expect(fast > 40)
    #expect(SourceIdentity.plainWebKey("https://example.org/x?a=1") == nil)
    #expect(SourceIdentity.plainWebKey("https://example.org/a%20b") == nil)
  }

  @Test func bulkStatementsBindTextNullsAndNumbersAndReportConstraintErrors() throws {
    let queue = try DatabaseQueue()
    try queue.write { db in
      try db.execute(sql: "CREATE TABLE t (a TEXT NOT NULL UNIQUE, b TEXT, c INTEGER, d REAL)")
      let insert = try BulkStatement(db, sql: "INSERT INTO t (a, b, c, d) VALUES (?, ?, ?, ?)")
      try insert.execute { row in
        row.text("")
        row.text(nil)
        row.integer(42)
        row.value(2.5.databaseValue)
      }
      try insert.execute { row in
        row.text("città «x»")
        row.text("b")
        row.integer(nil as Int64?)
        row.value(.null)
      }
      let rows = try Row.fetchAll(db, sql: "SELECT a, b, c, d FROM t ORDER BY rowid")
      #expect(rows[0] == ["a": "", "b": nil, "c": 42, "d": 2.5])
      #expect(rows[1] == ["a": "città «x»", "b": "b", "c": nil, "d": nil])
      let error = try #require(throws: DatabaseError.self) {
        try insert.execute { row in
          row.text("")
          row.text(nil)
          row.integer(1)
          row.value(.null)
        }
      }
      #expect(error.resultCode == .SQLITE_CONSTRAINT)
      let find = try BulkStatement(db, sql: "SELECT c, a FROM t WHERE b = ?")
      #expect(try find.step({ $0.text("b") }) { $0.text(1) } == "città «x»")
      #expect(try find.step({ $0.text("none") }) { $0.text(1) } == nil)
    }
  }

  @Test func latinLettersCountAsWordsAsTheirUnicodePropertiesSay() {
    for value in 0xC0...0x24F {
      let scalar = Unicode.Scalar(value)!
      let isWord = scalar.properties.isAlphabetic || scalar.properties.numericType != nil
      #expect(TextStatistics.wordCount("a \(scalar) b") == (isWord ? 3 : 2), "\(value)")
    }
  }

  @Test func identifierStringsAreLowercaseVersion7UUIDs() throws {
    for _ in 0..<1000 {
      let text = UUIDv7.string()
      let uuid = try #require(UUID(uuidString: text))
      #expect(text == uuid.uuidString.lowercased())
      #expect(uuid.uuid.6 >> 4 == 7)
      #expect(uuid.uuid.8 >> 6 == 2)
    }
  }
}

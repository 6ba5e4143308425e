import Foundation
import LeggioModel
import LeggioStore
import Testing

/// `list` and `list --json` write each article from SQLite's row as bytes (issue 17); the
/// hidden `--records` flag prints through the library's records as they did before. The
/// two must print the same bytes for every kind of article and text.
@Suite struct CLIListingPathTests {
  @Test func theByteListPrintsWhatTheRecordsPrintForEveryKindOfArticle() throws {
    let cli = try CLIHarness()
    try Self.fillOddLibrary(at: cli.libraryPath)

    var runs: [([String], [String: String])] = []
    for arguments in [
      ["list"], ["list", "--json"], ["list", "--sort", "title"], ["list", "--json", "--unread"],
      ["list", "--tag", "alpha"], ["list", "--json", "--starred"], ["list", "--sort", "progress"],
      ["list", "--json", "--sort", "published"], ["list", "--pending"],
    ] {
      runs.append((arguments, [:]))
    }
    // Local times across offsets (half and three-quarter hours, summer time).
    for zone in ["Europe/Rome", "America/St_Johns", "Asia/Kathmandu"] {
      runs.append((["list", "--json"], ["TZ": zone]))
    }
    // Titles cut to a terminal's width.
    for columns in ["40", "72"] { runs.append((["list"], ["COLUMNS": columns])) }

    for (arguments, environment) in runs {
      let bytes = try cli.run(arguments, extraEnvironment: environment)
      let records = try cli.run(arguments + ["--records"], extraEnvironment: environment)
      #expect(bytes.status == 0 && records.status == 0)
      #expect(!records.stdout.isEmpty)
      #expect(
        Array(bytes.stdout.utf8) == Array(records.stdout.utf8),
        "\(arguments.joined(separator: " ")) \(environment)")
    }

    // What the comparison covered is there: the removed article is not, the tags are in
    // order without the untagged one, bad bytes are replaced and nothing unsafe escapes.
    let json = try cli.listJSON()
    #expect(json.count == 6)
    #expect(!json.contains { ($0["title"] as? String) == "Tolto" })
    let tags = json.first { ($0["title"] as? String)?.hasPrefix("Città") == true }?["tags"]
    #expect(tags as? [String] == ["Alpha", "beta", "zeta", "Ümlaut"])
    #expect(json.contains { ($0["siteName"] as? String) == "Citt\u{E0}\u{FFFD} \u{20AC}" })
    #expect(json.contains { ($0["pending"] as? Bool) == true })
    let table = try cli.run("list")
    #expect(!table.stdout.contains("\u{1B}"))
    #expect(table.stdout.contains("38%"))
  }

  /// Articles with every metadata field, tags in mixed case, progress, a star, a removed
  /// one, a pending one, dates before 1970 and before the year 1000, control and
  /// invisible characters, invalid UTF-8 and a NUL.
  static func fillOddLibrary(at path: String) throws {
    let library = try Library(path: path)
    func add(_ metadata: ArticleMetadata, _ text: String, tags: [String] = []) throws -> Int64 {
      try library.add(
        ImportedArticle(
          metadata: metadata, document: Document(blocks: [Block(.paragraph, text: text)])),
        tags: tags
      ).id
    }
    let full = try add(
      ArticleMetadata(
        title: "Città \"virgolette\" e \\ barra\tcon tab", kicker: "Occhiello",
        standfirst: "Sommario\nsu due righe", byline: "Di Qualcuno",
        published: Date(timeIntervalSince1970: 1_692_210_240), dateline: "Roma, 16 agosto",
        imageCredit: "Foto © Tizio", language: "it", source: "https://example.org/pezzo",
        siteName: "Il Sito"),
      "Testo del primo pezzo.", tags: ["zeta", "Alpha", "beta", "Ümlaut", "via"])
    try library.untag(id: full, ["via"])
    let odd = try add(
      ArticleMetadata(
        title: "\u{1B}[31mrosso\u{202E} zero\u{200B}width \u{85}C1 \u{2028}riga 🎉 中文",
        byline: "Solo firma", published: Date(timeIntervalSince1970: -14_182_940)),
      "Testo strano.")
    try library.setStarred(ids: [odd], true)
    let read = try add(
      ArticleMetadata(title: "Letto in parte", published: Date(timeIntervalSince1970: -32e9)),
      "Testo letto a metà.", tags: ["Alpha"])
    try library.saveReadingPosition(articleID: read, offset: 3, progress: 0.375)
    let done = try add(ArticleMetadata(title: "Finito", siteName: ""), "Testo finito.")
    try library.saveReadingPosition(articleID: done, offset: 5, progress: 1)
    let removed = try add(ArticleMetadata(title: "Tolto"), "Testo tolto.")
    try library.remove(ids: [removed])
    let bad = try add(ArticleMetadata(title: "Da guastare"), "Testo guastato.")
    let pending = try add(
      ArticleMetadata(title: "In attesa", source: "https://example.org/attesa"), "Attesa.")
    // Bytes no `String` can hold ("Città", a stray 0xFF, " €", then a NUL and more), and
    // controls that the importers would have taken out, written straight into columns
    // the search index does not watch (its triggers need Leggio's own SQL functions).
    try sqlite(
      path,
      """
      UPDATE article SET siteName = CAST(X'43697474C3A0FF20E282AC00636F6461' AS TEXT),
        kicker = CAST(X'FE6B' AS TEXT) WHERE id = \(bad);
      UPDATE article SET siteName = 'sito' || char(27) || '[2J' || char(9) || char(13)
        || char(127) || char(8238) || char(8203) || char(133) || char(8232) || char(917505)
        || '"\\', standfirst = char(0) || 'nascosto' WHERE id = \(full);
      INSERT INTO article_tag (articleId, tag, createdAt, updatedAt)
        SELECT id, 'ta' || char(27) || 'g' || char(8206), createdAt, createdAt
        FROM article WHERE id = \(odd);
      INSERT INTO fetch_queue (articleUUID, url, createdAt)
        SELECT uuid, source, '2024-01-01 00:00:00.000' FROM article WHERE id = \(pending);
      """)
  }

  /// Runs SQL on the library with SQLite's own program (a build dependency).
  static func sqlite(_ path: String, _ sql: String) throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["sqlite3", path, sql]
    try process.run()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
  }
}

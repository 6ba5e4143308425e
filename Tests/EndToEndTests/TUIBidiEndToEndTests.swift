import Foundation
import Testing
import LeggioTestSupport

/// Hebrew and Arabic articles opened in the real reader in tmux: what reaches the screen
/// is in visual order (tmux, like a terminal in explicit bidi mode, shows cells as
/// written), so each row read from right to left is the text in logical order.
@Suite(
  .serialized, .enabled(if: TUITmux.isAvailable, "tmux is not installed"),
  .enabled(
    if: FileManager.default.fileExists(atPath: "/usr/lib/x86_64-linux-gnu/libfribidi.so.0")
      || FileManager.default.fileExists(atPath: "/usr/lib/aarch64-linux-gnu/libfribidi.so.0"),
    "libfribidi is not installed"))
struct TUIBidiEndToEndTests {
  let directory: URL
  let environment: [String: String]

  init() throws {
    directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("leggio-bidi-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    environment = [
      "LEGGIO_LIBRARY": directory.appendingPathComponent("library.sqlite").path,
      "XDG_CONFIG_HOME": directory.appendingPathComponent("config").path,
      "XDG_DATA_HOME": directory.appendingPathComponent("data").path,
    ]
  }

  /// Article 1 of the Universal Declaration of Human Rights, with a sentence of mixed text.
  static let hebrew = [
    "כל בני האדם נולדו בני חורין ושווים בערכם ובזכויותיהם. כולם חוננו בתבונה ובמצפון, "
      + "לפיכך חובה עליהם לנהוג איש ברעהו ברוח של אחוה.",
    "ההכרזה התקבלה בשנת 1948 (בפריז) ותורגמה ליותר מ-500 שפות.",
  ]
  static let arabic = [
    "يولد جميع الناس أحرارًا متساوين في الكرامة والحقوق. وقد وهبوا عقلاً وضميرًا "
      + "وعليهم أن يعامل بعضهم بعضًا بروح الإخاء.",
    "اعتمد الإعلان في باريس سنة 1948 (بالإجماع تقريبًا).",
  ]

  private func addArticle(language: String, title: String, paragraphs: [String]) throws {
    let body = paragraphs.map { "<p>\($0)</p>" }.joined()
    let html = """
      <!DOCTYPE html><html lang="\(language)" dir="rtl"><head><meta charset="utf-8">
      <title>\(title)</title></head><body><article><h1>\(title)</h1>\(body)</article></body></html>
      """
    let file = directory.appendingPathComponent("\(language).html")
    try html.write(to: file, atomically: true, encoding: .utf8)
    let added = try TUITmux.run(TUITmux.binary.path, ["add", file.path], environment: environment)
    try #require(added.status == 0, "leggio add failed: \(added.output)")
  }

  /// Opens the one article and returns the rows of its first page.
  private func firstPage(_ tmux: TUITmux, title: String) throws -> [Substring] {
    try tmux.start(width: 60, height: 24, environment: environment)
    // The list shows the title (in whichever order its view draws it).
    let end = Date().addingTimeInterval(10)
    while Date() < end {
      let shown = try tmux.screen()
      if shown.contains(title) || shown.contains(String(title.reversed())) { break }
      Thread.sleep(forTimeInterval: 0.03)
    }
    try tmux.keys("Enter")
    let screen = try tmux.wait(for: "page 1/")
    return screen.split(separator: "\n", omittingEmptySubsequences: false)
  }

  /// The rows read as a person reading right to left does: words from the right, each
  /// word's letters (grapheme clusters, marks kept on their letter) from the right.
  private func readRightToLeft(_ row: Substring) -> String {
    row.split(separator: " ").reversed().map { String($0.reversed()) }.joined(separator: " ")
  }

  private func checkReadsRightToLeft(_ rows: [Substring], paragraph: String) {
    let firstWords = paragraph.split(separator: " ").prefix(3).joined(separator: " ")
    // Logical order never reaches the screen; visual order does, at the right edge.
    #expect(!rows.joined(separator: "\n").contains(firstWords), "\(rows.joined(separator: "\n"))")
    guard let row = rows.first(where: { readRightToLeft($0).hasPrefix(firstWords) }) else {
      Issue.record(
        "no row starts, read right to left, with “\(firstWords)”:\n\(rows.joined(separator: "\n"))")
      return
    }
    #expect(row.hasPrefix(" "), "a right-to-left row sits against the right edge: \(row)")
    // The paragraph's words come row after row in reading order.
    let start = rows.firstIndex(of: row)!
    var read: [Substring] = []
    for row in rows[start...] {
      let words = readRightToLeft(row).split(separator: " ")
      if words.isEmpty { break }
      read += words
    }
    let expected = paragraph.split(separator: " ")
    #expect(Array(read.prefix(expected.count)) == Array(expected.prefix(read.count)))
  }

  @Test func aHebrewPageReadsRightToLeftInTheReader() throws {
    try addArticle(language: "he", title: "ההכרזה", paragraphs: Self.hebrew)
    let tmux = TUITmux()
    defer { tmux.stop() }
    let rows = try firstPage(tmux, title: "ההכרזה")
    checkReadsRightToLeft(rows, paragraph: Self.hebrew[0])
    // Numbers keep their own order, brackets face the right way.
    #expect(rows.contains { $0.contains("(זירפב) 1948") }, "\(rows)")
    try tmux.keys("q")
    try tmux.keys("q")
  }

  @Test func anArabicPageReadsRightToLeftInTheReader() throws {
    try addArticle(language: "ar", title: "الإعلان", paragraphs: Self.arabic)
    let tmux = TUITmux()
    defer { tmux.stop() }
    let rows = try firstPage(tmux, title: "الإعلان")
    checkReadsRightToLeft(rows, paragraph: Self.arabic[0])
    // "سنة 1948 (بالإجماع تقريبًا)" on screen: the number left of its word, the
    // bracketed words right to left between brackets that still open towards them.
    let bracketed = "بالإجماع تقريبًا".split(separator: " ").reversed().map { String($0.reversed()) }
    let shown = "(" + bracketed.joined(separator: " ") + ") 1948 " + String("سنة".reversed())
    #expect(rows.contains { $0.contains(shown) }, "\(shown) in \(rows)")
    try tmux.keys("q")
    try tmux.keys("q")
  }
}

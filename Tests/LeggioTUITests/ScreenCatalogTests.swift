import LeggioStore
import Testing

@testable import LeggioTUI

/// Every screen and box of the application, drawn whole at 40x10 and compared with literal
/// rows (and at 80x24 with the snapshots in `Screens/`).
@Suite struct ScreenCatalogTests {
  static func library() throws -> Library { try LibraryScreenTests.threeArticles() }
  static func reference() throws -> Library { try makeLibrary([try Fixtures.referenceArticle()]) }
  static func linked() throws -> Library { try makeLibrary([LinkListTests.linked()]) }

  @Test func theLibraryList() throws {
    try assertScreen(
      try Self.library(), keys: "",
      [
        " 3 articles · 2 unread · 3 shown",
        " ● 東京の朝 — a morning in Tokyo     0%",
        "   Il lago di Lugano d'inverno      42%",
        " ● Quell'amicizia tra Putin e Ki…    0%",
        "",
        "",
        "",
        "",
        "",
        " Enter read  / filter  s sort       1/3",
      ],
      snapshot: "library")
  }

  @Test func theHelpBoxOverTheLibrary() throws {
    try assertScreen(
      try Self.library(), keys: "?",
      [
        " 3 articles · 2 unread · 3 shown",
        " ┌─ Keys: library ────────────────────┐",
        " │ q Q Ctrl-C         quit Leggio     │",
        " │ Esc                back            │",
        " │ ?                  this help       │",
        " │ t                  next theme      │",
        " │ /                  search          │",
        " │ Any key closes this help.          │",
        " └────────────────────────────────────┘",
        " Enter read  / filter  s sort       1/3",
      ],
      snapshot: "library-help")
  }

  @Test func theTagPicker() throws {
    try assertScreen(
      try Self.library(), keys: "T",
      [
        " 3 articles · 2 unread · 3 shown",
        " ● 東京の朝 — a morning in Tokyo     0%",
        "   Il lago┌─ Filter by tag ─┐o      42%",
        " ● Quell'a│ All articles    │ Ki…    0%",
        "          │ ticino          │",
        "          │ travel          │",
        "          └─────────────────┘",
        "",
        "",
        " Enter read  / filter  s sort       1/3",
      ],
      snapshot: "library-tags")
  }

  @Test func theBinConfirmation() throws {
    try assertScreen(
      try Self.library(), keys: "D",
      [
        " 3 articles · 2 unread · 3 shown",
        " ● 東京の朝 — a morning in Tokyo     0%",
        "   Il lago di Lugano d'inverno      42%",
        " ● Quell'amicizia tra Putin e Ki…    0%",
        "",
        "",
        "",
        "",
        "",
        " Move “東京の朝 …” to the bin? y/n",
      ],
      snapshot: "library-remove")
  }

  @Test func theFilterPrompt() throws {
    try assertScreen(
      try Self.library(), keys: "/lago",
      [
        " 3 articles · 2 unread · 1 shown",
        "   Il lago di Lugano d'inverno      42%",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "Filter: lago▏",
      ],
      snapshot: "library-filter")
  }

  @Test func theReaderFirstPage() throws {
    try assertScreen(
      try Self.reference(), keys: "<Enter>",
      [
        " Relazioni strategiche",
        "",
        " Quell'amicizia tra Putin e Kim Jong-un",
        " che si intensifica sempre di più",
        "",
        " I rapporti tra Mosca e Pyongyang, già",
        " positivi, continuano a migliorare e i",
        " due leader si promettono,",
        " reciprocamente, di rafforzare la",
        " Quell'amicizia tra Puti… page 1/≈2  0%",
      ],
      snapshot: "reader")
  }

  @Test func theReaderSecondPage() throws {
    try assertScreen(
      try Self.reference(), keys: "<Enter><Space>",
      [
        " cooperazione bilaterale in tutti i",
        " campi",
        "",
        " Red. Online · 16.08.2023 20:24",
        " © AP Photo/Alexander Zemlianichenko,",
        " Pool",
        "",
        " Vladimir  Putin  e  Kim  Jong-un.  Kim",
        " Jong-un e Vladimir  Putin. La  «storia",
        " Quell'amicizia tra Pu… page 2/≈121  2%",
      ],
      snapshot: "reader-page-2")
  }

  @Test func theReaderSearchPrompt() throws {
    try assertScreen(
      try Self.reference(), keys: "<Enter>/Kim",
      [
        " Relazioni strategiche",
        "",
        " Quell'amicizia tra Putin e Kim Jong-un",
        " che si intensifica sempre di più",
        "",
        " I rapporti tra Mosca e Pyongyang, già",
        " positivi, continuano a migliorare e i",
        " due leader si promettono,",
        " reciprocamente, di rafforzare la",
        "/Kim▏",
      ],
      snapshot: "reader-search")
  }

  @Test func aSelectionInTheReader() throws {
    try assertScreen(
      try Self.reference(), keys: "<Enter>vww",
      [
        " cooperazione bilaterale in tutti i",
        " campi",
        "",
        " Red. Online · 16.08.2023 20:24",
        " © AP Photo/Alexander Zemlianichenko,",
        " Pool",
        "",
        " Vladimir  Putin  e  Kim  Jong-un.  Kim",
        " Jong-un e Vladimir  Putin. La  «storia",
        " w word  ) sentence     page 2/≈121  2%",
      ],
      snapshot: "reader-selection")
  }

  @Test func theLinksBox() throws {
    try assertScreen(
      try Self.linked(), keys: "<Enter><Enter>",
      [
        " Links",
        "",
        " Read these.",
        " ┌─ Links (2) · Enter show · s save… ─┐",
        " │ 1. the report — https://example.o… │",
        " │ 2. the ␛]8;;evil␇map — https://ex… │",
        " └────────────────────────────────────┘",
        "",
        "",
        " Links                   page 1/1  100%",
      ],
      snapshot: "reader-links")
  }

  @Test func theMarksBoxWithAHighlight() throws {
    try assertScreen(
      try Self.reference(), keys: "<Enter>vwh'",
      [
        " cooperazione bilaterale in tutti i",
        " campi",
        "",
        " ┌─ Marks (1) · Enter go · a note ·… ─┐",
        " │ p.2  “Vladimir Putin”              │",
        " └────────────────────────────────────┘",
        "",
        " Vladimir  Putin  e  Kim  Jong-un.  Kim",
        " Jong-un e Vladimir  Putin. La  «storia",
        " Quell'amicizia tra Pu… page 2/≈121  2%",
      ],
      snapshot: "reader-marks")
  }

  @Test func theHelpBoxOverTheReader() throws {
    try assertScreen(
      try Self.reference(), keys: "<Enter>?",
      [
        " Relazioni strategiche",
        " ┌─ Keys: reader ─────────────────────┐",
        " │ Q Ctrl-C                   quit L… │",
        " │ q Esc                      back    │",
        " │ ?                          this h… │",
        " │ t                          next t… │",
        " │ /                          search  │",
        " │ Any key closes this help.          │",
        " └────────────────────────────────────┘",
        " Quell'amicizia tra Puti… page 1/≈2  0%",
      ],
      snapshot: "reader-help")
  }

  @Test func theNotebook() throws {
    try assertScreen(
      try Self.reference(), keys: "<Enter>vwh<Esc>N",
      [
        " Notebook · 1 item",
        " Quell'amicizia tra Putin e Kim Jong-un…",
        "  ▌ “Vladimir Putin”",
        "",
        "",
        "",
        "",
        "",
        "",
        " Enter open  / find  a note         1/1",
      ],
      snapshot: "notebook")
  }

  @Test func theFeedsScreenWithNoFeeds() throws {
    try assertScreen(
      try Self.library(), keys: "F",
      [
        " Feeds · 0 feeds · 0 unread",
        "",
        "",
        "   No feeds yet: leggio feeds add URL",
        "",
        "",
        "",
        "",
        "",
        " Enter items  u update  q back",
      ],
      snapshot: "feeds")
  }

  @Test func escapeClosesTheTopScreenOnly() throws {
    try assertScreen(
      try Self.reference(), keys: "<Enter>?<Esc>",
      [
        " Relazioni strategiche",
        "",
        " Quell'amicizia tra Putin e Kim Jong-un",
        " che si intensifica sempre di più",
        "",
        " I rapporti tra Mosca e Pyongyang, già",
        " positivi, continuano a migliorare e i",
        " due leader si promettono,",
        " reciprocamente, di rafforzare la",
        " Quell'amicizia tra Puti… page 1/≈2  0%",
      ],
      snapshot: "reader-after-help")
  }
}

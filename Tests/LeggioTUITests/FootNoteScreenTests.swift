import Foundation
import LeggioImport
import LeggioLayout
import LeggioStore
import Testing

@testable import LeggioTUI

/// Footnotes at the foot of the reader's page, and tables in ASCII where the terminal has
/// no box drawing (`[reader] ascii-borders`, or a locale that is not UTF-8).
@Suite struct FootNoteScreenTests {
  static let note = """
    # Nota

    Un testo con una nota.[^a]

    Il secondo paragrafo continua il discorso.

    Il terzo paragrafo lo chiude.

    Il quarto va oltre, fino alla pagina dopo.

    [^a]: Ciò che la nota dice.
    """

  @Test func aFootnoteIsSetAtTheFootOfItsPageUnderARule() throws {
    let app = makeApp(try RichBlockScreenTests.library(Self.note), width: 40, height: 10)
    app.press("<Enter>")
    assertScreen(
      app.render(),
      [
        " Nota",
        "",
        " Un testo con una nota.¹",
        "",
        " Il secondo paragrafo  continua il  di-",
        " scorso.",
        "",
        " ────────────",
        " ¹ Ciò che la nota dice.",
        " Nota                    page 1/≈5  41%",
      ])
    // Following the reference still opens the note over the page.
    app.press("1<Enter>")
    #expect(app.state.modal == .note("Ciò che la nota dice."))
  }

  @Test func notesStayOnDemandWhenTheSettingSaysSo() throws {
    var settings = ReaderSettings()
    settings.notesAtFoot = false
    let app = Application(
      library: try RichBlockScreenTests.library(Self.note), width: 40, height: 10,
      settings: settings)
    app.start()
    app.press("<Enter>")
    #expect(!app.render().rows.contains { $0.contains("Ciò che la nota dice.") })
    #expect(!app.render().rows.contains { $0.contains("────") })
  }

  @Test func aTableIsDrawnInASCIIWhenTheTerminalLacksBoxDrawing() throws {
    var settings = ReaderSettings()
    settings.asciiBorders = true
    let app = Application(
      library: try RichBlockScreenTests.library(RichBlockScreenTests.table), width: 40,
      height: 10, settings: settings)
    app.start()
    app.press("<Enter>")
    assertScreen(
      app.render(),
      [
        " Città",
        "",
        " +------------+----------+---------+",
        " | Città      | Abitanti | Cantone |",
        " +============+==========+=========+",
        " | Lugano     |   63 000 |   TI    |",
        " | Bellinzona |   43 000 |   TI    |",
        " +------------+----------+---------+",
        "",
        " Città                   page 1/1  100%",
      ])
  }

  @Test func theReaderSettingsNameTheBordersAndTheNotes() {
    let (configuration, problems) = ConfigurationParser.parse(
      "[reader]\nascii-borders = true\nnotes-at-foot = false\n", file: "config.toml")
    #expect(problems.isEmpty)
    let options = configuration.reader.applied(to: LayoutOptions(width: 80, height: 24))
    #expect(options.asciiBorders && !options.notesAtFoot)
    #expect(Configuration.defaults.reader.asciiBorders == nil)
    #expect(Configuration.defaults.reader.applied(to: LayoutOptions(width: 80)).notesAtFoot)
    let (_, wrong) = ConfigurationParser.parse("[reader]\nascii-borders = 1\n", file: "c.toml")
    #expect(wrong.count == 1)
  }
}

import Foundation
import LeggioTUI
import Testing

/// The reference article as `leggio add` stores it (the real importer and library) and
/// the reader shows it.
@Suite struct ReferenceArticleScreenTests {
  @Test func firstPageAt80x24IsTheTitleBlockAndTheOpeningParagraph() throws {
    let library = try makeLibrary(importing: ["samples/cdt-putin-kim.txt"])
    let app = makeApp(library, width: 80, height: 24)
    app.press("<Enter>")
    // Let the background pagination finish, as idle ticks do, for an exact page count.
    while app.state.hasBackgroundWork { app.send(.tick) }
    let grid = app.render()
    assertScreen(
      grid,
      [
        "    Relazioni strategiche",
        "",
        "    Quell'amicizia tra Putin e Kim Jong-un che si intensifica sempre di più",
        "",
        "    I rapporti tra Mosca e Pyongyang, già positivi, continuano a migliorare",
        "    e i due leader si promettono, reciprocamente, di rafforzare la",
        "    cooperazione bilaterale in tutti i campi",
        "",
        "    Red. Online · 16.08.2023 20:24",
        "    © AP Photo/Alexander Zemlianichenko, Pool",
        "",
        "    Vladimir Putin e Kim Jong-un. Kim  Jong-un e Vladimir Putin. La  «storia",
        "    d'amore» tra i due leader, nordcoreano  e russo, sembra andare a  gonfie",
        "    vele. Ironia a  parte, le  relazioni tra Corea  del Nord  e Russia,  già",
        "    particolarmente positive, non fanno altro che rafforzarsi. A giugno,  in",
        "    occasione della festa  nazionale russa,  Kim Jong-un  aveva ribadito  di",
        "    essere pronto a «tenere Putin per mano», così da costruire, insieme, «un",
        "    Paese potente».  Oggi, a  distanza di  due mesi,  i due  sono tornati  a",
        "    giurarsi fedeltà. E a farsi promesse, addirittura. Come si evince  dalla",
        "    lettera scritta dal  leader nordcoreano  al suo omologo  russo ieri,  in",
        "    occasione dell'anniversario della  liberazione della  Corea dal  dominio",
        "    coloniale giapponese. Nel suo messaggio, Kim ha promesso di  «rafforzare",
        "    le relazioni con la  Russia, affinché i due  Paesi possano continuare  a",
        " Quell'amicizia tra Putin e Kim Jong-un che si intensifica sempr… page 1/3  29%",
      ])
    #expect(Set(grid.roles(0).dropFirst(4).prefix(21)) == [.kicker])
    #expect(Set(grid.roles(2).dropFirst(4).prefix(70)) == [.title])
    #expect(Set(grid.roles(4).dropFirst(4).prefix(60)) == [.standfirst])
    #expect(Set(grid.roles(11)) == [.text, .background], "justified: spaces between runs")
    #expect(Set(grid.roles(23)) == [.statusBar])
  }
}

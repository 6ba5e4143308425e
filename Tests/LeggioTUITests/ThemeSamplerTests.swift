import Testing

@testable import LeggioTUI

@Suite struct ThemeSamplerTests {
  @Test func plainListingNamesEveryThemeAndMarksTheActiveOne() {
    let catalog = ThemeCatalog.builtIn
    let listing = ThemeSampler.listing(catalog, active: "nord", depth: .none)
    let lines = listing.split(separator: "\n").map(String.init)
    #expect(lines.count == catalog.names.count)
    #expect(!listing.contains("\u{1B}"))
    let nord = lines.filter { $0.hasPrefix("*") }
    #expect(nord.count == 1)
    #expect(nord.first?.hasPrefix("* nord ") == true)
    #expect(lines.first?.hasPrefix("  default ") == true)
  }

  @Test func colourSampleUsesTheThemesColoursAtTheTerminalsDepth() throws {
    let nord = try builtInTheme("nord")
    let trueColour = ThemeSampler.sample(nord, depth: .trueColor)
    // nord4 on nord0, as 24-bit SGR.
    #expect(trueColour.contains("38;2;216;222;233;48;2;46;52;64m"))
    let indexed = ThemeSampler.sample(nord, depth: .indexed256)
    #expect(!indexed.contains(";2;"))
    #expect(indexed.contains("48;5;"))
    let stripped = indexed.replacing(/\u{1B}\[[0-9;]*m/, with: "")
    #expect(stripped == ThemeSampler.plainSample)
  }

  @Test func sixteenColourSamplesUseTheNamedColourCodes() {
    let style = ResolvedStyle(foreground: .rgb(255, 0, 0), background: .indexed(0), bold: true)
    #expect(style.sgr(depth: .sixteen) == "\u{1B}[1;91;40m")
    #expect(style.sgr(depth: .indexed256) == "\u{1B}[1;38;5;196;40m")
    #expect(style.sgr(depth: .none) == "")
  }
}

import Testing

@testable import LeggioTUI

@Suite struct ThemeColorTests {
  @Test(arguments: [
    ("#ff0000", Color.rgb(255, 0, 0)), ("#F80", .rgb(0xFF, 0x88, 0x00)),
    ("red", .indexed(1)), ("bright-blue", .indexed(12)), ("Bright_White", .indexed(15)),
    ("grey", .indexed(8)), ("208", .indexed(208)), ("default", .terminalDefault),
  ])
  func colourNamesParse(text: String, colour: Color) {
    #expect(Color(parsing: text) == colour)
  }

  @Test(arguments: ["#ff00", "#gg0000", "256", "-1", "blu", "", "bright-"])
  func nonColoursDoNotParse(text: String) {
    #expect(Color(parsing: text) == nil)
  }

  @Test(arguments: [Color.rgb(18, 52, 86), .indexed(3), .indexed(200), .terminalDefault])
  func themeTextRoundTrips(colour: Color) {
    #expect(Color(parsing: colour.themeText) == colour)
  }

  @Test func knownColoursDegradeToTheNearestIndexedColour() {
    #expect(Color.rgb(255, 0, 0).degraded(to: .indexed256) == .indexed(196))
    #expect(Color.rgb(0, 0, 0).degraded(to: .indexed256) == .indexed(16))
    #expect(Color.rgb(0x80, 0x80, 0x80).degraded(to: .indexed256) == .indexed(244))
    #expect([Color.indexed(9), .indexed(1)].contains(Color.rgb(255, 0, 0).degraded(to: .sixteen)))
    #expect(Color.rgb(255, 255, 255).degraded(to: .sixteen) == .indexed(15))
    #expect(Color.indexed(196).degraded(to: .sixteen) == .indexed(9))
    #expect(Color.rgb(1, 2, 3).degraded(to: .trueColor) == .rgb(1, 2, 3))
    #expect(Color.rgb(255, 0, 0).degraded(to: .none) == .terminalDefault)
  }

  @Test func noColorTurnsColourOffWhateverTheTerminal() {
    let environment = ["NO_COLOR": "1", "COLORTERM": "truecolor"]
    #expect(ColorDepth.detect(environment: environment, colors: 256) == .none)
    // no-color.org: an empty NO_COLOR does not count.
    #expect(ColorDepth.detect(environment: ["NO_COLOR": ""], colors: 256) == .indexed256)
  }

  @Test func colortermPromisesTrueColour() {
    #expect(ColorDepth.detect(environment: ["COLORTERM": "truecolor"], colors: 8) == .trueColor)
    #expect(ColorDepth.detect(environment: ["COLORTERM": "24bit"], colors: 256) == .trueColor)
    #expect(ColorDepth.detect(environment: ["COLORTERM": "yes"], colors: 256) == .indexed256)
  }

  @Test func cursesDrawsTrueColourOnlyWithDirectColours() {
    let truecolor = ["COLORTERM": "truecolor"]
    #expect(ColorDepth.detect(environment: truecolor, curses: 1 << 24) == .trueColor)
    #expect(ColorDepth.detect(environment: truecolor, curses: 256) == .indexed256)
    #expect(ColorDepth.detect(environment: truecolor, curses: 8) == .sixteen)
    #expect(ColorDepth.detect(environment: truecolor, curses: 0) == .none)
    #expect(ColorDepth.detect(environment: ["NO_COLOR": "1"], curses: 1 << 24) == .none)
  }

  @Test func colourCountDecidesOtherwise() {
    #expect(ColorDepth.detect(environment: [:], colors: 256) == .indexed256)
    #expect(ColorDepth.detect(environment: [:], colors: 88) == .sixteen)
    #expect(ColorDepth.detect(environment: [:], colors: 16) == .sixteen)
    #expect(ColorDepth.detect(environment: [:], colors: 8) == .sixteen)
    #expect(ColorDepth.detect(environment: [:], colors: 2) == .none)
    #expect(ColorDepth.detect(environment: [:], colors: -1) == .none)
  }

  @Test func termNameGivesAColourCountWithoutTerminfo() {
    #expect(ColorDepth.detect(environment: ["TERM": "xterm-256color"]) == .indexed256)
    #expect(ColorDepth.detect(environment: ["TERM": "linux"]) == .sixteen)
    #expect(ColorDepth.detect(environment: ["TERM": "xterm-direct"]) == .trueColor)
    #expect(ColorDepth.detect(environment: ["TERM": "dumb"]) == .none)
    #expect(ColorDepth.detect(environment: [:]) == .none)
  }
}

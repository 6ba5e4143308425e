import Testing

@testable import LeggioTUI

@Suite struct ThemeResolveTests {
  @Test func strongIsBoldAndTakesTheStrongColour() throws {
    let nord = try builtInTheme("nord")
    let style = nord.resolve(CellStyle(.text, inline: .strong))
    #expect(style.bold)
    #expect(style.foreground == .rgb(0xEC, 0xEF, 0xF4))
    #expect(style.background == .rgb(0x2E, 0x34, 0x40))
  }

  @Test func emphasisIsItalicAndKeepsTheRoleColour() throws {
    let nord = try builtInTheme("nord")
    let quote = nord.resolve(CellStyle(.quote))
    let style = nord.resolve(CellStyle(.quote, inline: .emphasis))
    #expect(style.italic)
    #expect(style.foreground == quote.foreground)
  }

  @Test func linkTakesTheLinkRole() throws {
    let theme = try builtInTheme("gruvbox")
    let style = theme.resolve(CellStyle(.text, isLink: true))
    #expect(style.foreground == .rgb(0x83, 0xA5, 0x98))
    #expect(style.underline)
  }

  @Test func overlaySetsBackgroundAndForeground() throws {
    let theme = try builtInTheme("solarized-dark")
    let style = theme.resolve(CellStyle(.heading, overlay: .searchMatch))
    #expect(style.background == .rgb(0xCB, 0x4B, 0x16))
    #expect(style.foreground == .rgb(0x00, 0x2B, 0x36))
    #expect(style.bold)
  }

  @Test func overlayWithoutForegroundKeepsTheTextColour() {
    let theme = Theme(
      name: "t",
      styles: [
        .text: ResolvedStyle(foreground: .indexed(2), background: .indexed(0)),
        .selection: ResolvedStyle(background: .indexed(4)),
      ])
    let style = theme.resolve(CellStyle(.text, overlay: .selection))
    #expect(style == ResolvedStyle(foreground: .indexed(2), background: .indexed(4)))
  }

  @Test func fallbackReversesBarsAndMatches() {
    let fallback = Theme.fallback
    #expect(fallback.resolve(CellStyle(.statusBar)).reverse)
    #expect(fallback.resolve(CellStyle(.selectedRow)).reverse)
    #expect(fallback.resolve(CellStyle(.text, overlay: .searchMatch)).reverse)
    #expect(fallback.resolve(CellStyle(.title)).bold)
    #expect(fallback.resolve(CellStyle(.text)) == ResolvedStyle())
    #expect(fallback.resolve(CellStyle(.text, isLink: true)).underline)
  }
}

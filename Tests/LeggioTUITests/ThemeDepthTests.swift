import Testing

@testable import LeggioTUI

@Suite struct ThemeDepthTests {
  static let depths: [ColorDepth] = [.none, .sixteen, .indexed256, .trueColor]

  /// Whether a cell style looks different from the page at this depth.
  func standsOut(_ style: ResolvedStyle, from page: ResolvedStyle) -> Bool {
    style.reverse || style.background != page.background
  }

  @Test(arguments: depths)
  func barsAndMarksStayVisibleAtEveryDepth(depth: ColorDepth) {
    for entry in ThemeCatalog.builtIn.entries {
      let theme = entry.theme.adapted(to: depth)
      let page = theme.resolve(CellStyle(.text))
      let styles: [(String, CellStyle)] = [
        ("statusBar", CellStyle(.statusBar)), ("selectedRow", CellStyle(.selectedRow)),
        ("searchMatch", CellStyle(.text, overlay: .searchMatch)),
        ("selection", CellStyle(.text, overlay: .selection)),
      ]
      for (name, style) in styles {
        #expect(
          standsOut(theme.resolve(style), from: page), "\(entry.theme.name).\(name) at \(depth)")
      }
      for mark in Theme.highlightRoles {
        let style = theme.resolve(CellStyle(.text, overlay: mark))
        #expect(style.underline || style.background != page.background)
      }
    }
  }

  @Test func adaptedColoursAreWhatTheTerminalCanShow() throws {
    let nord = try builtInTheme("nord")
    let sixteen = nord.adapted(to: .sixteen)
    for style in sixteen.styles.values {
      for colour in [style.foreground, style.background] {
        if case .indexed(let i) = colour { #expect(i < 16) }
        if case .rgb = colour { Issue.record("\(colour) left in a 16-colour theme") }
      }
    }
    let none = nord.adapted(to: .none)
    #expect(none.styles.values.allSatisfy { $0.foreground == .terminalDefault })
    #expect(none.resolve(CellStyle(.statusBar)).reverse)
    #expect(nord.adapted(to: .trueColor) == nord)
  }
}

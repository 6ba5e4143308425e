import Foundation
import Testing

@testable import LeggioTUI

@Suite struct ThemeFileTests {
  static let required = [
    "default", "light", "sepia", "high-contrast", "solarized-dark", "gruvbox", "nord",
  ]

  @Test func everyBuiltInThemeLoadsWithoutProblems() {
    let catalog = ThemeCatalog.builtIn
    #expect(catalog.problems.isEmpty, "\(catalog.problems.compactMap(\.errorDescription))")
    for name in Self.required { #expect(catalog.names.contains(name)) }
    #expect(catalog.names.first == "default")
  }

  @Test(arguments: EmbeddedThemes.files.map(\.name))
  func everyBuiltInThemeDefinesEveryRoleItself(file: String) throws {
    // Through the theme it inherits from, but never by falling back to the skeleton.
    let text = try #require(EmbeddedThemes.files.first { $0.name == file }?.text)
    var definition = try ThemeParser.parse(text, file: file, defaultName: "")
    var defined = Set(definition.roles.keys)
    while let parent = definition.inherits {
      let parentText = try #require(
        EmbeddedThemes.files.first { $0.name == parent + ".toml" }?.text)
      definition = try ThemeParser.parse(parentText, file: parent, defaultName: parent)
      defined.formUnion(definition.roles.keys)
    }
    let missing = Set(UIRole.allCases).subtracting(defined).map(\.rawValue).sorted()
    #expect(missing.isEmpty, "\(file) leaves out \(missing)")
  }

  @Test func everyBuiltInThemeResolvesEveryRole() {
    for entry in ThemeCatalog.builtIn.entries {
      #expect(Set(entry.theme.styles.keys) == Set(UIRole.allCases), "\(entry.theme.name)")
    }
  }

  @Test func fiveHighlightColoursAreDistinctInEveryTheme() {
    let marks: [UIRole] = [.highlight1, .highlight2, .highlight3, .highlight4, .highlight5]
    for entry in ThemeCatalog.builtIn.entries {
      let theme = entry.theme
      let backgrounds = marks.map { theme.resolve(CellStyle(.text, overlay: $0)).background }
      #expect(Set(backgrounds).count == 5, "\(theme.name): \(backgrounds)")
      let text = theme.resolve(CellStyle(.text)).background
      #expect(!backgrounds.contains(text), "\(theme.name): a highlight is the page's colour")
    }
  }

  /// Inline code is told from the prose around it in every theme (issue 20).
  @Test func inlineCodeStandsOutFromProseInEveryTheme() {
    for entry in ThemeCatalog.builtIn.entries {
      let theme = entry.theme
      let prose = theme.resolve(CellStyle(.text))
      let code = theme.resolve(CellStyle(.text, inline: .code))
      #expect(code != prose, "\(theme.name): inline code looks like prose")
    }
  }

  @Test func bodyTextIsComfortablyLegibleInEveryTheme() throws {
    for entry in ThemeCatalog.builtIn.entries {
      let text = entry.theme.resolve(CellStyle(.text))
      guard let ratio = contrast(text.foreground, text.background) else { continue }
      // WCAG AA for body text (4.5), except Solarized's light mode, whose published body
      // colour on base3 (base00) measures 4.1 by design.
      let minimum = entry.theme.name == "solarized-light" ? 4.0 : 4.5
      #expect(ratio >= minimum, "\(entry.theme.name): text contrast \(ratio)")
    }
  }

  @Test func searchMatchSelectionAndBarsStandOutFromThePage() throws {
    for entry in ThemeCatalog.builtIn.entries {
      let theme = entry.theme
      let page = theme.resolve(CellStyle(.text))
      let marked: [(String, ResolvedStyle)] = [
        ("searchMatch", theme.resolve(CellStyle(.text, overlay: .searchMatch))),
        ("selection", theme.resolve(CellStyle(.text, overlay: .selection))),
        ("statusBar", theme.resolve(CellStyle(.statusBar))),
        ("selectedRow", theme.resolve(CellStyle(.selectedRow))),
      ]
      for (role, style) in marked {
        if style.reverse { continue }
        #expect(style.background != page.background, "\(theme.name).\(role) blends in")
        if let ratio = contrast(style.foreground, style.background) {
          #expect(ratio >= 3, "\(theme.name).\(role): its text is hard to read (\(ratio))")
        }
      }
      let match = marked[0].1
      #expect(match.bold || match.reverse, "\(theme.name): search match should be bold")
    }
  }

  @Test func publishedPalettesAreFaithful() throws {
    let nord = try builtInTheme("nord").resolve(CellStyle(.text))
    #expect(nord.background == .rgb(0x2E, 0x34, 0x40))
    #expect(nord.foreground == .rgb(0xD8, 0xDE, 0xE9))
    let solarized = try builtInTheme("solarized-dark").resolve(CellStyle(.text))
    #expect(solarized.background == .rgb(0x00, 0x2B, 0x36))
    #expect(solarized.foreground == .rgb(0x83, 0x94, 0x96))
    let light = try builtInTheme("solarized-light").resolve(CellStyle(.text))
    #expect(light.background == .rgb(0xFD, 0xF6, 0xE3))
    #expect(light.foreground == .rgb(0x65, 0x7B, 0x83))
    let gruvbox = try builtInTheme("gruvbox").resolve(CellStyle(.text))
    #expect(gruvbox.background == .rgb(0x28, 0x28, 0x28))
    #expect(gruvbox.foreground == .rgb(0xEB, 0xDB, 0xB2))
  }

  @Test func lightThemesAreLightAndDarkThemesDark() throws {
    func luminance(_ name: String) throws -> Int {
      let rgb = try #require(try builtInTheme(name).resolve(CellStyle(.text)).background.rgbValue)
      return Int(rgb.red) + Int(rgb.green) + Int(rgb.blue)
    }
    for name in ["light", "sepia", "solarized-light"] { #expect(try luminance(name) > 600) }
    for name in ["default", "high-contrast", "solarized-dark", "gruvbox", "nord"] {
      #expect(try luminance(name) < 200)
    }
  }
}

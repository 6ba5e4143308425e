import Foundation
import Testing

@testable import LeggioTUI

@Suite struct ThemeCatalogTests {
  /// Writes user theme files into a fresh directory and loads the catalog from it.
  func catalog(_ files: [String: String]) throws -> (ThemeCatalog, URL) {
    let directory = try makeTemporaryDirectory()
    for (name, text) in files {
      try text.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }
    return (ThemeCatalog.load(userDirectory: directory), directory)
  }

  @Test func userThemeWithABuiltInNameReplacesIt() throws {
    let (catalog, directory) = try catalog([
      "nord.toml": """
      [roles]
      text = { fg = "#111111", bg = "#eeeeee" }
      """
    ])
    let nord = try #require(catalog.theme(named: "nord"))
    #expect(nord.resolve(CellStyle(.text)).background == .rgb(0xEE, 0xEE, 0xEE))
    #expect(catalog.names.filter { $0 == "nord" }.count == 1)
    let path = directory.appendingPathComponent("nord.toml").path
    #expect(catalog.origin(of: "nord") == .user(path: path))
    #expect(catalog.problems.isEmpty)
  }

  @Test func userThemeWithANewNameExtendsTheList() throws {
    let (catalog, _) = try catalog([
      "paper.toml": """
      name = "paper"
      [palette]
      ink = "#202020"
      [roles.text]
      fg = "ink"
      bg = "bright-white"
      """
    ])
    #expect(catalog.names.count == ThemeCatalog.builtIn.names.count + 1)
    let paper = try #require(catalog.theme(named: "paper"))
    #expect(paper.resolve(CellStyle(.text)).foreground == .rgb(0x20, 0x20, 0x20))
    #expect(paper.resolve(CellStyle(.text)).background == .indexed(15))
    // Left-out roles inherit: a byline takes the text's colours, a selected row is reversed.
    #expect(paper.resolve(CellStyle(.byline)).foreground == .rgb(0x20, 0x20, 0x20))
    #expect(paper.resolve(CellStyle(.selectedRow)).reverse)
    #expect(paper.resolve(CellStyle(.title)).bold)
  }

  @Test func userThemeInheritsFromTheBuiltInItReplaces() throws {
    let (catalog, _) = try catalog([
      "gruvbox.toml": """
      inherits = "gruvbox"
      [palette]
      orange = "#ff0000"
      [roles]
      link = { fg = "aqua" }
      """
    ])
    let theme = try #require(catalog.theme(named: "gruvbox"))
    let original = try builtInTheme("gruvbox")
    #expect(theme.resolve(CellStyle(.text)) == original.resolve(CellStyle(.text)))
    // The palette change reaches every role that uses the colour.
    #expect(theme.resolve(CellStyle(.kicker)).foreground == .rgb(0xFF, 0, 0))
    // A partial role keeps the fields it does not write.
    let link = theme.resolve(CellStyle(.text, isLink: true))
    #expect(link.foreground == .rgb(0x8E, 0xC0, 0x7C))
    #expect(link.underline)
  }

  @Test func brokenColourNamesFileLineAndKeyAndDefaultIsUsed() throws {
    let (catalog, directory) = try catalog([
      "nord.toml": """
      name = "nord"

      [roles]
      text = { fg = "white" }
      link = { fg = "blu", underline = true }
      """
    ])
    let path = directory.appendingPathComponent("nord.toml").path
    let problem = try #require(catalog.problems.first)
    #expect(problem.file == path)
    #expect(problem.line == 5)
    #expect(problem.key == "roles.link.fg")
    let message = try #require(problem.errorDescription)
    #expect(message.hasPrefix("\(path):5: roles.link.fg:"))
    #expect(message.contains("\"blu\""))
    #expect(message.contains("did you mean \"blue\"?"))
    let selection = catalog.select("nord")
    #expect(selection.theme == ThemeCatalog.builtIn.defaultTheme)
    #expect(selection.problems == [problem])
    #expect(!catalog.names.contains("nord"))
  }

  @Test func brokenUserDefaultLeavesTheBuiltInDefault() throws {
    let (catalog, _) = try catalog(["default.toml": "[roles]\ntext = { fg = 1000 }\n"])
    #expect(catalog.problems.first?.key == "roles.text.fg")
    #expect(catalog.defaultTheme == ThemeCatalog.builtIn.defaultTheme)
    #expect(catalog.select("default").theme == ThemeCatalog.builtIn.defaultTheme)
    #expect(catalog.origin(of: "default") == .builtIn)
  }

  @Test func unknownRoleIsReportedAtItsTableHeader() throws {
    let (catalog, _) = try catalog([
      "mine.toml": """
      # my theme
      [roles.text]
      fg = "red"

      [roles.serchMatch]
      bg = "yellow"
      """
    ])
    let problem = try #require(catalog.problems.first)
    #expect(problem.line == 5)
    #expect(problem.key == "roles.serchMatch")
    #expect(problem.errorDescription?.contains("did you mean \"searchMatch\"?") == true)
    #expect(catalog.theme(named: "mine") == nil)
  }

  @Test func syntaxErrorNamesTheLineTOMLKitReports() throws {
    let (catalog, directory) = try catalog(["bad.toml": "name = \"bad\"\n[roles\ntext = 1\n"])
    let problem = try #require(catalog.problems.first)
    #expect(problem.file == directory.appendingPathComponent("bad.toml").path)
    #expect(problem.line == 2)
    #expect(catalog.select("bad").theme.name == "default")
  }

  @Test func badAttributeValueAndUnknownRoleKeyAreReported() throws {
    let (catalog, _) = try catalog([
      "a.toml": "[roles]\ntext = { fg = \"red\", bold = \"yes\" }\n",
      "b.toml": "[roles]\n\ntitle = { fg = \"red\", colour = \"blue\" }\n",
    ])
    #expect(catalog.problems.map(\.key) == ["roles.text.bold", "roles.title.colour"])
    #expect(catalog.problems.map(\.line) == [2, 3])
  }

  @Test func inheritanceCycleAndUnknownBaseAreReported() throws {
    let (catalog, _) = try catalog([
      "a.toml": "inherits = \"b\"\n",
      "b.toml": "inherits = \"a\"\n",
      "c.toml": "\ninherits = \"nowhere\"\n",
    ])
    let messages = catalog.problems.compactMap(\.errorDescription)
    #expect(messages.count == 3)
    #expect(messages.contains { $0.contains("circle") })
    #expect(messages.contains { $0.contains("c.toml:2: inherits:") && $0.contains("nowhere") })
    #expect(catalog.names == ThemeCatalog.builtIn.names)
  }

  @Test func messagesNeverCarryControlCharactersFromTheFile() throws {
    let (catalog, _) = try catalog([
      "evil.toml": "[roles]\n\"\\u001b[2Jtext\" = \"red\"\n",
      "worse.toml": "name = \"x\"\n\u{1B}[31m = 1\n",
    ])
    #expect(catalog.problems.count == 2)
    for message in catalog.problems.compactMap(\.errorDescription) {
      #expect(!message.unicodeScalars.contains { $0.value == 0x1B }, "\(message)")
    }
  }

  @Test func themeNamesMatchInAnyCapitals() {
    #expect(ThemeCatalog.builtIn.select("Nord").theme.name == "nord")
    #expect(ThemeCatalog.builtIn.select("Nord").problems.isEmpty)
    #expect(ThemeCatalog.builtIn.theme(after: "NORD").name != "nord")
  }

  @Test func themeInheritingFromABrokenOneIsReportedOnce() throws {
    let (catalog, _) = try catalog([
      "base.toml": "[roles]\ntext = \"nope\"\n",
      "child.toml": "inherits = \"base\"\n",
    ])
    #expect(catalog.problems.count == 1)
    #expect(catalog.problems.first?.key == "roles.text")
    #expect(catalog.theme(named: "child") == nil)
  }

  @Test func unknownThemeNameGivesDefaultAndSaysWhichThemesExist() {
    let selection = ThemeCatalog.builtIn.select("nordd")
    #expect(selection.theme.name == "default")
    let message = selection.problems.last?.errorDescription ?? ""
    #expect(message.contains("nordd") && message.contains("gruvbox"))
  }

  @Test func cyclingVisitsEveryThemeAndWrapsRound() {
    let catalog = ThemeCatalog.builtIn
    var seen: [String] = []
    var name = "default"
    for _ in catalog.names {
      seen.append(name)
      name = catalog.theme(after: name).name
    }
    #expect(seen == catalog.names)
    #expect(name == "default")
  }

  @Test func missingUserDirectoryMeansBuiltInsOnly() {
    let catalog = ThemeCatalog.load(userDirectory: URL(fileURLWithPath: "/nonexistent/leggio"))
    #expect(catalog.names == ThemeCatalog.builtIn.names)
    #expect(catalog.problems.isEmpty)
  }

  @Test func builtInSourceIsTheFileText() throws {
    let text = try String(
      contentsOf: packageRoot.appendingPathComponent("Themes/sepia.toml"), encoding: .utf8)
    #expect(ThemeCatalog.builtIn.source(of: "sepia") == text)
  }
}

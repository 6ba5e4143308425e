import Foundation
import Testing

@testable import LeggioTUI

@Suite struct ThemeParserTests {
  @Test func rolesMayBeWrittenInKebabCaseAndAsBareColours() throws {
    let definition = try ThemeParser.parse(
      """
      [roles]
      search-match = { bg = "yellow" }
      selected_row = { reverse = true }
      link = "blue"
      highlight1 = { bg = 220 }
      """, file: "t.toml", defaultName: "t")
    #expect(definition.roles[.searchMatch]?.background?.text == "yellow")
    #expect(definition.roles[.selectedRow]?.reverse == true)
    #expect(definition.roles[.link]?.foreground?.text == "blue")
    #expect(definition.roles[.highlight1]?.background?.text == "220")
  }

  @Test func nameComesFromTheFileUnlessWritten() throws {
    #expect(try ThemeParser.parse("", file: "calm.toml", defaultName: "calm").name == "calm")
    let named = try ThemeParser.parse("name = \"other\"", file: "calm.toml", defaultName: "calm")
    #expect(named.name == "other")
    #expect(named.nameLine == 1)
  }

  @Test func nameWithSpacesOrEscapesIsRefused() {
    #expect(throws: ThemeError.self) {
      try ThemeParser.parse("name = \"my theme\"", file: "t.toml", defaultName: "t")
    }
    #expect(throws: ThemeError.self) {
      try ThemeParser.parse("name = \"a\\u001b[2J\"", file: "t.toml", defaultName: "t")
    }
  }

  @Test func descriptionNeverCarriesEscapeSequences() throws {
    let definition = try ThemeParser.parse(
      "description = \"calm\\u001b]0;owned\\u0007 theme\"", file: "t.toml", defaultName: "t")
    let summary = try #require(definition.summary)
    #expect(summary.hasPrefix("calm"))
    #expect(!summary.unicodeScalars.contains { $0.value < 0x20 })
  }

  @Test func earliestProblemIsTheOneReported() throws {
    do {
      _ = try ThemeParser.parse(
        """
        [palette]
        a = true

        [roles]
        text = { fg = "x", blink = true }
        """, file: "t.toml", defaultName: "t")
      Issue.record("a broken theme parsed")
    } catch {
      #expect(error.line == 2)
      #expect(error.key == "palette.a")
    }
  }

  @Test func paletteEntriesMayNameEachOther() throws {
    let definition = try ThemeParser.parse(
      """
      [palette]
      red = "#cc241d"
      accent = "red"
      [roles]
      text = { fg = "accent" }
      """, file: "t.toml", defaultName: "t")
    let theme = try Theme.build(definition) { _, _ in nil }
    #expect(theme.resolve(CellStyle(.text)).foreground == .rgb(0xCC, 0x24, 0x1D))
  }

  @Test func unreadableAndDuplicateUserFilesAreReported() throws {
    let directory = try makeTemporaryDirectory()
    try Data([0x6E, 0x61, 0xFF, 0xFE]).write(to: directory.appendingPathComponent("bin.toml"))
    try "name = \"twin\"\n".write(
      to: directory.appendingPathComponent("a.toml"), atomically: true, encoding: .utf8)
    try "\nname = \"twin\"\n".write(
      to: directory.appendingPathComponent("b.toml"), atomically: true, encoding: .utf8)
    let catalog = ThemeCatalog.load(userDirectory: directory)
    let messages = catalog.problems.compactMap(\.errorDescription)
    #expect(messages.contains { $0.contains("bin.toml") && $0.contains("UTF-8") })
    #expect(messages.contains { $0.contains("b.toml:2: name:") && $0.contains("a.toml") })
    #expect(
      catalog.origin(of: "twin") == .user(path: directory.appendingPathComponent("a.toml").path))
  }
}

import Foundation
import LeggioLayout
import Testing

@testable import LeggioTUI

@Suite struct ConfigurationTests {
  @Test func fullFileIsRead() {
    let (configuration, problems) = ConfigurationParser.parse(
      """
      theme = "nord"

      [reader]
      width = 66
      justify = false
      margin = 2

      [keys]
      next-page = ["j", "Space", "PgDn"]
      quit = "q"
      remove = []
      down = ["C-n", "Ctrl-j"]
      """, file: "config.toml")
    #expect(problems.isEmpty)
    #expect(configuration.theme == "nord")
    #expect(configuration.reader == ReaderSettings(width: 66, justify: false, margin: 2))
    #expect(
      configuration.keyOverrides == [
        .nextPage: [.character("j"), .character(" "), .pageDown],
        .quit: [.character("q")],
        .remove: [],
        .down: [.control("n"), .control("j")],
      ])
  }

  @Test func emptyFileGivesTheDefaults() {
    let (configuration, problems) = ConfigurationParser.parse("", file: "config.toml")
    #expect(configuration == .defaults)
    #expect(configuration.reader == ReaderSettings(width: 72, justify: true, margin: 1))
    #expect(problems.isEmpty)
  }

  @Test func readerSettingsApplyToLayoutOptions() {
    let options = ReaderSettings(width: 60, justify: false, margin: 3)
      .applied(to: LayoutOptions(width: 100, height: 30))
    #expect(
      options == LayoutOptions(width: 100, height: 30, measure: 60, justify: false, margin: 3))
  }

  @Test func hyphenationIsOnUntilTheReaderSettingTurnsItOff() {
    #expect(Configuration.defaults.reader.hyphenate)
    let (configuration, problems) = ConfigurationParser.parse(
      "[reader]\nhyphenate = false\n", file: "config.toml")
    #expect(problems.isEmpty)
    #expect(!configuration.reader.hyphenate)
    #expect(!configuration.reader.applied(to: LayoutOptions(width: 80, height: 24)).hyphenate)
    let (_, wrong) = ConfigurationParser.parse("[reader]\nhyphenate = 3\n", file: "config.toml")
    #expect(wrong.count == 1)
  }

  @Test func strictLineBreakingIsOffUntilTheReaderSettingTurnsItOn() {
    #expect(!Configuration.defaults.reader.strictLineBreaks)
    let (configuration, problems) = ConfigurationParser.parse(
      "[reader]\nstrict-line-breaks = true\n", file: "config.toml")
    #expect(problems.isEmpty)
    #expect(
      configuration.reader.applied(to: LayoutOptions(width: 80, height: 24)).strictLineBreaks)
    let (_, wrong) = ConfigurationParser.parse(
      "[reader]\nstrict-line-breaks = \"yes\"\n", file: "config.toml")
    #expect(wrong.count == 1)
  }

  @Test func unknownSettingIsReportedWithItsLineAndAHint() throws {
    let (configuration, problems) = ConfigurationParser.parse(
      """
      # my settings
      theme = "sepia"
      thme = "nord"
      """, file: "/home/ada/.config/leggio/config.toml")
    #expect(configuration.theme == "sepia")
    let problem = try #require(problems.first)
    #expect(problems.count == 1)
    #expect(problem.line == 3)
    #expect(problem.key == "thme")
    let message = try #require(problem.errorDescription)
    #expect(message.hasPrefix("/home/ada/.config/leggio/config.toml:3: thme:"))
    #expect(message.contains("did you mean \"theme\"?"))
    #expect(message.contains("theme, reader, keys"))
  }

  @Test func unknownActionIsReportedAndTheRestApplies() throws {
    let (configuration, problems) = ConfigurationParser.parse(
      """
      [keys]
      quit = "x"
      next-pge = "j"
      """, file: "config.toml")
    #expect(configuration.keyOverrides == [.quit: [.character("x")]])
    let problem = try #require(problems.first)
    #expect(problem.line == 3)
    #expect(problem.key == "keys.next-pge")
    #expect(problem.errorDescription?.contains("did you mean \"next-page\"?") == true)
  }

  @Test func unparsableKeyNameIsReportedAndTheOtherKeysKept() throws {
    let (configuration, problems) = ConfigurationParser.parse(
      """
      [keys]

      previous-page = ["k", "PageUpp", "b"]
      """, file: "config.toml")
    #expect(configuration.keyOverrides == [.previousPage: [.character("k"), .character("b")]])
    let problem = try #require(problems.first)
    #expect(problem.line == 3)
    #expect(problem.errorDescription?.contains("\"PageUpp\" is not a key name") == true)
    #expect(problem.errorDescription?.contains("PgDn") == true)
  }

  @Test func keyBoundTwiceOnOneScreenIsReportedAndKeptByTheFirst() throws {
    let (configuration, problems) = ConfigurationParser.parse(
      """
      [keys]
      next-page = ["j", "Space"]
      down = "j"
      previous-page = ["k", "Space"]
      """, file: "config.toml")
    // `down` works in lists, `next-page` in the reader: j may do both.
    #expect(configuration.keyOverrides[.down] == [.character("j")])
    #expect(configuration.keyOverrides[.nextPage] == [.character("j"), .character(" ")])
    #expect(configuration.keyOverrides[.previousPage] == [.character("k")])
    let problem = try #require(problems.first)
    #expect(problems.count == 1)
    #expect(problem.line == 4)
    #expect(problem.errorDescription?.contains("Space is already bound to next-page") == true)
  }

  @Test func badValuesKeepTheirDefaults() {
    let (configuration, problems) = ConfigurationParser.parse(
      """
      theme = 3
      [reader]
      width = 5
      justify = "yes"
      margin = 1
      hyphens = true
      """, file: "config.toml")
    #expect(configuration.theme == nil)
    #expect(configuration.reader == ReaderSettings(width: 72, justify: true, margin: 1))
    #expect(problems.map(\.key) == ["theme", "reader.width", "reader.justify", "reader.hyphens"])
    #expect(problems.map(\.line) == [1, 3, 4, 6])
  }

  @Test func syntaxErrorGivesDefaultsAndTheLine() throws {
    let (configuration, problems) = ConfigurationParser.parse(
      "theme = \"nord\"\n[reader\nwidth = 60\n", file: "config.toml")
    #expect(configuration == .defaults)
    let problem = try #require(problems.first)
    #expect(problem.line == 2)
    #expect(problem.errorDescription?.hasPrefix("config.toml:2:") == true)
  }

  @Test func controlCharactersFromTheFileNeverReachTheMessage() throws {
    let (_, problems) = ConfigurationParser.parse(
      "[keys]\nquit = \"\\u001b[31mred\"\n", file: "config.toml")
    let message = try #require(problems.first?.errorDescription)
    #expect(!message.unicodeScalars.contains { $0.value == 0x1B })
  }

  @Test func fileIsFoundThroughXDGConfigHome() throws {
    let directory = try makeTemporaryDirectory()
    let leggio = directory.appendingPathComponent("leggio")
    try FileManager.default.createDirectory(at: leggio, withIntermediateDirectories: true)
    try "theme = \"gruvbox\"\n".write(
      to: leggio.appendingPathComponent("config.toml"), atomically: true, encoding: .utf8)
    let (configuration, problems) = Configuration.load(environment: [
      "XDG_CONFIG_HOME": directory.path
    ])
    #expect(configuration.theme == "gruvbox")
    #expect(problems.isEmpty)
  }

  @Test func missingFileGivesDefaultsWithoutProblems() throws {
    let directory = try makeTemporaryDirectory()
    let (configuration, problems) = Configuration.load(environment: [
      "XDG_CONFIG_HOME": directory.path
    ])
    #expect(configuration == .defaults)
    #expect(problems.isEmpty)
  }

  @Test func configDirectoryFollowsXDGRules() {
    #expect(
      ConfigurationLocation.directory(environment: ["XDG_CONFIG_HOME": "/x", "HOME": "/h"]).path
        == "/x/leggio")
    #expect(
      ConfigurationLocation.directory(environment: ["XDG_CONFIG_HOME": "", "HOME": "/h"]).path
        == "/h/.config/leggio")
    #expect(
      ConfigurationLocation.directory(environment: ["XDG_CONFIG_HOME": "rel", "HOME": "/h"]).path
        == "/h/.config/leggio")
    #expect(
      ConfigurationLocation.themesDirectory(environment: ["HOME": "/h"]).path
        == "/h/.config/leggio/themes")
  }
}

import Testing

@testable import LeggioTUI

@Suite struct ConfigKeyNameTests {
  @Test(arguments: [
    ("j", Key.character("j")), ("J", .character("J")), ("?", .character("?")),
    ("Space", .character(" ")), ("space", .character(" ")), ("Enter", .enter),
    ("Esc", .escape), ("Tab", .tab), ("S-Tab", .backTab), ("Backspace", .backspace),
    ("Up", .up), ("Down", .down), ("Left", .left), ("Right", .right), ("PgUp", .pageUp),
    ("PgDn", .pageDown), ("PageDown", .pageDown), ("Home", .home), ("End", .end),
    ("F1", .function(1)), ("F12", .function(12)), ("C-d", .control("d")),
    ("Ctrl-d", .control("d")), ("ctrl+D", .control("d")), ("^D", .control("d")),
    ("<C-u>", .control("u")), ("<Esc>", .escape), ("<", .character("<")),
    ("è", .character("è")),
  ])
  func keyNamesParse(name: String, key: Key) {
    #expect(KeyName.parse(name) == key)
  }

  @Test(arguments: ["", "PageUpp", "F0", "F25", "F01", "C-", "C-dd", "C-1", "jj", "\u{1B}", "\t"])
  func nonKeyNamesDoNotParse(name: String) {
    #expect(KeyName.parse(name) == nil)
  }

  @Test func everyKeyRoundTripsThroughItsName() {
    var keys: [Key] = [
      .enter, .escape, .backspace, .tab, .backTab, .delete, .up, .down, .left, .right, .pageUp,
      .pageDown, .home, .end, .character(" "), .character("j"), .character("G"),
      .character("?"), .character("/"), .character("<"), .character("é"),
    ]
    keys += (1...24).map(Key.function)
    keys += "abcdefghijklmnopqrstuvwxyz".map(Key.control)
    for key in keys {
      #expect(KeyName.parse(KeyName.describe(key)) == key, "\(KeyName.describe(key))")
    }
  }

  @Test func descriptionsReadAsPeopleWriteThem() {
    #expect(KeyName.describe(.character(" ")) == "Space")
    #expect(KeyName.describe(.control("d")) == "C-d")
    #expect(KeyName.describe(.pageDown) == "PgDn")
    #expect(KeyName.describe(.function(5)) == "F5")
  }
}

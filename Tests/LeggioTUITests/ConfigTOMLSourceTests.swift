import Testing

@testable import LeggioTUI

@Suite struct ConfigTOMLSourceTests {
  let source: TOMLSource

  init() throws {
    source = try TOMLSource(
      text: """
        # comment with a = sign
        name = "x"  # trailing = comment

        [roles]
        text = { fg = "a", bg = "b" }
        "quoted.key" = { fg = "c" }
        nested = { inner = { deep = 1 }, after = 2 }
        dotted.part = "d"

        [roles.title]
        fg = "e"

        [[list]]
        item = 1
        """, file: "t.toml")
  }

  @Test func linesOfPlainDottedAndQuotedKeys() {
    #expect(source.line(of: ["name"]) == 2)
    #expect(source.line(of: ["roles"]) == 4)
    #expect(source.line(of: ["roles", "quoted.key", "fg"]) == 6)
    #expect(source.line(of: ["roles", "dotted", "part"]) == 8)
    #expect(source.line(of: ["roles", "title"]) == 10)
    #expect(source.line(of: ["roles", "title", "fg"]) == 11)
    #expect(source.line(of: ["list", "item"]) == 14)
  }

  @Test func linesOfInlineTableKeys() {
    #expect(source.line(of: ["roles", "text", "bg"]) == 5)
    #expect(source.line(of: ["roles", "nested", "inner", "deep"]) == 7)
    #expect(source.line(of: ["roles", "nested", "after"]) == 7)
  }

  @Test func unwrittenKeyFallsBackToItsNearestWrittenTable() {
    #expect(source.line(of: ["roles", "title", "bold"]) == 10)
    #expect(source.line(of: ["roles", "nothing"]) == 4)
    #expect(source.line(of: ["elsewhere"]) == nil)
  }

  @Test func syntaxErrorCarriesTheLineAndColumn() {
    #expect(throws: TOMLSource.SyntaxError.self) {
      try TOMLSource(text: "a = 1\nb = = 2\n", file: "t.toml")
    }
    do {
      _ = try TOMLSource(text: "a = 1\n\nb = [1,\n", file: "t.toml")
      Issue.record("parsed an unterminated array")
    } catch {
      #expect(error.line >= 3)
    }
  }
}

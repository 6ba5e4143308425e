import Testing

@testable import LeggioModel

/// The one table of what may reach a terminal. Every path that writes outside text (the
/// TUI's cells, `show`, `list`, `search`, `feeds list`, `annotations`, exports, the stored
/// text itself) goes through `TerminalSafety`; `TerminalSafetyPathsTests` in the end-to-end
/// tests proves each path uses it.
@Suite struct TerminalSafetyTests {
  /// A case: the input, what `safe` shows, what `line` shows, what stored text keeps.
  struct Case: CustomTestStringConvertible, Sendable {
    let name: String
    let input: String
    let shown: String
    let line: String
    let stored: String
    var testDescription: String { name }
  }

  static let cases: [Case] = [
    Case(
      name: "plain Italian text", input: "già «sì» l’altro", shown: "già «sì» l’altro",
      line: "già «sì» l’altro", stored: "già «sì» l’altro"),
    Case(name: "C0 controls", input: "a\u{0}b\u{7}c", shown: "a␀b␇c", line: "a␀b␇c", stored: "abc"),
    Case(name: "DEL", input: "a\u{7F}b", shown: "a␡b", line: "a␡b", stored: "ab"),
    Case(
      name: "C1 controls and the 8-bit CSI", input: "a\u{9B}2Jb\u{85}", shown: "a�2Jb�",
      line: "a�2Jb", stored: "a2Jb\n"),
    Case(
      name: "an ESC colour sequence", input: "x\u{1B}[31mred", shown: "x␛[31mred",
      line: "x␛[31mred", stored: "xred"),
    Case(
      name: "an OSC title sequence", input: "t\u{1B}]0;pwned\u{7}ok", shown: "t␛]0;pwned␇ok",
      line: "t␛]0;pwned␇ok", stored: "tok"),
    Case(
      name: "bidi overrides and embeddings", input: "a\u{202E}b\u{202A}c", shown: "a�b�c",
      line: "a�b�c", stored: "abc"),
    Case(
      name: "bidi isolates", input: "a\u{2066}b\u{2069}", shown: "a�b�", line: "a�b�",
      stored: "ab"),
    Case(
      name: "bidi marks", input: "a\u{200E}b\u{200F}c\u{61C}d", shown: "abcd", line: "abcd",
      stored: "abcd"),
    Case(
      name: "zero-width space and word joiner", input: "a\u{200B}b\u{2060}c", shown: "abc",
      line: "abc", stored: "abc"),
    Case(
      name: "a byte order mark inside text", input: "a\u{FEFF}b", shown: "ab", line: "ab",
      stored: "ab"),
    Case(
      name: "tag characters", input: "a\u{E0001}\u{E0041}b", shown: "ab", line: "ab",
      stored: "ab"),
    Case(
      name: "variation selectors and joiners kept", input: "❤\u{FE0F} 👩\u{200D}💻 ی\u{200C}ک",
      shown: "❤\u{FE0F} 👩\u{200D}💻 ی\u{200C}ک", line: "❤\u{FE0F} 👩\u{200D}💻 ی\u{200C}ک",
      stored: "❤\u{FE0F} 👩\u{200D}💻 ی\u{200C}ک"),
    Case(
      name: "tabs and newlines", input: " a\tb\nc ", shown: " a b␊c ", line: "a b c",
      stored: " a\tb\nc "),
  ]

  @Test(arguments: cases) func safeShowsEveryUnsafeScalarAsAVisibleStandIn(_ test: Case) {
    #expect(TerminalSafety.safe(test.input) == test.shown)
    #expect(
      !TerminalSafety.safe(test.input).unicodeScalars.contains(where: TerminalSafety.isUnsafe))
  }

  @Test(arguments: cases) func lineMakesOneSafeLine(_ test: Case) {
    #expect(TerminalSafety.line(test.input) == test.line)
  }

  @Test(arguments: cases) func storedTextKeepsNothingUnsafeButNewlinesAndTabs(_ test: Case) {
    #expect(TextSanitizer.sanitize(test.input) == test.stored)
    #expect(TextSanitizer.isClean(test.input) == (test.input == test.stored))
  }

  @Test func aForbiddenScalarIsFoundAtAnyPlaceAroundTheEightByteSteps() {
    // Clean text read eight bytes at a time, with one scalar the sanitiser removes or
    // changes put at every offset of the first 40 bytes.
    let clean = "Quel ramo del lago di Como, che volge a mezzogiorno, tra più catene"
    let forbidden: [Unicode.Scalar] = [
      "\u{0}", "\u{1B}", "\u{7F}", "\u{85}", "\u{9F}", "\u{200B}", "\u{202E}", "\u{2066}",
      "\u{FEFF}", "\u{E0041}", "\r", "\u{061C}",
    ]
    for scalar in forbidden {
      for offset in 0...40 {
        var scalars = Array(clean.unicodeScalars)
        scalars.insert(scalar, at: offset)
        var text = ""
        text.unicodeScalars.append(contentsOf: scalars)
        #expect(!TextSanitizer.isClean(text), "\(scalar.value) at \(offset)")
        #expect(TextSanitizer.isClean(TextSanitizer.sanitize(text)))
      }
    }
    for length in 0...24 {
      #expect(TextSanitizer.isClean(String(clean.prefix(length))))
      #expect(TextSanitizer.isClean(String(clean.prefix(length)) + "\tè’\n"))
    }
  }

  @Test func safeKeepsNewlinesWhenAsked() {
    #expect(TerminalSafety.safe("a\nb\u{1B}", keepingNewlines: true) == "a\nb␛")
  }

  @Test func lineCutsLongTextWithAnEllipsis() {
    #expect(TerminalSafety.line("abcdef", limit: 3) == "abc…")
    #expect(TerminalSafety.line("abc", limit: 3) == "abc")
  }

  @Test func everyUnsafeScalarIsEitherShownOrDropped() {
    for value in UInt32(0)...0x3000 {
      guard let scalar = Unicode.Scalar(value), TerminalSafety.isUnsafe(scalar) else { continue }
      let shown = TerminalSafety.safe(String(Character(scalar)))
      #expect(!shown.unicodeScalars.contains(where: TerminalSafety.isUnsafe), "U+\(value)")
    }
  }
}

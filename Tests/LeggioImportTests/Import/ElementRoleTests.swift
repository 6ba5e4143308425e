import LeggioModel
import Testing

@testable import LeggioImport

/// The role looked up by an element's name gives what the converter's chain of tests
/// gave: the first set naming the element wins, a `switch` case comes before them all.
@Suite struct ElementRoleTests {
  @Test func everyStyledNameAddsTheStyleItsSetNames() {
    for name in HTMLDocumentConverter.emphasis {
      #expect(ElementRole.of(name) == .styled(.emphasis), "\(name)")
    }
    for name in HTMLDocumentConverter.strong {
      #expect(ElementRole.of(name) == .styled(.strong), "\(name)")
    }
    for name in HTMLDocumentConverter.code {
      #expect(ElementRole.of(name) == .styled(.code), "\(name)")
    }
    for name in HTMLDocumentConverter.struck {
      #expect(ElementRole.of(name) == .styled(.strikethrough), "\(name)")
    }
    #expect(ElementRole.of("sup") == .styled(.superscript))
    #expect(ElementRole.of("sub") == .styled(.subscript))
  }

  @Test func skippedElementsAreSkippedEvenWhenASwitchCaseNamesThem() {
    for name in HTMLDocumentConverter.skipped {
      #expect(ElementRole.of(name) == .skipped, "\(name)")
    }
    #expect(ElementRole.of("input") == .skipped)
  }

  @Test func containersAreContainersUnlessACaseOfTheirOwnComesFirst() {
    for name in HTMLDocumentConverter.containers where !ElementRole.specialNames.contains(name) {
      let expected: ElementRole =
        ["p", "center", "div"].contains(name) ? .paragraphLike : .container
      #expect(ElementRole.of(name) == expected, "\(name)")
    }
    #expect(ElementRole.of("section") == .special)
    #expect(ElementRole.ordinary("section") == .container)
  }

  @Test func anElementWithNoRoleIsOnlyWalkedThrough() {
    for name in ["span", "font", "small", "abbr", "unknown-element"] {
      #expect(ElementRole.of(name) == nil, "\(name)")
    }
  }

  @Test func aSectionOfNotesAndAPlainSectionConvertAsBefore() {
    let notes = HTMLDocumentConverter.convert(
      HTMLParser.parse("<p>Text</p><section data-footnotes><p>Note</p></section>"))
    #expect(notes.blocks.map(\.kind) == [.paragraph, .rule, .paragraph])
    let plain = HTMLDocumentConverter.convert(
      HTMLParser.parse("<p>Text <i>it</i></p><section>Loose <b>bold</b></section>"))
    #expect(plain.blocks.map(\.plainText) == ["Text it", "Loose bold"])
    #expect(plain.blocks[0].inlines.last?.style == .emphasis)
    #expect(plain.blocks[1].inlines.last?.style == .strong)
  }
}

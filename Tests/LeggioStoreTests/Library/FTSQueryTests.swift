import Testing

@testable import LeggioStore

@Suite struct FTSQueryTests {
  @Test func wordsAreQuotedAndTheLastIsAPrefix() {
    #expect(FTSQuery.match("guerra in Ucr", prefixLast: true) == "\"guerra\" \"in\" \"Ucr\"*")
    #expect(FTSQuery.match("guerra in Ucr", prefixLast: false) == "\"guerra\" \"in\" \"Ucr\"")
  }

  @Test func operatorsAndPunctuationAreNotSyntax() {
    #expect(
      FTSQuery.match("NOT a:b OR (c*)", prefixLast: false) == "\"NOT\" \"a\" \"b\" \"OR\" \"c\"")
    #expect(FTSQuery.match("«» ** ()", prefixLast: true) == nil)
  }

  @Test func quotedWordsAreAPhraseAndAnOpenQuoteIsStillBeingTyped() {
    #expect(FTSQuery.match("\"Kim Jong\" Putin", prefixLast: true) == "\"Kim Jong\" \"Putin\"*")
    #expect(FTSQuery.match("\"Kim Jo", prefixLast: true) == "\"Kim Jo\"*")
    #expect(FTSQuery.match("\"Kim Jong\"", prefixLast: true) == "\"Kim Jong\"")
  }

  @Test func apostrophesAndAccentsSplitAndStayAsTyped() {
    #expect(FTSQuery.match("dell'Asia più", prefixLast: false) == "\"dell\" \"Asia\" \"più\"")
  }
}

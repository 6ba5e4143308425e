import Foundation
import Testing

@testable import LeggioImport

@Suite struct CharsetTests {
  @Test func everySpellingOfALabelFindsTheSameEncoding() {
    for label in ["iso8859-2", "ISO_8859-2", "l2", "csisolatin2", "latin2", " iso-8859-2\t"] {
      #expect(Charset(label: label)?.name == "ISO-8859-2", "\(label)")
    }
    #expect(Charset(label: "x-cp1250")?.name == "windows-1250")
    #expect(Charset(label: "gb2312")?.name == "GBK")
    #expect(Charset(label: "tis-620")?.name == "windows-874")
    #expect(Charset(label: "us-ascii") == .windows1252)
    #expect(Charset(label: "utf-16") == .utf16LittleEndian)
  }

  @Test func unknownLabelsFindNothing() {
    #expect(Charset(label: "x-klingon") == nil)
    #expect(Charset(label: "") == nil)
    #expect(Charset(label: "utf 8") == nil)
  }

  /// Words in each encoding the web still serves, as iconv encodes them.
  @Test(
    arguments: [
      ("iso-8859-2", [0xA3, 0xF3, 0x64, 0xBC, 0x20, 0xBF, 0xF3, 0xB3, 0xE6], "Łódź żółć"),
      (
        "euc-jp",
        [
          0xC6, 0xFC, 0xCB, 0xDC, 0xB8, 0xEC, 0xA4, 0xCE, 0xA5, 0xC6, 0xA5, 0xAD, 0xA5, 0xB9, 0xA5,
          0xC8,
        ],
        "日本語のテキスト"
      ),
      ("gb2312", [0xD6, 0xD0, 0xCE, 0xC4, 0xCE, 0xC4, 0xB1, 0xBE], "中文文本"),
      ("gbk", [0xD6, 0xD0, 0xCE, 0xC4, 0xCE, 0xC4, 0xB1, 0xBE], "中文文本"),
      ("gb18030", [0xD6, 0xD0, 0xCE, 0xC4, 0xCE, 0xC4, 0xB1, 0xBE], "中文文本"),
      ("big5", [0xC1, 0x63, 0xC5, 0xE9, 0xA4, 0xA4, 0xA4, 0xE5], "繁體中文"),
      ("euc-kr", [0xC7, 0xD1, 0xB1, 0xB9, 0xBE, 0xEE], "한국어"),
      ("koi8-r", [0xF0, 0xD2, 0xC9, 0xD7, 0xC5, 0xD4], "Привет"),
      ("iso-8859-7", [0xCA, 0xE1, 0xEB, 0xE7, 0xEC, 0xDD, 0xF1, 0xE1], "Καλημέρα"),
      (
        "iso-8859-9", [0xDD, 0x73, 0x74, 0x61, 0x6E, 0x62, 0x75, 0x6C, 0x20, 0xF0, 0xFC, 0xFE],
        "İstanbul ğüş"
      ),
      ("iso-8859-15", [0xA4, 0x20, 0xBD], "€ œ"),
      ("windows-1255", [0xF9, 0xEC, 0xE5, 0xED], "שלום"),
      ("windows-1256", [0xE3, 0xD1, 0xCD, 0xC8, 0xC7], "مرحبا"),
      ("tis-620", [0xCA, 0xC7, 0xD1, 0xCA, 0xB4, 0xD5], "สวัสดี"),
      ("shift_jis", [0x93, 0xFA, 0x96, 0x7B], "日本"),
      (
        "iso-2022-jp",
        [
          0x1B, 0x24, 0x42, 0x46, 0x7C, 0x4B, 0x5C, 0x38, 0x6C, 0x24, 0x47, 0x24, 0x39, 0x1B, 0x28,
          0x42,
        ],
        "日本語です"
      ),
      ("x-cp1250", [0xA3, 0xF3, 0x64, 0x9F], "Łódź"),
    ] as [(String, [UInt8], String)])
  func legacyEncodingsDecodeToTheirText(label: String, bytes: [UInt8], text: String) throws {
    let charset = try #require(Charset(label: label))
    #expect(charset.decode(bytes) == text)
  }

  @Test func bytesAnEncodingCannotMapBecomeReplacementCharactersAndDecodingGoesOn() throws {
    let eucJP = try #require(Charset(label: "euc-jp"))
    // 0xFF cannot start an EUC-JP character; the text after it still reads.
    #expect(eucJP.decode([0xC6, 0xFC, 0xFF, 0x41, 0x42]) == "日\u{FFFD}AB")
    // A character cut off at the end.
    #expect(eucJP.decode([0x41, 0xC6]) == "A\u{FFFD}")
  }

  @Test func theReplacementEncodingNeverLetsItsBytesThrough() throws {
    let charset = try #require(Charset(label: "iso-2022-kr"))
    #expect(charset == .replacement)
    #expect(charset.decode(Array("<script>".utf8)) == "\u{FFFD}")
    #expect(charset.decode([UInt8]()) == "")
  }

  @Test func utf16InEitherOrderDecodesAndAnOddLastByteIsReplaced() {
    #expect(Charset.utf16BigEndian.decode([0x00, 0x63, 0x00, 0xE0]) == "cà")
    #expect(Charset.utf16LittleEndian.decode([0x63, 0x00, 0xE0, 0x00, 0x41]) == "cà\u{FFFD}")
  }
}

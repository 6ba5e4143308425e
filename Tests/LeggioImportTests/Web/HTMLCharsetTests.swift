import Foundation
import Testing

@testable import LeggioModel
@testable import LeggioImport

@Suite struct HTMLCharsetTests {
  let latin1Page = Data("<html><body><p>caff\u{E8} citt\u{E0}</p></body></html>".utf8)
    .replacingUTF8WithLatin1()

  /// The parser's bytes are the decoded text's, whatever the page's charset, byte-order
  /// mark, declaration or broken UTF-8.
  @Test func bytesForTheParserAreTheDecodedTextsUTF8() {
    let windows1252 = Data(
      (0...255).map { UInt8($0) } + Array("<meta charset=windows-1252>".utf8))
    var bom = Data([0xEF, 0xBB, 0xBF])
    bom.append(Data("<p>più</p>".utf8))
    var utf16 = Data([0xFF, 0xFE])
    utf16.append("<p>città</p>".data(using: .utf16LittleEndian)!)
    let pages: [(Data, String?)] = [
      (latin1Page, nil), (latin1Page, "text/html; charset=iso-8859-1"), (windows1252, nil),
      (bom, nil), (utf16, nil),
      (Data([0x3C, 0x70, 0x3E, 0xC3, 0x28, 0xE2, 0x82]), "text/html; charset=utf-8"),
      (Data("<p>città ✓ 𝄞</p>".utf8), nil),
      (Data("<meta charset=shift_jis>\u{82}\u{A0}".utf8), nil),
      (Data(), nil),
    ]
    for (data, contentType) in pages {
      let text = HTMLCharset.decode(data, contentType: contentType)
      let bytes = HTMLCharset.decodeToUTF8(data, contentType: contentType)
      #expect(bytes.utf8 == Array(text.text.utf8))
      #expect(bytes.encoding == text.encoding && bytes.source == text.source)
      #expect(bytes.warning == text.warning)
    }
  }

  @Test func httpHeaderCharsetWinsOverTheMetaTag() {
    let html = "<meta charset=\"utf-8\"><p>perch\u{E9}</p>"
    let bytes = Data(html.unicodeScalars.map { UInt8($0.value) })
    let decoded = HTMLCharset.decode(bytes, contentType: "text/html; charset=ISO-8859-1")
    #expect(decoded.source == .httpHeader)
    #expect(decoded.text.contains("perché"))
  }

  @Test func byteOrderMarkWinsOverTheMetaTag() {
    var bytes = Data([0xEF, 0xBB, 0xBF])
    bytes.append(Data("<meta charset=windows-1252><p>più</p>".utf8))
    let decoded = HTMLCharset.decode(bytes)
    #expect(decoded.source == .byteOrderMark)
    #expect(decoded.text.hasSuffix("<p>più</p>"))
  }

  @Test func utf16WithByteOrderMarkDecodes() {
    var bytes = Data([0xFF, 0xFE])
    bytes.append("<p>città</p>".data(using: .utf16LittleEndian)!)
    #expect(HTMLCharset.decode(bytes).text == "<p>città</p>")
  }

  @Test func metaCharsetIsReadWhenTheServerIsSilent() {
    let html = "<html><head><meta charset='windows-1252'></head><p>\u{93}ciao\u{94} \u{80}5</p>"
    let bytes = Data(html.unicodeScalars.map { UInt8($0.value) })
    let decoded = HTMLCharset.decode(bytes)
    #expect(decoded.source == .metaTag)
    #expect(decoded.text.contains("“ciao” €5"))
  }

  @Test func httpEquivContentTypeDeclaresTheCharset() {
    let html =
      "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\"><p>\u{E0}</p>"
    let bytes = Data(html.unicodeScalars.map { UInt8($0.value) })
    let decoded = HTMLCharset.decode(bytes)
    #expect(decoded.source == .metaTag)
    #expect(decoded.text.hasSuffix("<p>à</p>"))
  }

  @Test func otherDeclaredEncodingsDecodeThroughIconv() {
    // "Привет" in windows-1251, "Łódź" in iso-8859-2, "日本" in Shift_JIS.
    let cases: [(String, [UInt8], String)] = [
      ("windows-1251", [0xCF, 0xF0, 0xE8, 0xE2, 0xE5, 0xF2], "Привет"),
      ("iso-8859-2", [0xA3, 0xF3, 0x64, 0xBC], "Łódź"),
      ("shift_jis", [0x93, 0xFA, 0x96, 0x7B], "日本"),
    ]
    for (label, bytes, expected) in cases {
      let decoded = HTMLCharset.decode(Data(bytes), contentType: "text/html; charset=\(label)")
      #expect(decoded.text == expected, "\(label)")
    }
  }

  @Test func undeclaredLatin1BytesFallBackToWindows1252() {
    let decoded = HTMLCharset.decode(latin1Page)
    #expect(decoded.source == .detected)
    #expect(decoded.encoding == "windows-1252")
    #expect(decoded.text.contains("caffè città"))
  }

  @Test func undeclaredValidUTF8IsDetected() {
    let decoded = HTMLCharset.decode(Data("<p>già così</p>".utf8))
    #expect(decoded.encoding == "UTF-8")
    #expect(decoded.text == "<p>già così</p>")
  }

  @Test func unknownDeclaredCharsetWarnsAndStillDecodes() {
    let decoded = HTMLCharset.decode(
      Data("<p>ok</p>".utf8), contentType: "text/html; charset=x-klingon")
    #expect(decoded.text == "<p>ok</p>")
    #expect(decoded.warning?.contains("x-klingon") == true)
  }

  @Test func charsetParameterIsFoundAmongOthers() {
    #expect(HTMLCharset.charsetParameter(in: "text/html; q=1; Charset=\"UTF-8\"") == "utf-8")
    #expect(HTMLCharset.charsetParameter(in: "text/html") == nil)
  }

  @Test func controlCharactersAndBidiOverridesAreStripped() {
    let hostile = "ok\u{1B}[31mred\u{07}\u{9B}2J\u{202E}evil\u{2066}\tend\r\nline"
    #expect(TextSanitizer.sanitize(hostile) == "okred2Jevil\tend\nline")
  }
}

extension Data {
  /// The same text with each UTF-8 encoded Latin-1 character as one byte.
  fileprivate func replacingUTF8WithLatin1() -> Data {
    Data(String(decoding: self, as: UTF8.self).unicodeScalars.map { UInt8($0.value) })
  }
}

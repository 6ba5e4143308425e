import Foundation
import Testing

@testable import LeggioImport

/// The prescan follows the HTML standard; each case is one of its rules.
@Suite struct MetaCharsetPrescanTests {
  private func prescan(_ html: String) -> String? {
    MetaCharsetPrescan.scan(Array(html.utf8)).charset?.name
  }

  @Test func metaCharsetAttributeDeclaresTheEncoding() {
    #expect(prescan(#"<html><head><meta charset="iso8859-2">"#) == "ISO-8859-2")
    #expect(prescan("<meta charset=koi8-r>") == "KOI8-R")
    #expect(prescan("<META CHARSET='EUC-JP'/>") == "EUC-JP")
  }

  @Test func whitespaceAroundTheValueIsIgnored() {
    #expect(prescan(#"<meta charset = " iso-8859-7 ">"#) == "ISO-8859-7")
    #expect(prescan("<meta\tcharset=\n gb2312>") == "GBK")
  }

  @Test func aMetaInsideACommentIsNotObeyed() {
    #expect(prescan(#"<!-- <meta charset="iso-8859-2"> --><meta charset="koi8-r">"#) == "KOI8-R")
    #expect(prescan(#"<!-- <meta charset="iso-8859-2"> -->"#) == nil)
  }

  @Test func theDashesThatOpenACommentAlsoCloseIt() {
    #expect(prescan(#"<!--><meta charset="big5">"#) == "Big5")
  }

  @Test func aMetaInsideAnotherTagsAttributeIsNotObeyed() {
    #expect(prescan(#"<a title="<meta charset=iso-8859-2>"><meta charset=utf-8>"#) == "UTF-8")
    #expect(prescan(#"</p title="<meta charset=iso-8859-2>">"#) == nil)
  }

  @Test func contentTypePragmaNeedsBothAttributesInEitherOrder() {
    #expect(
      prescan(#"<meta http-equiv="Content-Type" content="text/html; charset=windows-1255">"#)
        == "windows-1255")
    #expect(
      prescan(#"<meta content="text/html; charset=windows-1256" http-equiv="content-type">"#)
        == "windows-1256")
    #expect(prescan(#"<meta content="text/html; charset=windows-1256">"#) == nil)
    #expect(
      prescan(#"<meta content='charset="tis-620"' http-equiv=content-type>"#)
        == "windows-874")
  }

  @Test func theFirstOfTwoSameAttributesCounts() {
    #expect(prescan(#"<meta charset="iso-8859-15" charset="utf-8">"#) == "ISO-8859-15")
  }

  @Test func anUnknownLabelIsSkippedForALaterDeclaration() {
    let result = MetaCharsetPrescan.scan(
      Array(#"<meta charset="x-klingon"><meta charset="koi8-u">"#.utf8))
    #expect(result.charset?.name == "KOI8-U")
    let unknown = MetaCharsetPrescan.scan(Array(#"<meta charset="x-klingon">"#.utf8))
    #expect(unknown.charset == nil)
    #expect(unknown.unknownLabel == "x-klingon")
  }

  @Test func utf16DeclaredInASCIIMeansUTF8AndUserDefinedMeansWindows1252() {
    #expect(prescan(#"<meta charset="utf-16">"#) == "UTF-8")
    #expect(prescan(#"<meta charset="x-user-defined">"#) == "windows-1252")
  }

  @Test func onlyTheFirst1024BytesAreSearched() {
    let filler = "<!--" + String(repeating: "x", count: 1016) + "-->"
    #expect(prescan(filler + "<meta charset=iso-8859-2>") == nil)
    let shortFiller = "<!--" + String(repeating: "x", count: 900) + "-->"
    #expect(prescan(shortFiller + "<meta charset=iso-8859-2>") == "ISO-8859-2")
  }

  @Test func processingInstructionsAndDoctypesAreSteppedOver() {
    #expect(
      prescan(#"<?xml version="1.0"?><!DOCTYPE html><meta charset="euc-kr">"#) == "EUC-KR")
  }

  @Test func aPageDeclaredInALegacyEncodingReadsInIt() {
    // "日本語" in EUC-JP after a meta declaration, with no HTTP charset.
    let bytes =
      Array(#"<html><head><meta charset="x-euc-jp"></head><p>"#.utf8)
      + [0xC6, 0xFC, 0xCB, 0xDC, 0xB8, 0xEC] + Array("</p>".utf8)
    let decoded = HTMLCharset.decode(Data(bytes))
    #expect(decoded.source == .metaTag)
    #expect(decoded.encoding == "EUC-JP")
    #expect(decoded.text.hasSuffix("<p>日本語</p>"))
  }

  @Test func aByteOrderMarkWinsOverTheServersCharset() {
    let bytes = [0xEF, 0xBB, 0xBF] + Array("<p>città</p>".utf8)
    let decoded = HTMLCharset.decode(Data(bytes), contentType: "text/html; charset=koi8-r")
    #expect(decoded.source == .byteOrderMark)
    #expect(decoded.text == "<p>città</p>")
  }
}

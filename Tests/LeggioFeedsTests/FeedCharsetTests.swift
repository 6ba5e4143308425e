import Foundation
import Testing

@testable import LeggioFeeds

@Suite struct FeedCharsetTests {
  private func latin1(_ text: String) -> Data { text.data(using: .isoLatin1)! }

  @Test func xmlDeclarationCharsetIsHonoured() throws {
    let data = latin1(
      "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss version=\"2.0\"><channel><title>Perché più</title></channel></rss>"
    )
    let feed = try FeedParser.parse(data: data, contentType: nil, url: nil)
    #expect(feed.title == "Perché più")
    #expect(feed.warnings.isEmpty)
  }

  @Test func httpCharsetWinsOverTheDeclaration() throws {
    let data = latin1(
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Città</title></channel></rss>"
    )
    let feed = try FeedParser.parse(
      data: data, contentType: "application/rss+xml; charset=iso-8859-1", url: nil)
    #expect(feed.title == "Città")
  }

  @Test func bytesThatContradictADeclaredUTF8AreReadAsWindows1252() throws {
    var bytes = Array(
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>".utf8)
    bytes += [0x93, 0x63, 0x61, 0x66, 0x66, 0xE8, 0x94]  // “caffè” in Windows-1252
    bytes += Array("</title></channel></rss>".utf8)
    let feed = try FeedParser.parse(data: Data(bytes), contentType: nil, url: nil)
    #expect(feed.title == "“caffè”")
    #expect(feed.warnings.contains { $0.contains("Windows-1252") })
  }

  @Test func utf8BytesDeclaredLatin1AreReadAsUTF8() throws {
    let text =
      "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss version=\"2.0\"><channel><title>Perché</title></channel></rss>"
    let feed = try FeedParser.parse(data: Data(text.utf8), contentType: nil, url: nil)
    #expect(feed.title == "Perché")
    #expect(feed.warnings.contains { $0.contains("UTF-8") })
  }

  @Test func legacyEncodingsAnyLabelDeclaresAreRead() throws {
    // "Привет" in KOI8-R, "中文" in GB2312 under two of their WHATWG labels.
    let cases: [(String, [UInt8], String)] = [
      ("koi8_r", [0xF0, 0xD2, 0xC9, 0xD7, 0xC5, 0xD4], "Привет"),
      ("csgb2312", [0xD6, 0xD0, 0xCE, 0xC4], "中文"),
    ]
    for (label, title, expected) in cases {
      var bytes = Array(
        "<?xml version=\"1.0\" encoding=\"\(label)\"?><rss version=\"2.0\"><channel><title>"
          .utf8)
      bytes += title + Array("</title></channel></rss>".utf8)
      let feed = try FeedParser.parse(data: Data(bytes), contentType: nil, url: nil)
      #expect(feed.title == expected, "\(label)")
      #expect(feed.warnings.isEmpty, "\(label)")
    }
  }

  @Test func utf16WithByteOrderMarkIsRead() throws {
    let text =
      "<?xml version=\"1.0\" encoding=\"UTF-16\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Über</title></feed>"
    var data = Data([0xFF, 0xFE])
    data.append(text.data(using: .utf16LittleEndian)!)
    let feed = try FeedParser.parse(data: data, contentType: nil, url: nil)
    #expect(feed.title == "Über")
  }

  @Test func otherCharsetsAreConvertedByLibxml2() throws {
    var bytes = Array(
      "<?xml version=\"1.0\" encoding=\"KOI8-R\"?><rss version=\"2.0\"><channel><title>".utf8)
    bytes += [0xF0, 0xD2, 0xC1, 0xD7, 0xC4, 0xC1]  // "Правда" in KOI8-R
    bytes += Array("</title></channel></rss>".utf8)
    let feed = try FeedParser.parse(data: Data(bytes), contentType: nil, url: nil)
    #expect(feed.title == "Правда")
  }
}

import FlyingFox
import Foundation
import LeggioImport
import LeggioModel
import LeggioPictures
import LeggioTestSupport
import Testing

/// Real WebP files, made by Debian's cwebp: recognised by their bytes, measured from their
/// header, decoded by libwebp to the colours they hold, drawn in symbols, and kept from a
/// page's `<picture>` `<source type="image/webp">`.
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/cwebp"), "no cwebp"))
struct WebPPictureTests {
  @Test func aLosslessWebPIsKnownMeasuredAndDecodedToItsColours() throws {
    let data = try #require(try TestPictures.webp(width: 320, height: 200))
    #expect(ImageFormat(sniffing: data) == .webp)
    let info = try #require(ImageInfo(data))
    #expect(info.width == 320 && info.height == 200)
    let picture = try #require(DecodedPicture(data), "libwebp did not decode it")
    #expect(picture.width == 320 && picture.height == 200)
    // Left half red (200, 30, 30), right half blue (30, 30, 200), exactly: lossless.
    #expect(Array(picture.rgba[0..<4]) == [200, 30, 30, 255])
    let right = (100 * 320 + 300) * 4
    #expect(Array(picture.rgba[right..<right + 4]) == [30, 30, 200, 255])
  }

  @Test func aLossyWebPIsMeasuredFromItsVP8HeaderAndDrawnInSymbols() throws {
    let data = try #require(try TestPictures.webp(width: 600, height: 400, quality: 75))
    let info = try #require(ImageInfo(data))
    #expect(info.width == 600 && info.height == 400)
    let picture = try #require(DecodedPicture(data))
    let left = Array(picture.rgba[(200 * 600 + 50) * 4..<(200 * 600 + 50) * 4 + 3])
    #expect(left[0] > 150 && left[2] < 80, "\(left)")
    let symbols = try #require(SymbolPicture(picture, columns: 30, rows: 10, colours: .trueColor))
    #expect(symbols.columns == 30 && symbols.rows == 10)
    #expect(symbols.cells.contains { $0.foreground >= 0 || $0.background >= 0 })
  }

  @Test func aPagesWebPSourceIsTheOneKept() async throws {
    let webp = try #require(try TestPictures.webp(width: 240, height: 160))
    let jpeg = try TestPictures.jpeg(width: 240, height: 160)
    let page = """
      <html lang="en"><head><title>Boats</title></head><body><article><h1>Boats</h1>
      \((1...4).map { "<p>Paragraph \($0) about the boats in the harbour, long enough to be the text.</p>" }.joined())
      <figure><picture><source type="image/avif" srcset="/boats.avif">
      <source type="image/webp" srcset="/boats.webp"><img src="/boats.jpg" alt="Boats"></picture>
      <figcaption>Boats © Harbour</figcaption></figure>
      <p>The last paragraph about the boats, which ends the article here.</p></article></body></html>
      """
    let server = HTTPServer(address: try .inet(ip4: "127.0.0.1", port: 0))
    await server.appendRoute("GET /boats.html") { _ in
      HTTPResponse(
        statusCode: .ok, headers: [.contentType: "text/html; charset=utf-8"],
        body: Data(page.utf8))
    }
    await server.appendRoute("GET /boats.webp") { _ in
      HTTPResponse(statusCode: .ok, headers: [.contentType: "image/webp"], body: webp)
    }
    await server.appendRoute("GET /boats.jpg") { _ in
      HTTPResponse(statusCode: .ok, headers: [.contentType: "image/jpeg"], body: jpeg)
    }
    try await server.serving { base in
      let url = base.appendingPathComponent("boats.html")
      var article = try WebPageImporter.importHTML(
        data: Data(page.utf8), url: url, contentType: "text/html")
      let collected = article
      article = await withCheckedContinuation { continuation in
        DispatchQueue.global().async {
          var article = collected
          ImageCollector(timeout: 60).collect(into: &article)
          continuation.resume(returning: article)
        }
      }
      #expect(article.warnings.isEmpty, "\(article.warnings)")
      #expect(article.images.map(\.source) == [base.absoluteString + "boats.webp"])
      #expect(article.images.first?.info.format == .webp)
    }
  }
}

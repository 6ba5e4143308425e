import Foundation
import LeggioModel
import LeggioTestSupport
import Testing

@Suite struct ImageInfoTests {
  @Test func aPNGsSizeIsReadFromItsHeader() {
    let info = ImageInfo(TestPictures.png(width: 33, height: 17))
    #expect(info == ImageInfo(format: .png, width: 33, height: 17))
  }

  @Test func aJPEGsSizeIsReadFromItsFrameHeader() throws {
    let info = ImageInfo(try TestPictures.jpeg(width: 1600, height: 1000))
    #expect(info == ImageInfo(format: .jpeg, width: 1600, height: 1000))
  }

  @Test func aDecompressionBombDeclaresItsSizeBeforeAnythingIsInflated() {
    let bomb = TestPictures.bombPNG()
    #expect(bomb.count < 100)
    #expect(ImageInfo(bomb) == ImageInfo(format: .png, width: 100_000, height: 100_000))
  }

  @Test func htmlCalledAPictureIsRecognisedAsNone() {
    #expect(ImageFormat(sniffing: Data("<!doctype html><p>hi".utf8)) == nil)
    #expect(ImageInfo(Data("<html>".utf8)) == nil)
  }

  @Test func gifAndWebPHeadersGiveTheirSizes() {
    var gif = Data("GIF89a".utf8)
    gif.append(contentsOf: [0x40, 0x01, 0xF0, 0x00, 0, 0, 0])
    #expect(ImageInfo(gif) == ImageInfo(format: .gif, width: 320, height: 240))
    // A lossless WebP: 0x2F, then 14 bits width-1 and 14 bits height-1.
    var webp = Data("RIFF".utf8) + Data([0, 0, 0, 0]) + Data("WEBPVP8L".utf8)
    webp.append(contentsOf: [0, 0, 0, 0, 0x2F])
    let bits = UInt32(99) | UInt32(49) << 14
    webp.append(contentsOf: [0, 8, 16, 24].map { UInt8(truncatingIfNeeded: bits >> UInt32($0)) })
    webp.append(contentsOf: [UInt8](repeating: 0, count: 8))
    #expect(ImageInfo(webp) == ImageInfo(format: .webp, width: 100, height: 50))
  }
}

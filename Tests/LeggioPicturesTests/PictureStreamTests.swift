import Foundation
import LeggioPictures
import LeggioTestSupport
import Testing

/// The kitty and sixel byte streams chafa writes for a picture, read back: the sixel
/// header's raster size and the kitty command's keys.
@Suite struct PictureStreamTests {
  static func picture() throws -> DecodedPicture {
    try #require(DecodedPicture(TestPictures.png(width: 320, height: 200)))
  }

  @Test func aPNGDecodesToItsPixels() throws {
    let picture = try Self.picture()
    #expect(picture.width == 320 && picture.height == 200)
    // Left half red (200, 30, 30), opaque.
    #expect(Array(picture.rgba[0..<4]) == [200, 30, 30, 255])
    let right = (100 * 320 + 300) * 4
    #expect(Array(picture.rgba[right..<right + 4]) == [30, 30, 200, 255])
  }

  @Test func htmlIsNotDecoded() {
    #expect(DecodedPicture(Data("<!doctype html><p>no".utf8)) == nil)
  }

  @Test func theSixelStreamDeclaresThePixelsOfItsCells() throws {
    let bytes = try #require(
      PictureStream.bytes(
        try Self.picture(), columns: 20, rows: 6, graphics: .sixel, cellWidth: 10, cellHeight: 20))
    let text = String(decoding: bytes, as: UTF8.self)
    // DCS … q, then the raster attributes "Pan;Pad;Ph;Pv: 1:1 pixels, width and height.
    let start = try #require(text.range(of: "\u{1B}P"))
    let q = try #require(text.range(of: "q", range: start.upperBound..<text.endIndex))
    let raster = text[q.upperBound...].prefix { $0 != "#" }
    let fields = raster.dropFirst().split(separator: ";").compactMap { Int($0) }
    #expect(raster.first == "\"")
    #expect(fields.count == 4)
    #expect(fields[0] == 1 && fields[1] == 1)
    #expect(fields[2] <= 200 && fields[3] <= 120)  // within 20x6 cells of 10x20 pixels
    #expect(fields[2] >= 190)  // as wide as the cells allow at 320:200
    #expect(text.hasSuffix("\u{1B}\\"))
  }

  @Test func theKittyStreamIsAnAPCCommandSizedInCells() throws {
    let bytes = try #require(
      PictureStream.bytes(
        try Self.picture(), columns: 20, rows: 6, graphics: .kitty, cellWidth: 10, cellHeight: 20))
    let text = String(decoding: bytes, as: UTF8.self)
    #expect(text.hasPrefix("\u{1B}_G"))
    let keys = text.dropFirst(3).prefix { $0 != ";" }.split(separator: ",")
    #expect(keys.contains("a=T"))
    #expect(keys.contains("c=20"))
    #expect(keys.contains("r=6"))
  }
}

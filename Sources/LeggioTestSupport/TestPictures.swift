import Foundation
import LeggioModel

/// Real picture files made for the tests: PNGs written here (stored deflate blocks, CRCs
/// and all), JPEGs by Debian's `cjpeg` from a PPM.
public enum TestPictures {
  /// A `width` x `height` PNG: the left half `left`, the right half `right` (RGB).
  public static func png(
    width: Int, height: Int, left: (UInt8, UInt8, UInt8) = (200, 30, 30),
    right: (UInt8, UInt8, UInt8) = (30, 30, 200)
  ) -> Data {
    var raw: [UInt8] = []
    raw.reserveCapacity((width * 3 + 1) * height)
    for _ in 0..<height {
      raw.append(0)  // filter: none
      for x in 0..<width {
        let (r, g, b) = x < width / 2 ? left : right
        raw += [r, g, b]
      }
    }
    return pngFile(width: width, height: height, idat: zlibStored(raw))
  }

  /// A PNG whose header declares `width` x `height` but whose data is a few bytes: what a
  /// decompression bomb looks like before anything inflates it.
  public static func bombPNG(width: Int = 100_000, height: Int = 100_000) -> Data {
    pngFile(width: width, height: height, idat: zlibStored([0, 0, 0, 0]))
  }

  /// A JPEG of `width` x `height`, a gradient with a dark band, made by cjpeg.
  public static func jpeg(width: Int, height: Int) throws -> Data {
    var ppm = Data("P6\n\(width) \(height)\n255\n".utf8)
    var pixels = [UInt8](repeating: 0, count: width * height * 3)
    for y in 0..<height {
      for x in 0..<width {
        let at = (y * width + x) * 3
        pixels[at] = UInt8(x * 255 / max(1, width - 1))
        pixels[at + 1] = UInt8(y * 255 / max(1, height - 1))
        pixels[at + 2] = (y / 50) % 2 == 0 ? 200 : 40
      }
    }
    ppm.append(contentsOf: pixels)
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "leggio-pictures-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let input = directory.appendingPathComponent("in.ppm")
    let output = directory.appendingPathComponent("out.jpg")
    try ppm.write(to: input)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/cjpeg")
    process.arguments = ["-quality", "85", "-outfile", output.path, input.path]
    try process.run()
    process.waitUntilExit()
    return try Data(contentsOf: output)
  }

  /// The PNG of `png(width:height:)` as a WebP file, made by Debian's `cwebp` (lossless
  /// unless `quality` is given); nil when cwebp is not installed.
  public static func webp(width: Int, height: Int, quality: Int? = nil) throws -> Data? {
    let program = "/usr/bin/cwebp"
    guard FileManager.default.isExecutableFile(atPath: program) else { return nil }
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "leggio-pictures-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let input = directory.appendingPathComponent("in.png")
    let output = directory.appendingPathComponent("out.webp")
    try png(width: width, height: height).write(to: input)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: program)
    process.arguments =
      (quality.map { ["-q", "\($0)"] } ?? ["-lossless"]) + [
        "-quiet", input.path, "-o", output.path,
      ]
    try process.run()
    process.waitUntilExit()
    return try Data(contentsOf: output)
  }

  private static func pngFile(width: Int, height: Int, idat: [UInt8]) -> Data {
    var file: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
    var header: [UInt8] = []
    header += bigEndian(UInt32(width)) + bigEndian(UInt32(height))
    header += [8, 2, 0, 0, 0]  // 8 bits, RGB, deflate, no filter, no interlace
    file += chunk("IHDR", header) + chunk("IDAT", idat) + chunk("IEND", [])
    return Data(file)
  }

  private static func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
    let typed = Array(type.utf8) + data
    return bigEndian(UInt32(data.count)) + typed + bigEndian(crc32(typed))
  }

  /// zlib with stored (uncompressed) deflate blocks.
  private static func zlibStored(_ data: [UInt8]) -> [UInt8] {
    var out: [UInt8] = [0x78, 0x01]
    var at = 0
    repeat {
      let count = min(65_535, data.count - at)
      let last: UInt8 = at + count >= data.count ? 1 : 0
      out += [
        last, UInt8(count & 0xFF), UInt8(count >> 8), UInt8(~count & 0xFF),
        UInt8((~count >> 8) & 0xFF),
      ]
      out += data[at..<at + count]
      at += count
    } while at < data.count
    var a: UInt32 = 1
    var b: UInt32 = 0
    for byte in data {
      a = (a + UInt32(byte)) % 65_521
      b = (b + a) % 65_521
    }
    return out + bigEndian(b << 16 | a)
  }

  private static func bigEndian(_ value: UInt32) -> [UInt8] {
    [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: value >> UInt32($0)) }
  }

  private static func crc32(_ bytes: [UInt8]) -> UInt32 {
    var crc: UInt32 = 0xFFFF_FFFF
    for byte in bytes {
      crc ^= UInt32(byte)
      for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
    }
    return ~crc
  }
}

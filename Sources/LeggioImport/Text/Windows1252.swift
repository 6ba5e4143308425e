/// The Windows-1252 code page: Latin-1 with printable characters in 0x80–0x9F.
enum Windows1252 {
  /// Unicode scalars for bytes 0x80–0x9F. The five bytes the code page leaves undefined
  /// map to the C1 control of the same value, which the sanitizer then drops.
  private static let high: [UInt32] = [
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
    0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
  ]

  static func decode<Bytes: Collection>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
    var scalars = String.UnicodeScalarView()
    scalars.reserveCapacity(bytes.count)
    for byte in bytes {
      let value = (0x80...0x9F).contains(byte) ? high[Int(byte) - 0x80] : UInt32(byte)
      scalars.append(Unicode.Scalar(value)!)
    }
    return String(scalars)
  }

  /// The same text as UTF-8 bytes, encoded a byte at a time.
  static func utf8Bytes(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count + bytes.count / 8)
    for byte in bytes {
      guard byte >= 0x80 else {
        output.append(byte)
        continue
      }
      let value = byte <= 0x9F ? high[Int(byte) - 0x80] : UInt32(byte)
      if value < 0x800 {
        output.append(UInt8(0xC0 | (value >> 6)))
      } else {
        output.append(UInt8(0xE0 | (value >> 12)))
        output.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
      }
      output.append(UInt8(0x80 | (value & 0x3F)))
    }
    return output
  }
}

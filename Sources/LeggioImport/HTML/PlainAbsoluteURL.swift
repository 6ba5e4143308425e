/// An `http(s)` address already in its final form: printable ASCII with nothing a URL
/// parser would escape or change. Resolving one against a base gives it back unchanged,
/// so the converter and the extractor skip Foundation's `URL` (slow, and called for
/// every link and picture of a page). Addresses with `.` or `..` segments are left to it.
enum PlainAbsoluteURL {
  /// "/./" and "/../" both contain it.
  private static let dotSegment = ByteNeedle("./")

  static func isPlain(_ address: String) -> Bool {
    var copy = address
    return copy.withUTF8 { bytes in
      guard !dotSegment.occurs(in: bytes) else { return false }
      let http = Array("http://".utf8)
      let https = Array("https://".utf8)
      let scheme =
        bytes.starts(with: https) ? https.count : bytes.starts(with: http) ? http.count : 0
      guard scheme > 0, bytes.count > scheme else { return false }
      for byte in bytes {
        guard byte > 0x20, byte < 0x7F else { return false }
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\\"),
          UInt8(ascii: "^"), UInt8(ascii: "`"), UInt8(ascii: "{"), UInt8(ascii: "|"),
          UInt8(ascii: "}"), UInt8(ascii: "["), UInt8(ascii: "]"):
          return false
        default: continue
        }
      }
      return true
    }
  }
}

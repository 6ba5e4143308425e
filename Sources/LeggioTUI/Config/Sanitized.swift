/// Text from files and the command line on its way into a message: control characters
/// (C0, C1, DEL, bidirectional overrides) are shown as `?` so that nothing written in a
/// configuration or theme file reaches the terminal as an escape sequence.
enum Sanitized {
  static func text(_ value: String, limit: Int = 60) -> String {
    var result = ""
    for scalar in value.unicodeScalars.prefix(limit) {
      result.unicodeScalars.append(isUnsafe(scalar) ? "?" : scalar)
    }
    return value.unicodeScalars.count > limit ? result + "…" : result
  }

  static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x00...0x1F, 0x7F...0x9F, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
    default: false
    }
  }
}

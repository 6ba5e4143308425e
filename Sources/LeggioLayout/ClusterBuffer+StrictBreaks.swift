/// Japanese strict line breaking: small kana keep to the character before them.
extension ClusterBuffer {
  /// Small hiragana and katakana (ぁ ぃ ぅ ぇ ぉ っ ゃ ゅ ょ ゎ ゕ ゖ, their katakana, the
  /// phonetic extensions ㇰ-ㇿ and the half-width ｧ-ｯ): the characters CSS's strict line
  /// breaking keeps from starting a line.
  static func isSmallKana(_ value: UInt32) -> Bool {
    switch value {
    case 0x3041, 0x3043, 0x3045, 0x3047, 0x3049, 0x3063, 0x3083, 0x3085, 0x3087, 0x308E,
      0x3095, 0x3096, 0x30A1, 0x30A3, 0x30A5, 0x30A7, 0x30A9, 0x30C3, 0x30E3, 0x30E5, 0x30E7,
      0x30EE, 0x30F5, 0x30F6, 0x31F0...0x31FF, 0xFF67...0xFF6F:
      return true
    default:
      return false
    }
  }

  /// Gives every small kana the closing class, so that no line starts with one.
  mutating func keepSmallKanaWithTheirWord() {
    guard !uniform else { return }  // text of the simple path holds no kana
    for index in 0..<count where classes[index] == .ideographic || classes[index] == .normal {
      let lower = Int(byteStarts[index])
      // Small kana are three bytes in UTF-8, from EF (half-width) or E3.
      guard Int(byteStarts[index + 1]) - lower == 3, bytes[lower] == 0xE3 || bytes[lower] == 0xEF
      else { continue }
      let value =
        UInt32(bytes[lower] & 0x0F) << 12 | UInt32(bytes[lower + 1] & 0x3F) << 6
        | UInt32(bytes[lower + 2] & 0x3F)
      if Self.isSmallKana(value) { setClass(.closing, at: index) }
    }
  }
}

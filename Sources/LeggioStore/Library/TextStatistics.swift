/// Counting words the way a reader would: runs of letters and digits.
public enum TextStatistics {
  /// The number of words in `text`; "dell'Asia" counts as two, "2023" as one.
  ///
  /// Read on the UTF-8 bytes, a scalar decoded only where a byte is not ASCII: a book's
  /// 4.4 MB took 26 ms scalar by scalar, on the way to storing it.
  public static func wordCount(_ text: String) -> Int {
    var text = text
    return text.withUTF8 { bytes in
      var count = 0
      var inWord = false
      var index = 0
      while index < bytes.count {
        let lead = bytes[index]
        let isWordScalar: Bool
        if lead < 0x80 {
          // A letter (either case: bit 0x20 folds them) or a digit.
          isWordScalar = (lead | 0x20) &- 0x61 < 26 || lead &- 0x30 < 10
          index += 1
        } else {
          // Valid UTF-8 (a Swift string's): the lead byte says how many follow.
          let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
          var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
          for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
          index += length
          isWordScalar = isWord(value)
        }
        if isWordScalar && !inWord { count += 1 }
        inWord = isWordScalar
      }
      return count
    }
  }

  /// Whether a scalar outside ASCII is part of a word.
  private static func isWord(_ value: UInt32) -> Bool {
    // The rest of Latin-1 (guillemets, no-break space, ª, ², ½...): looked up once.
    if value < 0xC0 { return latin1Symbols[Int(value) - 0x80] }
    // Latin-1 and Latin Extended letters (all but × and ÷): Italian's accents, without a
    // Unicode property lookup each.
    if value >= 0xC0 && value <= 0x24F { return value != 0xD7 && value != 0xF7 }
    // General Punctuation (curly quotes, dashes, spaces): no letter nor digit in it, and
    // the commonest non-ASCII scalars of prose after the accents.
    if value >= 0x2000 && value <= 0x206F { return false }
    return hasWordProperty(value)
  }

  private static func hasWordProperty(_ value: UInt32) -> Bool {
    guard let scalar = Unicode.Scalar(value) else { return false }
    return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
  }

  /// `hasWordProperty` of U+0080–U+00BF, worked out once: Italian and French prose quote
  /// with « », a Unicode property lookup each.
  private static let latin1Symbols: [Bool] = (0x80..<0xC0).map { hasWordProperty($0) }
}

/// Counting words the way a reader would: runs of letters and digits.
public enum TextStatistics {
  /// The number of words in `text`; "dell'Asia" counts as two, "2023" as one.
  public static func wordCount(_ text: String) -> Int {
    var count = 0
    var inWord = false
    for scalar in text.unicodeScalars {
      let value = scalar.value
      let isWordScalar =
        value < 0x80
        ? (value >= 0x61 && value <= 0x7A) || (value >= 0x41 && value <= 0x5A)
          || (value >= 0x30 && value <= 0x39)
        // Latin-1 and Latin Extended letters (all but × and ÷): Italian's accents, without
        // a Unicode property lookup each.
        : (value >= 0xC0 && value <= 0x24F)
          ? value != 0xD7 && value != 0xF7
          : scalar.properties.isAlphabetic || scalar.properties.numericType != nil
      if isWordScalar && !inWord { count += 1 }
      inWord = isWordScalar
    }
    return count
  }
}

/// The words of a text read lower-cased, as `text.lowercased().split { !$0.isLetter }`
/// gives them, found on the UTF-8 bytes without making a string per word: each word is a
/// `WordKey`. The stop-word tests of every edge block of every page ask for them.
///
/// The bytes are read a scalar at a time, which gives the same words as reading by
/// characters when every scalar is a character of its own (`Character.isLetter` is its
/// first scalar's `isAlphabetic`): true of the scripts listed in `isSingleScalarCharacter`,
/// where no scalar joins the one before it. Text with any other scalar (a combining accent,
/// an emoji with its modifiers) answers nil, and the caller reads it by characters.
enum LowercaseWords {
  /// Calls `body` with each word of `text`'s first `limit` characters; false (and some
  /// words perhaps given) when the text has to be read by characters instead.
  static func forEach(
    in text: Substring, limit: Int = .max, _ body: (WordKey) -> Void
  ) -> Bool {
    var text = text
    return text.withUTF8 { bytes in
      var word = WordKey()
      var characters = 0
      var index = 0
      var previous: UInt32 = 0
      while index < bytes.count {
        let (value, width) = TextMeasure.scalar(at: index, in: bytes)
        index += width
        // "\r\n" is one character.
        if !(value == 0x0A && previous == 0x0D) {
          if characters == limit { break }
          characters += 1
        }
        previous = value
        if value < 0x80 {
          let byte = UInt8(truncatingIfNeeded: value)
          let lower = byte | 0x20
          if lower >= 0x61 && lower <= 0x7A {
            word.append(lower)
          } else if word.length > 0 {
            body(word)
            word = WordKey()
          }
          continue
        }
        guard isSingleScalarCharacter(value), let scalar = Unicode.Scalar(value) else {
          return false
        }
        for lower in scalar.properties.lowercaseMapping.unicodeScalars {
          guard isSingleScalarCharacter(lower.value) else { return false }
          if lower.properties.isAlphabetic {
            for byte in UTF8.encode(lower)! { word.append(byte) }
          } else if word.length > 0 {
            body(word)
            word = WordKey()
          }
        }
      }
      if word.length > 0 { body(word) }
      return true
    }
  }

  /// Scalars that are always a character of their own, next to each other and to ASCII:
  /// Latin, spacing modifiers, general punctuation (but the zero-width joiners), currency,
  /// Cyrillic letters and CJK ideographs.
  @inline(__always)
  static func isSingleScalarCharacter(_ value: UInt32) -> Bool {
    switch value {
    case 0..<0x300, 0x2000...0x200B, 0x200E...0x206F, 0x20A0...0x20CF, 0x400...0x482,
      0x48A...0x52F, 0x4E00...0x9FFF:
      return true
    default:
      return false
    }
  }
}

/// A word's UTF-8 bytes packed into two integers, for words of up to 16 bytes (every stop
/// word); a longer word keeps its length and matches none.
struct WordKey: Hashable {
  var low: UInt64 = 0
  var high: UInt64 = 0
  var length = 0

  init() {}

  init(_ word: String) {
    for byte in word.utf8 { append(byte) }
  }

  @inline(__always)
  mutating func append(_ byte: UInt8) {
    if length < 8 {
      low |= UInt64(byte) << (8 * UInt64(length))
    } else if length < 16 {
      high |= UInt64(byte) << (8 * UInt64(length - 8))
    }
    length += 1
  }

  var isPacked: Bool { length <= 16 }

  /// A cheap mix of the bytes, for `WordKeySet`.
  @inline(__always)
  var mixed: UInt64 {
    (low &* 0x9E37_79B9_7F4A_7C15) ^ (high &* 0xC2B2_AE3D_27D4_EB4F) ^ UInt64(length)
  }
}

/// A small set of `WordKey`s: open addressing over a power-of-two table, probed linearly.
struct WordKeySet: Sendable {
  private let slots: [WordKey?]
  private let shift: UInt64

  init(_ words: [String]) {
    let keys = Set(words.map(WordKey.init).filter(\.isPacked))
    var bits: UInt64 = 4
    while (1 << bits) < keys.count * 4 { bits += 1 }
    var slots = [WordKey?](repeating: nil, count: 1 << bits)
    shift = 64 - bits
    for key in keys {
      var slot = Int(truncatingIfNeeded: key.mixed >> shift)
      while slots[slot] != nil { slot = (slot + 1) & (slots.count - 1) }
      slots[slot] = key
    }
    self.slots = slots
  }

  @inline(__always)
  func contains(_ key: WordKey) -> Bool {
    guard key.isPacked else { return false }
    var slot = Int(truncatingIfNeeded: key.mixed >> shift)
    while let found = slots[slot] {
      if found == key { return true }
      slot = (slot + 1) & (slots.count - 1)
    }
    return false
  }
}

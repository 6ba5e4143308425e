import Foundation
import LeggioModel
import LeggioTestSupport
import Testing

@testable import LeggioStore

/// Words counted on the UTF-8 bytes are those counted scalar by scalar, as before, on the
/// corpus's texts and on every kind of scalar.
@Suite struct TextStatisticsTests {
  /// The count as it was made before: scalar by scalar.
  static func countedByScalar(_ text: String) -> Int {
    var count = 0
    var inWord = false
    for scalar in text.unicodeScalars {
      let value = scalar.value
      let isWordScalar =
        value < 0x80
        ? (value >= 0x61 && value <= 0x7A) || (value >= 0x41 && value <= 0x5A)
          || (value >= 0x30 && value <= 0x39)
        : (value >= 0xC0 && value <= 0x24F)
          ? value != 0xD7 && value != 0xF7
          : scalar.properties.isAlphabetic || scalar.properties.numericType != nil
      if isWordScalar && !inWord { count += 1 }
      inWord = isWordScalar
    }
    return count
  }

  @Test(arguments: [
    "corpus/texts/divina-commedia_it.txt", "corpus/texts/i-promessi-sposi_pg45334_it.txt",
  ])
  func aRealTextCountsAsItDidScalarByScalar(file: String) throws {
    let text = String(decoding: try Data(contentsOf: SharedFiles.url(file)), as: UTF8.self)
    #expect(TextStatistics.wordCount(text) == Self.countedByScalar(text))
  }

  @Test func scalarsOfEveryLengthCountAsTheyDidScalarByScalar() {
    let samples =
      "dell'Asia 2023 città × ÷ ĳ ɐ ʘ Ω ж ש مرحبا 中文字 ２０２３ ① 😀 𝔘𝔫𝔦 ٣ a\u{301}b \u{200B} ǅ"
    #expect(TextStatistics.wordCount(samples) == Self.countedByScalar(samples))
    for value in stride(from: 0x80, to: 0x11_0000, by: 97) {
      guard let scalar = Unicode.Scalar(value) else { continue }
      let text = "a \(scalar) b\(scalar)c"
      #expect(TextStatistics.wordCount(text) == Self.countedByScalar(text), "\(value)")
    }
  }

  /// General Punctuation is passed over without a property lookup: each of its scalars
  /// counts as it did.
  @Test func everyGeneralPunctuationScalarCountsAsItDid() {
    for value in 0x2000...0x206F {
      guard let scalar = Unicode.Scalar(value) else { continue }
      let text = "l\(scalar)altra \(scalar) 2\(scalar)3"
      #expect(TextStatistics.wordCount(text) == Self.countedByScalar(text), "\(value)")
    }
  }

  /// Eight ASCII bytes are counted at once: a word starting, ending or running across
  /// the edge of each eight, next to accents and ASCII's every byte, counts as it did.
  @Test func wordsAcrossTheEightByteStepsCountAsTheyDid() {
    let pieces = ["ab", "Z9", "é", "«", " ", "-", "'", "0", "@", "[", "`", "{", "/", ":", "\n"]
    for shift in 0..<16 {
      for (index, piece) in pieces.enumerated() {
        let next = pieces[(index + 3) % pieces.count]
        let text =
          String(repeating: "x", count: shift) + " " + piece + "word" + next + "1234567 "
          + String(repeating: piece, count: 9) + "fin"
        #expect(TextStatistics.wordCount(text) == Self.countedByScalar(text), "\(shift) \(text)")
      }
    }
    for value in 0..<0x80 {
      let byte = String(UnicodeScalar(UInt8(value)))
      for shift in 0..<9 {
        let text = String(repeating: "a", count: shift) + byte + "b" + byte + byte + "9z"
        #expect(TextStatistics.wordCount(text) == Self.countedByScalar(text), "\(value) \(shift)")
      }
    }
  }
}

import Foundation
import Testing

@testable import LeggioModel
@testable import LeggioImport

/// The shortcuts taken for speed on long texts give what the plain rules give.
@Suite struct FastPathEquivalenceTests {
  static let corpusLines: [String] = [
    "corpus/texts/i-promessi-sposi_pg45334_it.txt", "corpus/texts/divina-commedia_it.txt",
    "samples/cdt-putin-kim.txt",
  ].flatMap { path in
    let text = (try? String(contentsOf: ImportFixtures.url(path), encoding: .utf8)) ?? ""
    return text.split(separator: "\n").map { ParagraphBuilder.collapse($0) }
  }

  @Test func theQuickHeadingTestNeverRefusesAHeadingOfTheCorpus() {
    let headings = Self.corpusLines.filter { TextHeading.fullLevel(of: $0) != nil }
    #expect(headings.count > 40)
    for line in headings { #expect(TextHeading.mayBeHeading(line), "\(line)") }
    #expect(
      Self.corpusLines.map { TextHeading.level(of: $0) }
        == Self.corpusLines.map { $0.utf8.count <= 240 ? TextHeading.fullLevel(of: $0) : nil })
  }

  @Test func theQuickHeadingTestKeepsHeadingsOfEveryShape() {
    let headings = [
      "CAPITOLO I", "Inferno · Canto I", "Chapter 3", "NOTE DEL TRASCRITTORE", "INFERNO",
      "Parte - Prima", "capítulo 2", "Libro primo", "Atto terzo. Scena prima",
      "A - B - C - D - E - F - G - H",
    ]
    for line in headings {
      #expect(TextHeading.fullLevel(of: line) != nil, "\(line)")
      #expect(TextHeading.mayBeHeading(line), "\(line)")
    }
    #expect(!TextHeading.mayBeHeading("Disse che non sarebbe venuto, e non venne mai più."))
  }

  @Test func theKeywordPrefilterNeverRefusesAKeywordInAnyCaseOrWithDots() {
    for keyword in TextHeading.keywords {
      for word in [
        keyword, keyword.uppercased(), keyword.capitalized, keyword + ".", ".." + keyword,
      ] {
        #expect(TextHeading.mayBeKeyword(ArraySlice(word.utf8)), "\(word)")
      }
    }
    #expect(!TextHeading.mayBeKeyword(ArraySlice("the".utf8)))
    #expect(!TextHeading.mayBeKeyword(ArraySlice("...".utf8)))
    #expect(TextHeading.mayBeHeading("Chapter the first, in which nothing happens"))
    #expect(!TextHeading.mayBeHeading("said the man to the old woman"))
  }

  @Test func theKeywordTestOnBytesAgreesWithLowerCasingAndTrimmingStrings() {
    let words = Self.corpusLines.prefix(3_000).flatMap { $0.split(separator: " ") }.map(String.init)
    var variants = words
    for keyword in TextHeading.keywords {
      variants += [
        keyword, keyword.uppercased(), keyword.capitalized, keyword + ".", ".." + keyword,
      ]
    }
    variants += ["...", ".", "Chapter.", "CAPÍTULO", "Partes", "par", "ÀCT"]
    var found = 0
    for word in variants {
      let bytes = ArraySlice(word.utf8)
      var trimmed = Substring(word.lowercased())
      while trimmed.first == "." { trimmed = trimmed.dropFirst() }
      while trimmed.last == "." { trimmed = trimmed.dropLast() }
      let expected = TextHeading.keywords.contains(String(trimmed))
      #expect(TextHeading.isKeyword(bytes) == expected, "\(word)")
      if expected { found += 1 }
    }
    #expect(found >= 5 * TextHeading.keywords.count)
  }

  @Test func theHeadingLevelOnBytesAgreesWithTheCharacterWalk() {
    var lines = Self.corpusLines.filter { $0.utf8.count <= 240 }
    lines += [
      "CAPITOLO I", "Capitolo XII.", "Capitolo.", "Chapter 3", "CHAPTER THE FIRST", "Parte - Prima",
      "Libro primo", "LIBRO SECONDO.", "Atto terzo. Scena prima", "A - B - C - D - E - F - G - H",
      "A - B - C - D - E - F - G - H - I", "Canto I:", "Canto 12)", "Canto (12)", "Book One!",
      "INFERNO", "INFERNO!", "INFERNO?", "Inferno", "II.", "12", "...", "", " ", "NOTE, VARIE",
      "Section .", "Section ..", "PART. 3", "part 3.", "Prologue", "EPILOGUE.", "Scene the Second",
      "Chapter ivx", "Chapter IVX", "Chapter MCMXII", "Chapter erstes", "Chapter Premier",
      "capítulo 2", "INTRODUZIONE ALL’OPERA", "Act\u{7F}", "Act\tOne",
    ]
    for (index, line) in lines.enumerated() {
      let expected = TextHeading.characterFullLevel(of: line)
      #expect(TextHeading.fullLevel(of: line) == expected, "\(index): \(line)")
    }
    #expect(lines.filter { TextHeading.fullLevel(of: $0) == 2 }.count > 20)
    #expect(lines.filter { TextHeading.fullLevel(of: $0) == 1 }.count > 20)
  }

  @Test func theHeadingLevelOnBytesAgreesWithTheCharacterWalkOnAccentsAndPunctuation() {
    // Scalars read on bytes (accents, guillemets, typographic quotes, dashes, spaces) and
    // others left to the character walk (combining marks, ª, ², a soft hyphen, U+2028).
    let pieces = [
      " ", " ", "-", "·", ".", ",", ":", "!", "?", "A", "a", "I", "X", "12", "È", "è", "À", "à",
      "Í", "í", "ß", "ÿ", "×", "÷", "Þ", "«", "»", "’", "“", "”", "—", "…", "\u{A0}", "\u{200A}",
      "\u{202F}", "‼", "CAPITOLO", "Capitolo", "CAPÍTULO", "capítulo", "Canto", "primo", "XIV",
      "e\u{301}", "ª", "²", "\u{AD}", "\u{2028}", "\u{200D}", "Ω",
    ]
    var generator = SystemRandomNumberGenerator()
    var lines: [String] = []
    for _ in 0..<20_000 {
      let length = Int.random(in: 1...12, using: &generator)
      lines.append((0..<length).map { _ in pieces.randomElement(using: &generator)! }.joined())
    }
    lines += [
      "CAPÍTULO II", "Capítulo primo", "«CAPITOLO I»", "PERCHÉ", "PERCHÉ?", "Perché",
      "Inferno · Canto I", "INFERNO · CANTO PRIMO.", "L’INCHIESTA", "CAPITOLO — PRIMO",
      "ÀÈÌÒÙ", "ÀÈÌÒÙ!", "Straße", "STRASSE",
    ]
    var levels = 0
    for line in lines {
      let expected = TextHeading.characterFullLevel(of: line)
      #expect(TextHeading.fullLevel(of: line) == expected, "\(line.unicodeScalars.map(\.value))")
      if expected != nil { levels += 1 }
    }
    #expect(levels > 1_000)
  }

  @Test func theKeywordPrefilterRefusesWordsWithLatinOrPunctuationScalarsOnly() {
    // Lower-cased, such a scalar stays outside every keyword's letters.
    for word in ["più", "perché", "così", "l’uomo", "«Capitolo", "Capitolo»", "PIÙ", "µ"] {
      #expect(!TextHeading.mayBeKeyword(ArraySlice(word.utf8)), "\(word)")
      #expect(!TextHeading.isKeyword(ArraySlice(word.utf8)), "\(word)")
    }
    // Í and í, and scalars of other blocks, are left to the full test.
    for word in ["CAPÍTULO", "capítulo", "Ωmega", "K\u{212A}"] {
      #expect(TextHeading.mayBeKeyword(ArraySlice(word.utf8)), "\(word)")
    }
    #expect(TextHeading.isKeyword(ArraySlice("CAPÍTULO.".utf8)))
  }

  @Test func joiningLinesOnBytesGivesTheCollapsedLinesJoined() {
    let pieces = [" ", "  ", "\t", "a", "bc", "è", "’", "日", "🙂", ".", "e\u{301}", "\u{A0}"]
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<2_000 {
      let lines = (0..<Int.random(in: 0...5, using: &generator)).map { _ in
        let count = Int.random(in: 0...16, using: &generator)
        let line = (0..<count).map { _ in pieces.randomElement(using: &generator)! }.joined()
        // Slices of a longer text, as a book's lines are.
        return ("x" + line + "y").dropFirst().dropLast()
      }
      for separator in [" ", "\n"] {
        let expected = lines.map { ParagraphBuilder.collapse($0) }.joined(separator: separator)
        let joined = ParagraphBuilder.joinCollapsed(lines, separator: separator)
        #expect(Array(joined.utf8) == Array(expected.utf8), "\(lines)")
      }
    }
    // The book's own lines, joined as chunks of eight.
    let book = Self.corpusLines.prefix(4_000).map { Substring($0) }
    for start in stride(from: 0, to: book.count, by: 8) {
      let chunk = Array(book[start..<min(start + 8, book.count)])
      #expect(
        ParagraphBuilder.joinCollapsed(chunk, separator: " ")
          == chunk.map { ParagraphBuilder.collapse($0) }.joined(separator: " "))
    }
  }

  @Test func theNonASCIIWhiteSpaceListHoldsExactlyTheScalarsWithTheWhiteSpaceProperty() {
    for value in UInt32(0x80)...0x10FFFF {
      guard let scalar = Unicode.Scalar(value) else { continue }
      #expect(
        ParagraphBuilder.isNonASCIIWhiteSpace(value) == scalar.properties.isWhitespace,
        "U+\(String(value, radix: 16))")
    }
  }

  @Test func countingColumnsAndLookingForSpaceRunsInOnePassAgreesWithEachAlone() {
    let pieces = [
      " ", " ", "  ", "\t", "a", "bc", "è", "’", "日", "🙂", ".", "\u{A0}", "\u{2009}", "abcdefg",
    ]
    var generator = SystemRandomNumberGenerator()
    var lines = Self.corpusLines.prefix(6_000).map { Substring($0) }
    for _ in 0..<5_000 {
      let count = Int.random(in: 0...24, using: &generator)
      lines.append(
        Substring((0..<count).map { _ in pieces.randomElement(using: &generator)! }.joined()))
    }
    for line in lines {
      var copy = String(line)
      let (columns, plain) = copy.withUTF8 { ParagraphBuilder.columnsAndPlain(bytes: $0) }
      #expect(columns == ParagraphBuilder.columns(line), "\(Array(line.utf8))")
      #expect(plain == !ParagraphBuilder.needsCollapsing(line), "\(Array(line.utf8))")
    }
  }

  @Test func countingColumnsInOnePassHoldsOnLinesOfThousandsOfBytes() {
    // Lines of thousands of bytes, each word full of continuation bytes, of every length
    // around multiples of eight.
    var generator = SystemRandomNumberGenerator()
    let pieces = ["è", "日", "🙂", "a", " ", "  ", "€€", "\t"]
    var lines: [String] = []
    for count in [2_030, 2_040, 2_041, 2_047, 2_048, 2_049, 4_087, 4_088, 4_089, 9_000] {
      lines.append(String(repeating: "日", count: count / 3))
      lines.append(
        String(repeating: "🙂", count: count / 4) + String(repeating: "x", count: count % 4))
      lines.append(String(repeating: "è", count: count / 2) + (count % 2 == 1 ? "." : ""))
    }
    for _ in 0..<300 {
      let count = Int.random(in: 500...3_000, using: &generator)
      lines.append((0..<count).map { _ in pieces.randomElement(using: &generator)! }.joined())
    }
    for line in lines {
      var copy = line
      let (columns, plain) = copy.withUTF8 { ParagraphBuilder.columnsAndPlain(bytes: $0) }
      #expect(columns == line.unicodeScalars.count)
      #expect(plain == !ParagraphBuilder.needsCollapsing(line[...]))
    }
    // Bytes that are all continuations.
    for count in [8, 2_040, 2_048, 2_056, 5_000] {
      let bytes = [UInt8](repeating: 0x80, count: count)
      #expect(
        bytes.withUnsafeBufferPointer { ParagraphBuilder.columnsAndPlain(bytes: $0) } == (0, true))
    }
  }

  @Test func aLineNeedsCollapsingExactlyWhenItHasATabALeadingSpaceOrTwoSpaces() {
    let pieces = [" ", " ", "  ", "\t", "a", "bc", "è", "’", "日", "🙂", ".", "\u{A0}", "\u{2009}"]
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<5_000 {
      let count = Int.random(in: 0...24, using: &generator)
      let line = (0..<count).map { _ in pieces.randomElement(using: &generator)! }.joined()
      let expected = line.hasPrefix(" ") || line.contains("\t") || line.contains("  ")
      #expect(ParagraphBuilder.needsCollapsing(line[...]) == expected, "\(Array(line.utf8))")
      // A slice of a longer line, as the lines of a book are.
      let longer = "xx" + line + "yy"
      let slice = longer.dropFirst(2).dropLast(2)
      #expect(ParagraphBuilder.needsCollapsing(slice) == expected, "\(Array(line.utf8))")
    }
  }

  @Test func aLinesColumnsAreItsScalarsCountedEightBytesAtATime() {
    let pieces = ["a", " ", "è", "’", "日", "🙂", "e\u{301}", "\u{A0}", "ab", "—"]
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<3_000 {
      let count = Int.random(in: 0...30, using: &generator)
      let line = (0..<count).map { _ in pieces.randomElement(using: &generator)! }.joined()
      let longer = "ü" + line + "ß"
      let slice = longer.dropFirst().dropLast()
      #expect(ParagraphBuilder.columns(slice) == line.unicodeScalars.count)
    }
  }

  @Test func theWrapWidthIsThe98thPercentileOfTheLineLengths() {
    var generator = SystemRandomNumberGenerator()
    for size in [8, 9, 50, 1_000, 20_000] {
      let lengths = (0..<size).map { _ in
        Int.random(in: 0..<100, using: &generator) < 3
          ? Int.random(in: 1_000..<5_000, using: &generator)
          : Int.random(in: 0..<90, using: &generator)
      }
      let rows = stride(from: 0, to: size, by: 7).map { Array(lengths[$0..<min($0 + 7, size)]) }
      let sorted = lengths.sorted()
      #expect(ParagraphBuilder.percentile98(rows) == sorted[sorted.count * 98 / 100])
    }
    #expect(ParagraphBuilder.percentile98([[3, 4, 5]]) == nil)
  }

  @Test func aListMarkerIsFoundOnlyWhereTheBytesAllowOne() {
    #expect(TextListItem.parse("  - latte")?.text == "latte")
    #expect(TextListItem.parse("• uova")?.text == "uova")
    #expect(TextListItem.parse("12) dodici")?.ordinal == 12)
    #expect(TextListItem.parse("— Vieni qui") == nil)
    #expect(TextListItem.parse("Quel ramo del lago di Como") == nil)
  }

  @Test func partsMovedTogetherComeBackInOrderAndAreFreedOnEveryCore() {
    for sizes in [[], [3], [5_000], [1_000, 0, 4_000, 7], Array(repeating: 600, count: 16)] {
      var next = 0
      let parts = sizes.map { size in
        defer { next += size }
        return (next..<next + size).map { "line \($0)"[...] }
      }
      let expected = parts.flatMap { $0 }
      #expect(ConcurrentSlices.joinedMoving(parts) == expected)
      var lines = expected
      ConcurrentSlices.releaseConcurrently(&lines)
      #expect(lines.isEmpty)
      var nested = parts
      ConcurrentSlices.releaseConcurrently(&nested)
      #expect(nested.isEmpty)
    }
  }

  @Test func slicesComeBackInOrderAndCoverEveryElement() {
    for count in [0, 1, 255, 256, 511, 512, 10_000] {
      let numbers = Array(0..<count)
      let slices = ConcurrentSlices.map(numbers) { Array($0) }
      #expect(slices.flatMap { $0 } == numbers)
      #expect(slices.allSatisfy { !$0.isEmpty } || count == 0)
    }
  }

  @Test func aLongTextIsGroupedIntoTheChunksASingleWalkFinds() {
    let text =
      (try? String(
        contentsOf: ImportFixtures.url("corpus/texts/divina-commedia_it.txt"), encoding: .utf8))
      ?? ""
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.count > 16_384)
    func walked(_ lines: ArraySlice<Substring>) -> [[Substring]] {
      var chunks: [[Substring]] = []
      var current: [Substring] = []
      for line in lines {
        let trimmed = line.trimmingSuffix(while: \.isWhitespace)
        if trimmed.isEmpty {
          if !current.isEmpty { chunks.append(current) }
          current = []
        } else {
          current.append(trimmed)
        }
      }
      if !current.isEmpty { chunks.append(current) }
      return chunks
    }
    // The whole text, and a stretch starting and ending inside chunks.
    for range in [lines.indices, 1_001..<19_003] {
      #expect(range.count > 16_384)
      #expect(ParagraphBuilder.chunk(lines[range]) == walked(lines[range]))
    }
  }

  @Test func eachChunkIsMeasuredAsItsTrimmedLinesAreOneByOne() {
    let book =
      (try? String(
        contentsOf: ImportFixtures.url("corpus/texts/divina-commedia_it.txt"), encoding: .utf8))
      ?? ""
    // Lines the bytes cannot judge alone: trailing NBSP, a combining mark after a space,
    // a carriage return, a tab, a word opening with a letter that stands alone.
    let tricky = [
      "Perché  tu  vedi\u{00A0}", "«È vero» disse\t", "\u{0301}e poi \u{0301}a", "riga\r",
      "  indented line  ", "", "   ", "one line alone", "", "città più\u{2003}", "“x” y  ",
      "\u{00A0}\u{00A0}", "last è",
    ].joined(separator: "\n")
    for text in [book, tricky] {
      let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
      // Measured on the lines' bytes, read back as text to compare with the walk.
      let (measured, chunks) = TextLine.withLines(lines) { textLines in
        let measured = ParagraphBuilder.chunkAndMeasure(textLines[...])
        return (measured, measured.lines.map { $0.map(\.text) })
      }
      let walked = lines.split { $0.trimmingSuffix(while: \.isWhitespace).isEmpty }.map {
        $0.map { $0.trimmingSuffix(while: \.isWhitespace) }
      }
      #expect(chunks == walked)
      #expect(measured.lengths.count == chunks.count)
      #expect(measured.firstWords.count == chunks.count)
      for (index, chunk) in chunks.enumerated() {
        let many = chunk.count > 1
        #expect(
          Array(measured.lengths[index]) == (many ? chunk.map(ParagraphBuilder.columns) : []))
        #expect(
          Array(measured.firstWords[index])
            == (many ? chunk.map(ParagraphBuilder.firstWordColumns) : []))
        // The wrap tests read both at the same indices.
        #expect(measured.lengths[index].indices == measured.firstWords[index].indices)
        // A chunk marked plain is joined without looking for space runs: it has none.
        let needsCollapsing = chunk.contains(where: ParagraphBuilder.needsCollapsing)
        if measured.plain[index] { #expect(!needsCollapsing, "\(chunk)") }
        // The poem's lines are all judged on their bytes: the mark is exact there.
        if text == book { #expect(measured.plain[index] == !needsCollapsing, "\(chunk)") }
      }
      #expect(measured.plain.count == chunks.count)
    }
  }
}

/// The word-at-a-time UTF-8 check agrees with the standard library's decoder.
@Suite struct UTF8ValidationTests {
  @Test func itAcceptsAndRefusesWhatTheStandardLibraryDoes() {
    var generator = SystemRandomNumberGenerator()
    var samples: [[UInt8]] = [
      [], Array("città più «x» 日本 😀".utf8), [0xC0, 0x80], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80],
      [0xF4, 0x90, 0x80, 0x80], [0xF0, 0x9F, 0x98],
      [0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0xC3],
      [0xC3, 0xA0], [0xEF, 0xBB, 0xBF], [0xFF],
    ]
    for _ in 0..<5000 {
      let length = Int.random(in: 0..<24, using: &generator)
      samples.append(
        (0..<length).map { _ in
          // Mostly ASCII and lead/continuation bytes, so that valid and invalid both occur.
          [
            UInt8.random(in: 0x20..<0x7F, using: &generator), 0xC3, 0xA8, 0xE2, 0x80, 0x9C, 0xF0,
            0x9F, UInt8.random(in: 0x80...0xFF, using: &generator),
          ].randomElement(using: &generator)!
        })
    }
    for bytes in samples {
      #expect(
        UTF8Validation.isValid(bytes) == (String(validating: bytes, as: UTF8.self) != nil),
        "\(bytes)")
    }
  }
}

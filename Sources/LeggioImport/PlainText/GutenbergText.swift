import Foundation
import LeggioModel

/// A Project Gutenberg e-text split into its licence header, its body and its licence
/// footer, with the bibliographic lines of the header (`Title:`, `Author:`, `Language:`).
///
/// Recognises the current markers (`*** START OF THE PROJECT GUTENBERG EBOOK …`), the
/// older `*** START OF THIS PROJECT GUTENBERG EBOOK` and `*END*THE SMALL PRINT!` forms,
/// and the matching end markers (`*** END OF …`, `End of the Project Gutenberg EBook`).
struct GutenbergText: Equatable {
  var title: String?
  var author: String?
  /// The language as a BCP 47 tag, from the `Language:` line.
  var language: String?
  /// The lines between the header and the footer, the producer's credit removed.
  var body: ArraySlice<TextLine>

  static func parse(_ lines: [TextLine]) -> GutenbergText? {
    let searchLimit = min(lines.count, 800)
    guard let startMarker = lines[..<searchLimit].firstIndex(where: isStartMarker) else {
      return nil
    }
    // The first end marker ("End of the Project Gutenberg EBook of …" or "*** END OF");
    // the licence that follows it is not part of the book.
    let end = firstEndMarker(lines, from: startMarker + 1) ?? lines.count
    var result = GutenbergText(body: lines[(startMarker + 1)..<end])
    for line in lines[..<startMarker] {
      result.read(headerLine: line.text)
    }
    result.dropProducerCredit()
    return result
  }

  /// The index of the first end marker at or after line `start`. A book's lines are
  /// looked through in slices on every core: this test runs on every line, and on one
  /// thread the other core waited for it.
  static func firstEndMarker(_ lines: [TextLine], from start: Int) -> Int? {
    let count = lines.count - start
    guard count >= 8192, ConcurrentSlices.coreCount > 1 else {
      return firstEndMarker(lines, in: start..<lines.count)
    }
    let slices = 8
    let ranges = (0..<slices).map {
      start + count * $0 / slices..<start + count * ($0 + 1) / slices
    }
    return ConcurrentSlices.map(ranges, minimumSliceLength: 1) { ranges in
      for range in ranges {
        if let found = firstEndMarker(lines, in: range) { return found }
      }
      return nil
    }.lazy.compactMap { $0 }.first
  }

  /// The first end marker among `lines[range]`.
  private static func firstEndMarker(_ lines: [TextLine], in range: Range<Int>) -> Int? {
    lines.withUnsafeBufferPointer { buffer in
      for index in range where isEndMarker(buffer[index]) { return index }
      return nil
    }
  }

  /// `isStartMarker` of the line's text, most lines ruled out by their first byte that is
  /// not a space.
  static func isStartMarker(_ line: TextLine) -> Bool {
    guard line.bytes.first(where: { $0 != 0x20 }) == 0x2A else { return false }
    return isStartMarker(line.text)
  }

  static func isStartMarker(_ line: Substring) -> Bool {
    guard line.first(where: { $0 != " " }) == "*" else { return false }
    let upper = line.uppercased()
    return (upper.hasPrefix("***") && upper.contains("START OF") && upper.contains("GUTENBERG"))
      || upper.hasPrefix("*END*THE SMALL PRINT") || upper.hasPrefix("*END THE SMALL PRINT")
  }

  /// `isEndMarker` of the line's text, judged on its bytes as far as they can tell: this
  /// runs on every line of a book.
  static func isEndMarker(_ line: TextLine) -> Bool {
    guard let opening = line.first,
      opening == 0x20 || opening == 0x2A || opening | 0x20 == 0x65, mayBeEndMarker(line.bytes)
    else { return false }
    return isEndMarker(line.text)
  }

  static func isEndMarker(_ line: Substring) -> Bool {
    // Cheap tests first: this runs on every line of a book. Most lines are ruled out by
    // their first byte, read without borrowing the line's storage (that cost a hundred
    // instructions a line, 7 M on a book).
    guard let opening = line.utf8.first,
      opening == 0x20 || opening == 0x2A || opening | 0x20 == 0x65
    else { return false }
    if let possible = line.utf8.withContiguousStorageIfAvailable(mayBeEndMarker) {
      guard possible else { return false }
    } else {
      let start = line.utf8.drop { $0 == 0x20 }
      guard let first = start.first,
        first == UInt8(ascii: "*") || startsWithEndOf(start)
      else { return false }
    }
    let upper = line.uppercased().trimmingSpaces()
    return (upper.hasPrefix("***") && upper.contains("END OF") && upper.contains("GUTENBERG"))
      || upper.hasPrefix("END OF THE PROJECT GUTENBERG")
      || upper.hasPrefix("END OF PROJECT GUTENBERG")
      || upper.hasPrefix("END OF THIS PROJECT GUTENBERG")
  }

  /// Whether the line, after its spaces, opens with "*" or with "end of" in any case, as
  /// every end marker does: judged on its bytes in one go (an Italian book has many lines
  /// opening with "e", and comparing them through the generic slice cost 4 M instructions).
  private static func mayBeEndMarker(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var index = 0
    while index < bytes.count && bytes[index] == 0x20 { index += 1 }
    guard index < bytes.count else { return false }
    if bytes[index] == 0x2A { return true }
    for expected in "end of".utf8 {
      guard index < bytes.count, bytes[index] | 0x20 == expected else { return false }
      index += 1
    }
    return true
  }

  /// Whether the bytes start with "end of" in any case, compared without allocating.
  private static func startsWithEndOf(_ bytes: Substring.UTF8View.SubSequence) -> Bool {
    var index = bytes.startIndex
    for expected in "end of".utf8 {
      guard index != bytes.endIndex, bytes[index] | 0x20 == expected else { return false }
      index = bytes.index(after: index)
    }
    return true
  }

  private mutating func read(headerLine line: Substring) {
    guard let colon = line.firstIndex(of: ":") else { return }
    let key = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
    let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
    guard !value.isEmpty else { return }
    switch key {
    case "title": title = title ?? value
    case "author": author = author ?? value
    case "language": language = language ?? Self.languageTag(value)
    default: break
    }
  }

  /// "Produced by …" and "E-text prepared by …" paragraphs right after the start marker.
  private mutating func dropProducerCredit() {
    guard let first = body.firstIndex(where: { !$0.text.allSatisfy(\.isWhitespace) }) else {
      return
    }
    let opening = body[first].text.trimmingCharacters(in: .whitespaces).lowercased()
    let credits = ["produced by", "e-text prepared by", "etext prepared by", "transcribed by"]
    guard credits.contains(where: opening.hasPrefix) else { return }
    let end =
      body[first...].firstIndex(where: { $0.text.allSatisfy(\.isWhitespace) }) ?? body.endIndex
    body = body[end...]
  }

  /// The BCP 47 tag of a language named in English ("Italian" → "it").
  static func languageTag(_ name: String) -> String? {
    let tags = [
      "italian": "it", "english": "en", "french": "fr", "german": "de", "spanish": "es",
      "portuguese": "pt", "dutch": "nl", "latin": "la", "finnish": "fi", "swedish": "sv",
    ]
    return tags[name.lowercased()]
  }
}

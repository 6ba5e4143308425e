import Foundation
import LeggioModel

/// Imports plain text: news articles with a header (`NewsHeader`), Project Gutenberg
/// books (`GutenbergText`), and any other text, whose title is its first line when that
/// line stands alone, else the file name.
public enum PlainTextImporter {
  /// Imports already decoded text (see `TextDecoder`). `fallbackTitle` is used when the
  /// text names no title of its own.
  public static func importText(
    _ text: String, fallbackTitle: String, timeZone: TimeZone = .current
  ) -> ImportedArticle {
    var text = text
    return text.withUTF8 { bytes in
      importLines(Self.lines(of: bytes), fallbackTitle: fallbackTitle, timeZone: timeZone)
    }
  }

  /// Imports a text decoded in pieces (`TextPieces`), each but the last ending with a
  /// line feed: the same article as their concatenation gives. `memory` says whether the
  /// lines are freed once the blocks are built.
  static func importText(
    pieces: [String], fallbackTitle: String, timeZone: TimeZone,
    memory: WorkingMemory = .freed
  ) -> ImportedArticle {
    withBytes(of: pieces[...]) { pieces in
      // The empty line after a piece's last line feed begins the next piece: only the
      // last piece's last line is kept.
      var lines = Self.lines(
        of: pieces, keepingLast: pieces.indices.map { $0 == pieces.count - 1 })
      PhaseTrace.mark("text: lines cut")
      let article = importLines(
        lines, fallbackTitle: fallbackTitle, timeZone: timeZone, memory: memory)
      memory.release(&lines)
      PhaseTrace.mark("text: lines released")
      return article
    }
  }

  /// Calls `body` with the UTF-8 bytes of each of `strings` (made contiguous where they
  /// are not), which stay valid until it returns.
  private static func withBytes<Result>(
    of strings: ArraySlice<String>, collected: [TextLine] = [],
    _ body: ([TextLine]) -> Result
  ) -> Result {
    guard var first = strings.first else { return body(collected) }
    return first.withUTF8 { bytes in
      withBytes(of: strings.dropFirst(), collected: collected + [TextLine(bytes)], body)
    }
  }

  private static func importLines(
    _ lines: [TextLine], fallbackTitle: String, timeZone: TimeZone,
    memory: WorkingMemory = .freed
  ) -> ImportedArticle {
    var metadata = ArticleMetadata(title: fallbackTitle)
    let blocks: [Block]
    if let book = GutenbergText.parse(lines) {
      PhaseTrace.mark("text: Gutenberg frame found")
      metadata.title = book.title ?? fallbackTitle
      metadata.byline = book.author
      metadata.language = book.language
      blocks = ParagraphBuilder.blocks(from: book.body, memory: memory)
    } else if let header = NewsHeader.parse(lines.lazy.map(\.text), timeZone: timeZone) {
      metadata.kicker = header.kicker
      metadata.title = header.title
      metadata.standfirst = header.standfirst
      metadata.imageCredit = header.imageCredit
      metadata.byline = header.byline
      metadata.dateline = header.dateline
      metadata.published = header.published
      blocks = ParagraphBuilder.blocks(from: lines[header.bodyStart...], memory: memory)
    } else {
      var body = ParagraphBuilder.blocks(from: lines[...], memory: memory)
      if body.count > 1, let first = body.first, let title = standaloneTitle(first) {
        metadata.title = title
        body.removeFirst()
      }
      blocks = body
    }
    if metadata.language == nil {
      let sample = [metadata.title, metadata.standfirst ?? ""] + blocks.prefix(60).map(\.plainText)
      metadata.language = LanguageDetector.detect(sample.joined(separator: "\n"))
    }
    return ImportedArticle(metadata: metadata, document: Document(blocks: blocks))
  }

  /// The language the text starting with `head` (its first few kilobytes) most likely
  /// has: a Project Gutenberg header's, else the one its words suggest. A guess made
  /// before the import, to load hyphenation patterns early; the import decides.
  package static func likelyLanguage(head: String) -> String? {
    let language = TextLine.withLines(headLines(head)) { GutenbergText.parse($0)?.language }
    if let language { return language }
    return LanguageDetector.detect(head)
  }

  /// `head` split at its line feeds as `split(separator: "\n")` splits it (keeping empty
  /// lines), found among its bytes: a line feed is a character of its own unless a
  /// carriage return comes before it. Splitting by characters cost 6.6 M instructions
  /// on 16 KB, more than the rest of the guess.
  static func headLines(_ head: String) -> [Substring] {
    var lines: [Substring] = []
    let utf8 = head.utf8
    var start = utf8.startIndex
    var previous: UInt8 = 0
    for index in utf8.indices {
      let byte = utf8[index]
      defer { previous = byte }
      guard byte == 0x0A, previous != 0x0D else { continue }
      lines.append(head[start..<index])
      start = utf8.index(after: index)
    }
    lines.append(head[start...])
    return lines
  }

  /// The text's lines, split at each "\n" byte, as `Substring`s: `lines(of:)` on its
  /// bytes.
  static func lines(of text: String) -> [Substring] {
    var text = text
    let ranges = text.withUTF8 { bytes in
      lines(of: bytes).map { line in
        let start = line.start.map { bytes.baseAddress!.distance(to: $0) } ?? 0
        return start..<start + line.count
      }
    }
    let utf8 = text.utf8
    return ranges.map {
      text[
        utf8.index(
          utf8.startIndex, offsetBy: $0.lowerBound)..<utf8.index(
            utf8.startIndex, offsetBy: $0.upperBound)]
    }
  }

  /// The lines of a text's UTF-8 bytes, split at each "\n" byte: the same lines as
  /// splitting by characters (the decoder leaves no "\r\n", the one cluster holding a
  /// line feed), without walking grapheme clusters through a whole book. A long text is
  /// cut after line feeds into stretches split on every core (a book's 50,000 lines were
  /// a twentieth of `show`'s time on one thread); the lines come back in order.
  static func lines(of bytes: UnsafeBufferPointer<UInt8>) -> [TextLine] {
    // One stretch for a short text, eight for a long one.
    let stretches = TextPieces.stretches(bytes, pieces: bytes.count >= 1 << 18 ? 8 : 1)
    return lines(
      of: stretches.map { TextLine(UnsafeBufferPointer(rebasing: bytes[$0])) },
      keepingLast: stretches.map { $0.upperBound == bytes.count })
  }

  /// The lines that end in `texts[k]` (each at a "\n", and the bytes after its last "\n"
  /// when `keepingLast[k]`), for each k in order, in one array: each text's line feeds
  /// are found first, then its lines cut straight into their place (see
  /// `ConcurrentSlices.joined(counts:)`), side by side.
  private static func lines(of texts: [TextLine], keepingLast: [Bool]) -> [TextLine] {
    let feeds = ConcurrentSlices.map(Array(texts.indices), minimumSliceLength: 1) { indices in
      indices.map { lineFeeds(of: texts[$0]) }
    }.flatMap { $0 }
    let counts = texts.indices.map { feeds[$0].count + (keepingLast[$0] ? 1 : 0) }
    return ConcurrentSlices.joined(counts: counts) { index, buffer in
      let text = texts[index]
      var start = 0
      var written = 0
      for offset in feeds[index] {
        (buffer.baseAddress! + written).initialize(
          to: TextLine(start: text.start! + start, count: offset - start))
        written += 1
        start = offset + 1
      }
      if written < buffer.count {
        (buffer.baseAddress! + written).initialize(
          to: TextLine(start: text.start.map { $0 + start }, count: text.count - start))
      }
    }
  }

  /// The offsets of the line feeds in `text`, found with memchr (it reads many bytes per
  /// step; a byte-by-byte test was a fiftieth of `show`).
  private static func lineFeeds(of text: TextLine) -> [Int] {
    var found: [Int] = []
    found.reserveCapacity(text.count / 40)
    guard let base = text.start else { return found }
    let start = UnsafeRawPointer(base)
    var from = 0
    while from < text.count {
      guard let hit = memchr(start + from, 0x0A, text.count - from) else { break }
      let at: Int = start.distance(to: UnsafeRawPointer(hit))
      found.append(at)
      from = at + 1
    }
    return found
  }

  /// The text of a first block that can serve as a title: one line on its own, short,
  /// and not the only thing in the text worth reading.
  private static func standaloneTitle(_ block: Block) -> String? {
    let text = block.plainText
    guard !text.contains("\n"), text.count <= 120 else { return nil }
    return text
  }
}

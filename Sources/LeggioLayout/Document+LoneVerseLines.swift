import LeggioModel

extension Document {
  /// Whether block `index` is a line of verse standing alone: a paragraph of one line
  /// right after two blocks of verse (paragraphs whose lines are kept as the text broke
  /// them, none longer than `longestVerseLine`), no longer than the longest line of the
  /// stanza before it, or by a quarter more when that stanza's lines are even
  /// (`longestLoneLine`: a hendecasyllable is not counted in characters, and the
  /// *Commedia*'s last line has 41 against its tercet's 39; a code example's lines are not
  /// even, and the sentence after it is prose). A canto in terza rima ends so. Set as prose it would be justified when it turns over at
  /// a narrow width; it is set as the verse before it, ragged.
  /// (Prose whose lines were broken by the page, long dialogue lines, does not count, nor
  /// a sentence after one block of lines, such as a code example in a plain text.)
  func isLoneVerseLine(_ index: Int) -> Bool {
    guard index > 1, index < blocks.count, case .paragraph = blocks[index].kind,
      blocks[index].inlines.count == 1
    else { return false }
    // Cheap tests first: this runs for every block of a book, prose paragraphs are
    // longer than a line of verse, and the block before a paragraph of prose is rarely
    // verse (which is told from prose within a line's length). A stanza (lines inside)
    // fails before the block before it is scanned: each of the Commedia's tercets had
    // scanned the one before.
    let line = blocks[index].inlines[0].text.utf8
    guard line.count <= 4 * Self.longestVerseLine,
      !(line.withContiguousStorageIfAvailable({ $0.contains(0x0A) }) ?? line.contains(0x0A))
    else { return false }
    let length = Self.scalarCount(line)
    guard length <= Self.longestVerseLine, let stanza = verseLineLengths(index - 1),
      length <= Self.longestLoneLine(after: stanza), verseLineLengths(index - 2) != nil
    else { return false }
    return true
  }

  /// The scalars of a short text, counted on its bytes through a pointer (the generic
  /// `reduce` over the view was most of this test's work on a novel; a byte at a time,
  /// 3.2 M instructions on a 3.4 MB book).
  static func scalarCount(_ text: String.UTF8View) -> Int {
    text.withContiguousStorageIfAvailable {
      UTF8Scalars.count($0).count
    } ?? text.reduce(0) { $0 + ($1 & 0xC0 != 0x80 ? 1 : 0) }
  }

  /// The longest and shortest lines of block `index` when it is verse: a paragraph of
  /// several lines, none longer than `longestVerseLine` characters; nil otherwise.
  private func verseLineLengths(_ index: Int) -> (longest: Int, shortest: Int)? {
    guard case .paragraph = blocks[index].kind else { return nil }
    var lengths = VerseLineLengths()
    for inline in blocks[index].inlines {
      // Through a pointer: the string's byte iterator cost about ten instructions a byte,
      // for the first line of every paragraph of a book.
      let verse =
        inline.text.utf8.withContiguousStorageIfAvailable { lengths.add($0) }
        ?? lengths.add(inline.text.utf8)
      guard verse else { return nil }
    }
    return lengths.lines > 1
      ? (max(lengths.longest, lengths.current), min(lengths.shortest, lengths.current)) : nil
  }

  /// The lines of a block's text, measured as its bytes come.
  private struct VerseLineLengths {
    var longest = 0
    var shortest = Int.max
    var current = 0
    var lines = 1

    /// Measures `bytes`; false as soon as a line is longer than `longestVerseLine`.
    mutating func add<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> Bool {
      for byte in bytes {
        if byte == 0x0A {
          longest = max(longest, current)
          shortest = min(shortest, current)
          current = 0
          lines += 1
        } else if byte & 0xC0 != 0x80 {
          current += 1
        }
        if current > Document.longestVerseLine { return false }
      }
      return true
    }
  }

  /// Characters: a line of verse is no longer than a typewritten line.
  static let longestVerseLine = 80

  /// The longest a line alone may be after a stanza whose lines are `stanza` characters
  /// long at most and at least: the longest, or a quarter more (up to `shortestProseWrap`)
  /// when no line is shorter than half the longest, as a verse's are.
  static func longestLoneLine(after stanza: (longest: Int, shortest: Int)) -> Int {
    guard 2 * stanza.shortest >= stanza.longest else { return stanza.longest }
    return max(stanza.longest, min(stanza.longest + stanza.longest / 4, shortestProseWrap))
  }

  /// Characters: prose its source broke into lines (a plain-text spec, a Gutenberg book)
  /// fills lines of 64 to 80, and a one-line paragraph after two such blocks that is
  /// longer than their lines is prose. Verse lines are shorter than that.
  static let shortestProseWrap = 64
}

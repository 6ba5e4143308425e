/// A few words around the first place a search's words occur, with those words marked.
///
/// SQLite's `snippet()` scores every window of every hit, so its cost grows with the
/// number of hits: minutes for an article of one word repeated. This one stops at the
/// first match, never scans more than `scanLimit` scalars of a text, and marks only the
/// words of its window, so it costs the same however often the words occur. Words are
/// compared as the index's tokenizer compares them: case and diacritics folded, the last
/// word of the query also as a prefix.
struct SearchSnippet {
  /// Words in a snippet.
  static let length = 16
  /// Words shown before the first match.
  static let lead = 4
  /// Scalars of a text looked through for a match.
  static let scanLimit = 1 << 20

  let terms: Set<String>
  let prefix: String?

  /// The matcher for a query as a person typed it (see `FTSQuery`).
  init(query: String, prefixLast: Bool) {
    let words = FTSQuery.words(in: Substring(query)).map(Self.fold)
    terms = Set(words)
    let openQuote = query.filter { $0 == "\"" }.count % 2 == 1
    let endsInWord = query.unicodeScalars.last.map { !FTSQuery.isWordScalar($0) } == false
    prefix = prefixLast && (endsInWord || openQuote) ? words.last : nil
  }

  /// The snippet of `text` and the scalar ranges of its marked words; nil when no word
  /// of the query occurs in the part of the text looked at.
  func snippet(of text: String) -> (String, [Range<Int>])? {
    var words: [Range<String.UnicodeScalarView.Index>] = []
    var first: Int?
    var scanned = 0
    let scalars = text.unicodeScalars
    var index = scalars.startIndex
    var wordStart: String.UnicodeScalarView.Index?
    var dropped = false
    while index < scalars.endIndex {
      let isWord = FTSQuery.isWordScalar(scalars[index])
      if isWord, wordStart == nil { wordStart = index }
      let next = scalars.index(after: index)
      if let start = wordStart, !isWord || next == scalars.endIndex {
        let end = isWord ? next : index
        words.append(start..<end)
        wordStart = nil
        if first == nil, matches(scalars[start..<end]) {
          first = words.count - 1
        }
        // Enough words after the match for the window.
        if let first, words.count >= max(0, first - Self.lead) + Self.length { break }
      }
      scanned += 1
      if first == nil, scanned > Self.scanLimit { return nil }
      // Keep only the words a window could still need.
      if first == nil, words.count > 4 * Self.length {
        words.removeFirst(3 * Self.length)
        dropped = true
      }
      index = next
    }
    guard let first else { return nil }
    let start = max(0, first - Self.lead)
    let end = min(words.count, start + Self.length)
    return render(
      text, words[start..<end], before: start > 0 || dropped,
      after: words[end - 1].upperBound < scalars.endIndex)
  }

  /// The first `length` words of `text`, unmarked: the snippet of a hit whose words are
  /// elsewhere (its title, or past `scanLimit`).
  func opening(of text: String) -> String {
    let scalars = text.unicodeScalars
    var count = 0
    var inWord = false
    var index = scalars.startIndex
    while index < scalars.endIndex {
      let isWord = FTSQuery.isWordScalar(scalars[index])
      if isWord, !inWord {
        count += 1
        if count > Self.length { break }
      }
      inWord = isWord
      index = scalars.index(after: index)
    }
    let shown = Self.flattened(scalars[scalars.startIndex..<index])
    return index < scalars.endIndex ? shown + "…" : shown
  }

  private func render(
    _ text: String, _ window: ArraySlice<Range<String.UnicodeScalarView.Index>>, before: Bool,
    after: Bool
  ) -> (String, [Range<Int>]) {
    let scalars = text.unicodeScalars
    var result = before ? "…" : ""
    var offset = before ? 1 : 0
    var marks: [Range<Int>] = []
    var cursor = window.first!.lowerBound
    for word in window {
      let gap = Self.flattened(scalars[cursor..<word.lowerBound])
      result += gap
      offset += gap.unicodeScalars.count
      let length = scalars[word].count
      if matches(scalars[word]) { marks.append(offset..<(offset + length)) }
      result += String(String.UnicodeScalarView(scalars[word]))
      offset += length
      cursor = word.upperBound
    }
    return (after ? result + "…" : result, marks)
  }

  private func matches(_ word: Substring.UnicodeScalarView) -> Bool {
    let folded = Self.fold(String(String.UnicodeScalarView(word)))
    if terms.contains(folded) { return true }
    if let prefix { return folded.hasPrefix(prefix) }
    return false
  }

  /// Line breaks and tabs as spaces.
  private static func flattened(_ scalars: Substring.UnicodeScalarView) -> String {
    String(
      String.UnicodeScalarView(
        scalars.map { $0 == "\n" || $0 == "\r" || $0 == "\t" ? " " : $0 }))
  }

  /// Lower case without diacritics, as `unicode61 remove_diacritics 2` compares.
  static func fold(_ word: String) -> String {
    if word.utf8.allSatisfy({ $0 < 0x80 }) { return word.lowercased() }
    var folded = String.UnicodeScalarView()
    for scalar in word.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars
    where scalar.properties.generalCategory != .nonspacingMark {
      folded.append(scalar)
    }
    return String(folded)
  }
}

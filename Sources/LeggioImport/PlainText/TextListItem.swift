/// A list item in plain text: `- latte`, `* pane`, `• uova`, `1. primo`, `2) secondo`,
/// nested by indentation. A chunk whose every line is one becomes list-item blocks.
struct TextListItem: Equatable {
  var depth: Int
  var ordinal: Int?
  var text: Substring

  static func parse(_ line: Substring) -> TextListItem? {
    guard mayStartWithMarker(line.utf8) else { return nil }
    let indentation = line.prefix { $0 == " " || $0 == "\t" }
    let columns = indentation.reduce(0) { $0 + ($1 == "\t" ? 4 : 1) }
    let rest = line.dropFirst(indentation.count)
    var ordinal: Int?
    var afterMarker: Substring
    if let first = rest.first, "-*•+".contains(first) {
      afterMarker = rest.dropFirst()
    } else {
      let digits = rest.prefix(while: \.isASCII).prefix(while: \.isNumber)
      guard (1...3).contains(digits.count), let number = Int(digits) else { return nil }
      let marker = rest.dropFirst(digits.count)
      guard let punctuation = marker.first, punctuation == "." || punctuation == ")" else {
        return nil
      }
      ordinal = number
      afterMarker = marker.dropFirst()
    }
    guard afterMarker.first == " " || afterMarker.first == "\t" else { return nil }
    let text = afterMarker.drop { $0 == " " || $0 == "\t" }
    guard !text.isEmpty else { return nil }
    return TextListItem(depth: columns / 2 + 1, ordinal: ordinal, text: text)
  }

  /// Whether the first byte after the indentation can open a marker: `-`, `*`, `+`, a
  /// digit, or the lead byte of `•`. Most lines fail here, before any grapheme work.
  private static func mayStartWithMarker<Bytes: Sequence<UInt8>>(_ line: Bytes) -> Bool {
    for byte in line where byte != 0x20 && byte != 0x09 {
      return byte == 0x2D || byte == 0x2A || byte == 0x2B || (0x30...0x39).contains(byte)
        || byte == 0xE2
    }
    return false
  }

  /// The chunk as list items, or nil unless it has two lines or more and every line is
  /// one: a lone "- Vieni qui" is more likely dialogue than a list.
  static func items(_ chunk: ArraySlice<TextLine>) -> [TextListItem]? {
    guard chunk.count >= 2 else { return nil }
    var items: [TextListItem] = []
    for line in chunk {
      guard mayStartWithMarker(line.bytes), let item = parse(line.text) else { return nil }
      items.append(item)
    }
    return items
  }
}

import LeggioModel
/// The common summary, plain text in `<p>` paragraphs, turned into a document without
/// building an HTML tree: parsing each item with libxml2 was a third of a large update.
/// Anything else (another tag, an attribute, an unusual entity, a character the
/// sanitizer would touch) returns nil and goes through the full converter, whose output
/// this matches exactly.
enum FeedSimpleHTML {
  static func document(_ html: String) -> Document? {
    guard TextSanitizer.isClean(html) else { return nil }
    var blocks: [Block] = []
    var current: [UInt8] = []
    var pendingSpace = false
    // A `</p>` with no `<p>` open is ignored, as libxml2 does.
    var isOpen = false
    func finish() {
      if !current.isEmpty {
        blocks.append(Block(.paragraph, [Inline(String(decoding: current, as: UTF8.self))]))
      }
      current.removeAll(keepingCapacity: true)
      pendingSpace = false
    }
    func append(_ byte: UInt8) {
      if pendingSpace && !current.isEmpty { current.append(0x20) }
      pendingSpace = false
      current.append(byte)
    }
    var index = html.utf8.startIndex
    let utf8 = html.utf8
    while index != utf8.endIndex {
      let byte = utf8[index]
      switch byte {
      case UInt8(ascii: "<"):
        guard let (end, closes) = paragraphTag(utf8, at: index) else { return nil }
        if !closes || isOpen { finish() }
        isOpen = !closes
        index = end
        continue
      case UInt8(ascii: "&"):
        guard let (decoded, end) = entity(utf8, at: index) else { return nil }
        append(decoded)
        index = end
        continue
      case UInt8(ascii: ">"), 0x0D:
        return nil
      case 0x20, 0x0A, 0x09:
        pendingSpace = true
      default:
        append(byte)
      }
      index = utf8.index(after: index)
    }
    finish()
    return Document(blocks: blocks)
  }

  /// The index after `<p>`, `</p>`, `<P>` or `</P>` at `start` and whether it closes;
  /// nil for any other tag.
  private static func paragraphTag(_ utf8: String.UTF8View, at start: String.Index)
    -> (String.Index, closes: Bool)?
  {
    var index = utf8.index(after: start)
    let closes = index != utf8.endIndex && utf8[index] == UInt8(ascii: "/")
    if closes { index = utf8.index(after: index) }
    guard index != utf8.endIndex, utf8[index] | 0x20 == UInt8(ascii: "p") else { return nil }
    index = utf8.index(after: index)
    guard index != utf8.endIndex, utf8[index] == UInt8(ascii: ">") else { return nil }
    return (utf8.index(after: index), closes)
  }

  private static let entities: [(name: [UInt8], value: UInt8)] = [
    (Array("amp;".utf8), UInt8(ascii: "&")), (Array("lt;".utf8), UInt8(ascii: "<")),
    (Array("gt;".utf8), UInt8(ascii: ">")), (Array("quot;".utf8), UInt8(ascii: "\"")),
    (Array("#39;".utf8), UInt8(ascii: "'")),
  ]

  /// The character of `&amp;`, `&lt;`, `&gt;`, `&quot;` or `&#39;` at `start`.
  private static func entity(_ utf8: String.UTF8View, at start: String.Index) -> (
    UInt8, String.Index
  )? {
    let after = utf8.index(after: start)
    for (name, value) in entities {
      var index = after
      var matched = true
      for expected in name {
        guard index != utf8.endIndex, utf8[index] == expected else {
          matched = false
          break
        }
        index = utf8.index(after: index)
      }
      if matched { return (value, index) }
    }
    return nil
  }
}

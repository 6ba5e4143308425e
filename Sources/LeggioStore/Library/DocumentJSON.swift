import LeggioModel
/// A document as the JSON the library stores, byte for byte what `JSONEncoder` with
/// sorted keys and unescaped slashes writes (`Library.encode`), written by hand: the
/// encoder was a quarter of the time of storing a large feed.
enum DocumentJSON {
  static func encode(_ document: Document) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(
      document.blocks.reduce(64) { $0 + 48 + $1.inlines.reduce(0) { $0 + 40 + $1.text.utf8.count } }
    )
    out.append(contentsOf: #"{"blocks":["#.utf8)
    for (index, block) in document.blocks.enumerated() {
      if index > 0 { out.append(UInt8(ascii: ",")) }
      out.append(UInt8(ascii: "{"))
      if let containers = block.containers {
        out.append(contentsOf: #""containers":["#.utf8)
        for (position, container) in containers.enumerated() {
          if position > 0 { out.append(UInt8(ascii: ",")) }
          appendContainer(container, to: &out)
        }
        out.append(contentsOf: "],".utf8)
      }
      if let direction = block.direction {
        out.append(contentsOf: #""direction":"#.utf8)
        appendString(direction.rawValue, to: &out)
        out.append(UInt8(ascii: ","))
      }
      out.append(contentsOf: #""inlines":["#.utf8)
      appendInlines(block.inlines, to: &out)
      out.append(contentsOf: #"],"kind":"#.utf8)
      appendKind(block.kind, to: &out)
      appendOptional("language", block.language, to: &out)
      appendOptional("source", block.source, to: &out)
      appendOptional("title", block.title, to: &out)
      out.append(UInt8(ascii: "}"))
    }
    out.append(UInt8(ascii: "]"))
    if let headline = document.headline {
      out.append(contentsOf: #","headline":["#.utf8)
      appendInlines(headline, to: &out)
      out.append(UInt8(ascii: "]"))
    }
    out.append(UInt8(ascii: "}"))
    // Valid UTF-8 by construction (the documents' strings and ASCII), so copied into a
    // string without `String(decoding:)`'s check, which was a third of writing a book's.
    return out.withUnsafeBufferPointer {
      String(copying: UTF8Span(unchecked: $0.span, isKnownASCII: false))
    }
  }

  /// Runs as the members of an array, without its brackets.
  private static func appendInlines(_ inlines: [Inline], to out: inout [UInt8]) {
    for (position, inline) in inlines.enumerated() {
      if position > 0 { out.append(UInt8(ascii: ",")) }
      out.append(UInt8(ascii: "{"))
      if let image = inline.image {
        out.append(contentsOf: #""image":{"source":"#.utf8)
        appendString(image.source, to: &out)
        appendOptional("title", image.title, to: &out)
        if image.altMissing == true { out.append(contentsOf: #","altMissing":true"#.utf8) }
        out.append(contentsOf: "},".utf8)
      }
      if let link = inline.link {
        out.append(contentsOf: #""link":"#.utf8)
        appendString(link, to: &out)
        out.append(UInt8(ascii: ","))
      }
      if let nesting = inline.nesting {
        out.append(contentsOf: #""nesting":["#.utf8)
        out.append(contentsOf: nesting.map { String($0.rawValue) }.joined(separator: ",").utf8)
        out.append(contentsOf: "],".utf8)
      }
      out.append(contentsOf: #""style":"#.utf8)
      out.append(contentsOf: String(inline.style.rawValue).utf8)
      out.append(contentsOf: #","text":"#.utf8)
      appendString(inline.text, to: &out)
      appendOptional("title", inline.title, to: &out)
      out.append(UInt8(ascii: "}"))
    }
  }

  private static func appendKind(_ kind: Block.Kind, to out: inout [UInt8]) {
    // The kinds without fields, paragraphs above all, as one literal each: the strings
    // interpolated below cost a few allocations a block.
    switch kind {
    case .paragraph: return out.append(contentsOf: #"{"paragraph":{}}"#.utf8)
    case .preformatted: return out.append(contentsOf: #"{"preformatted":{}}"#.utf8)
    case .rule: return out.append(contentsOf: #"{"rule":{}}"#.utf8)
    default: break
    }
    func number(_ name: String, _ value: Int) -> String { "\"\(name)\":\(value)" }
    let (name, fields): (String, String) =
      switch kind {
      case .heading(let level): ("heading", number("level", level))
      case .paragraph: ("paragraph", "")
      case .blockQuote(let depth): ("blockQuote", number("depth", depth))
      case .listItem(let depth, let ordinal):
        ("listItem", number("depth", depth) + (ordinal.map { "," + number("ordinal", $0) } ?? ""))
      case .preformatted: ("preformatted", "")
      case .rule: ("rule", "")
      case .image(let credit): ("image", credit == nil ? "" : "\"credit\":")
      case .table(let alignments, let headerRows):
        (
          "table",
          "\"alignments\":[" + alignments.map { "\"\($0.rawValue)\"" }.joined(separator: ",") + "],"
            + number("headerRows", headerRows)
        )
      }
    out.append(contentsOf: "{\"\(name)\":{\(fields)".utf8)
    if case .image(let credit?) = kind { appendString(credit, to: &out) }
    out.append(contentsOf: "}}".utf8)
  }

  /// `,"key":"value"` when there is a value.
  private static func appendOptional(_ key: String, _ value: String?, to out: inout [UInt8]) {
    guard let value else { return }
    out.append(contentsOf: ",\"\(key)\":".utf8)
    appendString(value, to: &out)
  }

  private static func appendContainer(_ container: BlockContainer, to out: inout [UInt8]) {
    out.append(contentsOf: "{\"id\":\(container.id)".utf8)
    if let list = container.list {
      out.append(contentsOf: ",\"list\":{\"id\":\(list.id),\"isLoose\":\(list.isLoose)".utf8)
      if let ordinal = list.ordinal { out.append(contentsOf: ",\"ordinal\":\(ordinal)".utf8) }
      out.append(UInt8(ascii: "}"))
    }
    out.append(UInt8(ascii: "}"))
  }

  /// A JSON string: quote, backslash and C0 controls escaped, everything else as UTF-8.
  /// Runs of bytes that need no escape (nearly all of any text) are copied whole.
  private static func appendString(_ string: String, to out: inout [UInt8]) {
    out.append(UInt8(ascii: "\""))
    var string = string
    string.withUTF8 { bytes in
      guard let base = bytes.baseAddress else { return }
      let end = bytes.count
      var runStart = 0
      var index = 0
      while index < end {
        // Eight bytes at a time past those that need no escape: most of a book's text.
        if index &+ 8 <= end,
          !mayNeedEscape(
            UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)))
        {
          index &+= 8
          continue
        }
        let byte = base[index]
        if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
          out.append(
            contentsOf: UnsafeBufferPointer(start: base + runStart, count: index - runStart))
          appendEscape(byte, to: &out)
          runStart = index &+ 1
        }
        index &+= 1
      }
      out.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: end - runStart))
    }
    out.append(UInt8(ascii: "\""))
  }

  /// Whether any of eight bytes is below 0x20, a quote or a backslash (exact: the flag
  /// tricks only err on bytes after a flagged one, and bytes from 0x80 are never flagged).
  @inline(__always)
  private static func mayNeedEscape(_ word: UInt64) -> Bool {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let high = ones &* 0x80
    func hasZero(_ v: UInt64) -> UInt64 { (v &- ones) & ~v & high }
    let control = (word &- ones &* 0x20) & ~word & high
    return control | hasZero(word ^ (ones &* 0x22)) | hasZero(word ^ (ones &* 0x5C)) != 0
  }

  private static func appendEscape(_ byte: UInt8, to out: inout [UInt8]) {
    switch byte {
    case UInt8(ascii: "\""): out.append(contentsOf: #"\""#.utf8)
    case UInt8(ascii: "\\"): out.append(contentsOf: #"\\"#.utf8)
    case 0x0A: out.append(contentsOf: #"\n"#.utf8)
    case 0x0D: out.append(contentsOf: #"\r"#.utf8)
    case 0x09: out.append(contentsOf: #"\t"#.utf8)
    case 0x08: out.append(contentsOf: #"\b"#.utf8)
    case 0x0C: out.append(contentsOf: #"\f"#.utf8)
    default:
      let hex: StaticString = "0123456789abcdef"
      out.append(contentsOf: #"\u00"#.utf8)
      out.append(hex.utf8Start[Int(byte >> 4)])
      out.append(hex.utf8Start[Int(byte & 0x0F)])
    }
  }
}

import Dispatch
import LeggioModel

/// Reads the JSON of a stored document (`DocumentJSON`, or `JSONEncoder`'s output of the
/// same shape) straight into a `Document`, an order of magnitude faster than
/// `JSONDecoder`, which was most of the time of opening a long book. Keys may come in
/// any order; anything it does not expect (an unknown key, a malformed value) returns
/// nil, and the caller falls back on `JSONDecoder`.
struct DocumentJSONDecoder {
  private let bytes: UnsafeBufferPointer<UInt8>
  private var index = 0

  static func decode(_ json: String) -> Document? {
    var json = json
    return json.withUTF8 { decode(bytes: $0) }
  }

  /// The document in JSON's UTF-8 bytes, read where they lie: a stored document is
  /// decoded from its inflated payload without a `String` of the whole JSON (validating
  /// a long book's 6 MB of JSON as UTF-8 cost as much as decoding it). Each string is
  /// validated as it is made.
  static func decode(bytes: UnsafeBufferPointer<UInt8>) -> Document? {
    var decoder = DocumentJSONDecoder(bytes: bytes)
    guard let document = decoder.document() else { return nil }
    decoder.skipSpace()
    return decoder.index == bytes.count ? document : nil
  }

  private init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

  /// JSON this long (a book's) is decoded in two halves, one on each of two threads.
  static let concurrentLength = 1 << 20

  /// `decode(bytes:)`, a long document's blocks read in two halves side by side: its
  /// blocks array (first, as both writers sort the keys) is cut at a block that starts
  /// near the middle. A block starts with `{"containers":` or `{"inlines":`, keys no
  /// other object has and a string cannot hold unescaped. Anything unexpected, and the
  /// whole is read in one piece.
  static func decodeInHalves(bytes: UnsafeBufferPointer<UInt8>) -> Document? {
    guard bytes.count >= concurrentLength, let halves = Halves(bytes) else {
      return decode(bytes: bytes)
    }
    let results = HalfResults()
    // Only read, and only until `concurrentPerform` returns.
    nonisolated(unsafe) let shared = bytes
    DispatchQueue.concurrentPerform(iterations: 2) { half in
      var decoder = DocumentJSONDecoder(bytes: shared)
      if half == 0 {
        decoder.index = halves.start
        results.first = decoder.blocks(until: halves.cut - 1)
      } else {
        decoder.index = halves.cut
        results.second = decoder.lastBlocks()
      }
    }
    guard let first = results.first, let (second, headline) = results.second else {
      return decode(bytes: bytes)
    }
    return Document(blocks: first + second, headline: headline)
  }

  /// Where the blocks start and where the second half's first block starts.
  private struct Halves {
    let start: Int
    let cut: Int

    init?(_ bytes: UnsafeBufferPointer<UInt8>) {
      let opening = Array(#"{"blocks":["#.utf8)
      guard bytes.count > opening.count, bytes.starts(with: opening) else { return nil }
      start = opening.count
      let marks = [Array(#"},{"inlines":"#.utf8), Array(#"},{"containers":"#.utf8)]
      var index = bytes.count / 2
      while index < bytes.count - 16 {
        if bytes[index] == UInt8(ascii: "}"),
          marks.contains(where: { mark in
            UnsafeBufferPointer(rebasing: bytes[index...]).starts(with: mark)
          })
        {
          cut = index + 2
          return
        }
        index += 1
      }
      return nil
    }
  }

  /// What each thread decoded, written by it before `concurrentPerform` returns.
  private final class HalfResults: @unchecked Sendable {
    var first: [Block]?
    var second: ([Block], [Inline]?)?
  }

  /// Blocks separated by commas up to `end` (the comma after the last of them).
  private mutating func blocks(until end: Int) -> [Block]? {
    var blocks: [Block] = []
    while true {
      guard let block = block() else { return nil }
      blocks.append(block)
      skipSpace()
      if index == end { return blocks }
      guard index < end, take(UInt8(ascii: ",")) else { return nil }
      skipSpace()
    }
  }

  /// The blocks from here to the end of the array, then the rest of the document: an
  /// optional headline and the closing brace.
  private mutating func lastBlocks() -> ([Block], [Inline]?)? {
    var blocks: [Block] = []
    repeat {
      skipSpace()
      guard let block = block() else { return nil }
      blocks.append(block)
    } while take(UInt8(ascii: ","))
    guard take(UInt8(ascii: "]")) else { return nil }
    var headline: [Inline]?
    if take(UInt8(ascii: ",")) {
      skipSpace()
      guard string() == "headline", take(UInt8(ascii: ":")) else { return nil }
      skipSpace()
      var runs: [Inline] = []
      guard
        array({ decoder in
          guard let inline = decoder.inline() else { return false }
          runs.append(inline)
          return true
        })
      else { return nil }
      headline = runs
    }
    guard take(UInt8(ascii: "}")) else { return nil }
    skipSpace()
    return index == bytes.count ? (blocks, headline) : nil
  }

  private mutating func document() -> Document? {
    var blocks: [Block] = []
    var headline: [Inline]?
    let ok = object { key, decoder in
      switch key {
      case "blocks":
        return decoder.array { decoder in
          guard let block = decoder.block() else { return false }
          blocks.append(block)
          return true
        }
      case "headline":
        var runs: [Inline] = []
        let ok = decoder.array { decoder in
          guard let inline = decoder.inline() else { return false }
          runs.append(inline)
          return true
        }
        headline = runs
        return ok
      default: return false
      }
    }
    return ok ? Document(blocks: blocks, headline: headline) : nil
  }

  private mutating func block() -> Block? {
    var kind: Block.Kind?
    var inlines: [Inline] = []
    var containers: [BlockContainer]?
    var language: String?
    var source: String?
    var title: String?
    var direction: TextDirection?
    let ok = object { key, decoder in
      switch key {
      case "kind":
        kind = decoder.kind()
        return kind != nil
      case "direction":
        var name: String?
        guard decoder.optionalString(&name) else { return false }
        direction = name.flatMap(TextDirection.init(rawValue:))
        return name == nil || direction != nil
      case "inlines":
        inlines.reserveCapacity(4)
        return decoder.array { decoder in
          guard let inline = decoder.inline() else { return false }
          inlines.append(inline)
          return true
        }
      case "containers":
        var list: [BlockContainer] = []
        let ok = decoder.array { decoder in
          guard let container = decoder.container() else { return false }
          list.append(container)
          return true
        }
        containers = list
        return ok
      case "language": return decoder.optionalString(&language)
      case "source": return decoder.optionalString(&source)
      case "title": return decoder.optionalString(&title)
      default: return false
      }
    }
    guard ok, let kind else { return nil }
    var block = Block(kind, inlines)
    block.containers = containers
    block.language = language
    block.source = source
    block.title = title
    block.direction = direction
    return block
  }

  private mutating func inline() -> Inline? {
    var text: String?
    var style: UInt8 = 0
    var link: String?
    var title: String?
    var nesting: [InlineStyle]?
    var image: InlineImage?
    let ok = object { key, decoder in
      switch key {
      case "image":
        var source: String?
        var imageTitle: String?
        var altMissing: Bool?
        let ok = decoder.object { key, decoder in
          switch key {
          case "source":
            source = decoder.string()
            return source != nil
          case "title": return decoder.optionalString(&imageTitle)
          case "altMissing":
            altMissing = decoder.boolean()
            return altMissing != nil
          default: return false
          }
        }
        guard ok, let source else { return false }
        image = InlineImage(source: source, title: imageTitle, altMissing: altMissing)
        return true
      case "text":
        text = decoder.string()
        return text != nil
      case "style":
        guard let value = decoder.integer(), let raw = UInt8(exactly: value) else { return false }
        style = raw
        return true
      case "link": return decoder.optionalString(&link)
      case "title": return decoder.optionalString(&title)
      case "nesting":
        var styles: [InlineStyle] = []
        let ok = decoder.array { decoder in
          guard let value = decoder.integer(), let raw = UInt8(exactly: value) else {
            return false
          }
          styles.append(InlineStyle(rawValue: raw))
          return true
        }
        nesting = styles
        return ok
      default: return false
      }
    }
    guard ok, let text else { return nil }
    var inline = Inline(text, style: InlineStyle(rawValue: style), link: link)
    inline.title = title
    inline.nesting = nesting
    inline.image = image
    return inline
  }

  private mutating func container() -> BlockContainer? {
    var id: Int?
    var list: ListPlace?
    let ok = object { key, decoder in
      switch key {
      case "id":
        id = decoder.integer()
        return id != nil
      case "list":
        var listID: Int?
        var ordinal: Int?
        var isLoose: Bool?
        let ok = decoder.object { key, decoder in
          switch key {
          case "id":
            listID = decoder.integer()
            return listID != nil
          case "ordinal":
            ordinal = decoder.integer()
            return ordinal != nil
          case "isLoose":
            isLoose = decoder.boolean()
            return isLoose != nil
          default: return false
          }
        }
        guard ok, let listID, let isLoose else { return false }
        list = ListPlace(id: listID, ordinal: ordinal, isLoose: isLoose)
        return true
      default: return false
      }
    }
    guard ok, let id else { return nil }
    return BlockContainer(id: id, list: list)
  }

  /// `{"paragraph":{}}`, `{"heading":{"level":2}}` and the rest, as `Codable` writes them.
  private mutating func kind() -> Block.Kind? {
    var kind: Block.Kind?
    let ok = object { name, decoder in
      var numbers: [String: Int] = [:]
      var credit: String?
      var alignments: [TableAlignment] = []
      let ok = decoder.object { key, decoder in
        switch key {
        case "credit": return decoder.optionalString(&credit)
        case "alignments":
          return decoder.array { decoder in
            guard let raw = decoder.string(), let alignment = TableAlignment(rawValue: raw)
            else { return false }
            alignments.append(alignment)
            return true
          }
        default:
          guard let value = decoder.integer() else { return false }
          numbers[key] = value
          return true
        }
      }
      guard ok else { return false }
      switch name {
      case "paragraph": kind = .paragraph
      case "heading": kind = numbers["level"].map { .heading(level: $0) }
      case "blockQuote": kind = numbers["depth"].map { .blockQuote(depth: $0) }
      case "listItem":
        kind = numbers["depth"].map { .listItem(depth: $0, ordinal: numbers["ordinal"]) }
      case "preformatted": kind = .preformatted
      case "rule": kind = .rule
      case "image": kind = .image(credit: credit)
      case "table":
        kind = numbers["headerRows"].map { .table(alignments: alignments, headerRows: $0) }
      default: return false
      }
      return kind != nil
    }
    return ok ? kind : nil
  }

  // MARK: JSON

  private mutating func skipSpace() {
    while index < bytes.count {
      switch bytes[index] {
      case 0x20, 0x0A, 0x0D, 0x09: index += 1
      default: return
      }
    }
  }

  private mutating func take(_ byte: UInt8) -> Bool {
    skipSpace()
    guard index < bytes.count, bytes[index] == byte else { return false }
    index += 1
    return true
  }

  /// An object, each member's value read by `member` (false stops with a failure).
  private mutating func object(
    _ member: (String, inout DocumentJSONDecoder) -> Bool
  ) -> Bool {
    guard take(UInt8(ascii: "{")) else { return false }
    if take(UInt8(ascii: "}")) { return true }
    repeat {
      skipSpace()
      guard let key = string(), take(UInt8(ascii: ":")) else { return false }
      skipSpace()
      guard member(key, &self) else { return false }
    } while take(UInt8(ascii: ","))
    return take(UInt8(ascii: "}"))
  }

  private mutating func array(_ element: (inout DocumentJSONDecoder) -> Bool) -> Bool {
    guard take(UInt8(ascii: "[")) else { return false }
    if take(UInt8(ascii: "]")) { return true }
    repeat {
      skipSpace()
      guard element(&self) else { return false }
    } while take(UInt8(ascii: ","))
    return take(UInt8(ascii: "]"))
  }

  /// A string, or `null` for nil.
  private mutating func optionalString(_ value: inout String?) -> Bool {
    if literal("null") { return true }
    value = string()
    return value != nil
  }

  private mutating func literal(_ word: StaticString) -> Bool {
    let count = word.utf8CodeUnitCount
    guard index + count <= bytes.count else { return false }
    for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] {
      return false
    }
    index += count
    return true
  }

  private mutating func boolean() -> Bool? {
    if literal("true") { return true }
    if literal("false") { return false }
    return nil
  }

  private mutating func integer() -> Int? {
    var negative = false
    if index < bytes.count, bytes[index] == UInt8(ascii: "-") {
      negative = true
      index += 1
    }
    var value = 0
    let start = index
    while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 {
      let (product, overflow) = value.multipliedReportingOverflow(by: 10)
      guard !overflow else { return nil }
      value = product + Int(bytes[index] - 0x30)
      index += 1
    }
    guard index > start else { return nil }
    return negative ? -value : value
  }

  /// A string: runs without escapes are copied whole.
  private mutating func string() -> String? {
    guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { return nil }
    index += 1
    let start = index
    while index < bytes.count {
      let byte = bytes[index]
      if byte == UInt8(ascii: "\"") {
        let text = String(
          decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        index += 1
        return text
      }
      if byte == UInt8(ascii: "\\") { break }
      index += 1
    }
    // Escapes: build the bytes.
    var out = Array(UnsafeBufferPointer(rebasing: bytes[start..<index]))
    while index < bytes.count {
      let byte = bytes[index]
      index += 1
      switch byte {
      case UInt8(ascii: "\""): return String(decoding: out, as: UTF8.self)
      case UInt8(ascii: "\\"):
        guard index < bytes.count else { return nil }
        let escape = bytes[index]
        index += 1
        switch escape {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(escape)
        case UInt8(ascii: "n"): out.append(0x0A)
        case UInt8(ascii: "r"): out.append(0x0D)
        case UInt8(ascii: "t"): out.append(0x09)
        case UInt8(ascii: "b"): out.append(0x08)
        case UInt8(ascii: "f"): out.append(0x0C)
        case UInt8(ascii: "u"):
          guard var scalar = hex4() else { return nil }
          if (0xD800..<0xDC00).contains(scalar) {
            guard literal("\\u"), let low = hex4(), (0xDC00..<0xE000).contains(low) else {
              return nil
            }
            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
          }
          guard let value = Unicode.Scalar(scalar) else { return nil }
          out.append(contentsOf: String(Character(value)).utf8)
        default: return nil
        }
      default: out.append(byte)
      }
    }
    return nil
  }

  private mutating func hex4() -> UInt32? {
    guard index + 4 <= bytes.count else { return nil }
    var value: UInt32 = 0
    for _ in 0..<4 {
      let byte = bytes[index]
      let digit: UInt32
      switch byte {
      case 0x30...0x39: digit = UInt32(byte - 0x30)
      case 0x41...0x46: digit = UInt32(byte - 0x41 + 10)
      case 0x61...0x66: digit = UInt32(byte - 0x61 + 10)
      default: return nil
      }
      value = value << 4 | digit
      index += 1
    }
    return value
  }
}

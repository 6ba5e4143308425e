import Foundation
import LeggioModel

/// The common summary, plain text in `<p>` paragraphs, turned into a document without
/// building an HTML tree: parsing each item with libxml2 was a third of a large update.
/// Anything else (another tag, an attribute, an unusual entity, a character the
/// sanitizer would touch) returns nil and goes through the full converter, whose output
/// this matches exactly.
///
/// Read on the UTF-8 bytes in place, in one pass that also judges what
/// `TextSanitizer.isClean` judges (a separate pass was 15% of this function's time), each
/// paragraph written to one scratch buffer and made a string without a second UTF-8 check:
/// it is cut from a valid string at ASCII bytes, and entities only add ASCII.
enum FeedSimpleHTML {
  static func document(_ html: String) -> Document? {
    var html = html
    return html.withUTF8 { document($0) }
  }

  private static func document(_ bytes: UnsafeBufferPointer<UInt8>) -> Document? {
    ByteClass.table.withUnsafeBufferPointer { document(bytes, classes: $0) }
  }

  private static func document(
    _ bytes: UnsafeBufferPointer<UInt8>, classes: UnsafeBufferPointer<ByteClass>
  ) -> Document? {
    guard let base = bytes.baseAddress, !bytes.isEmpty else { return Document(blocks: []) }
    @inline(__always) func classOf(_ byte: UInt8) -> ByteClass { classes[Int(byte)] }
    let count = bytes.count
    // A paragraph's text is never longer than the bytes it is read from.
    let scratch = UnsafeMutablePointer<UInt8>.allocate(capacity: count)
    defer { scratch.deallocate() }
    var written = 0
    var blocks: [Block] = []
    var pendingSpace = false
    // A `</p>` with no `<p>` open is ignored, as libxml2 does.
    var isOpen = false
    func finish() {
      if written > 0 {
        let text = String(
          copying: UTF8Span(
            unchecked: UnsafeBufferPointer(start: scratch, count: written).span,
            isKnownASCII: false))
        blocks.append(Block(.paragraph, [Inline(text)]))
      }
      written = 0
      pendingSpace = false
    }
    func spaceIfPending() {
      if pendingSpace && written > 0 {
        scratch[written] = 0x20
        written += 1
      }
      pendingSpace = false
    }
    var index = 0
    while index < count {
      switch classOf(base[index]) {
      case .tag:
        guard let (end, closes) = paragraphTag(base, count, at: index) else { return nil }
        if !closes || isOpen { finish() }
        isOpen = !closes
        index = end
      case .entity:
        guard let (decoded, end) = entity(base, count, at: index) else { return nil }
        spaceIfPending()
        scratch[written] = decoded
        written += 1
        index = end
      case .space, .otherSpace:
        pendingSpace = true
        index += 1
      case .refused:
        return nil
      case .text, .checked:
        // A run of text up to the next byte that means something, copied at once.
        // A single space between two words is part of the run, as it would be kept.
        var end = index
        while end < count {
          switch classOf(base[end]) {
          case .text:
            end += 1
            continue
          case .checked:
            guard !TextSanitizer.isForbiddenSequence(base, count: count, at: end) else {
              return nil
            }
            end += 1
            continue
          case .space where end + 1 < count && classOf(base[end + 1]) == .text:
            end += 2
            continue
          default:
            break
          }
          break
        }
        spaceIfPending()
        (scratch + written).update(from: base + index, count: end - index)
        written += end - index
        index = end
      }
    }
    finish()
    return Document(blocks: blocks)
  }

  /// What a byte means to the loop above.
  private enum ByteClass: UInt8 {
    /// Copied as it is: printable ASCII but `<`, `&`, `>` and space; continuation bytes;
    /// the lead bytes of scalars the sanitizer never touches.
    case text
    /// The lead byte of a scalar that may be one the sanitizer removes or changes
    /// (`TextSanitizer.isForbiddenSequence`).
    case checked
    case space
    /// Tab and line feed: a space, but never part of a run.
    case otherSpace
    case tag
    case entity
    /// `>`, carriage return and the other controls: the full converter's.
    case refused

    /// Each byte's class, by its value.
    static let table: [ByteClass] = (0...255).map { (byte: Int) -> ByteClass in
      switch byte {
      case 0x20: .space
      case 0x09, 0x0A: .otherSpace
      case 0x3C: .tag
      case 0x26: .entity
      case 0x00..<0x20, 0x3E, 0x7F: .refused
      case 0xC2, 0xD8, 0xE2, 0xEF, 0xF3: .checked
      default: .text
      }
    }
  }

  /// The index after `<p>`, `</p>`, `<P>` or `</P>` at `start` and whether it closes;
  /// nil for any other tag.
  private static func paragraphTag(_ base: UnsafePointer<UInt8>, _ count: Int, at start: Int)
    -> (Int, closes: Bool)?
  {
    var index = start + 1
    let closes = index < count && base[index] == UInt8(ascii: "/")
    if closes { index += 1 }
    guard index < count, base[index] | 0x20 == UInt8(ascii: "p") else { return nil }
    index += 1
    guard index < count, base[index] == UInt8(ascii: ">") else { return nil }
    return (index + 1, closes)
  }

  /// The character of `&amp;`, `&lt;`, `&gt;`, `&quot;` or `&#39;` at `start`, and the
  /// index after it.
  private static func entity(_ base: UnsafePointer<UInt8>, _ count: Int, at start: Int)
    -> (UInt8, Int)?
  {
    func matches(_ name: StaticString) -> Bool {
      let length = name.utf8CodeUnitCount
      guard start + 1 + length <= count else { return false }
      return memcmp(base + start + 1, name.utf8Start, length) == 0
    }
    if matches("amp;") { return (UInt8(ascii: "&"), start + 5) }
    if matches("lt;") { return (UInt8(ascii: "<"), start + 4) }
    if matches("gt;") { return (UInt8(ascii: ">"), start + 4) }
    if matches("quot;") { return (UInt8(ascii: "\""), start + 6) }
    if matches("#39;") { return (UInt8(ascii: "'"), start + 5) }
    return nil
  }
}

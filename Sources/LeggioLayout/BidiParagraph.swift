import CFriBidi
import LeggioModel

/// The bidirectional levels of one paragraph's clusters, resolved by GNU FriBidi (UAX #9)
/// on the whole paragraph in logical order, and the visual order of each line the breaker
/// cut from it. Only paragraphs with right-to-left text (or of a right-to-left document)
/// get one: Latin text never pays for it.
///
/// Lines are broken in logical order; only drawing is visual. Every cluster keeps its
/// canonical offset, so selection, search and annotations still address logical text.
struct BidiParagraph {
  /// The paragraph reads right to left: its lines sit against the right edge.
  var rightToLeft: Bool
  /// Per cluster: the bidi class of its first scalar, as FriBidi numbers them.
  var types: [UInt32]
  /// Per cluster: its resolved embedding level (odd is right to left).
  var levels: [Int8]

  /// The levels of `text`, or nil when it needs none: nothing right to left in it, or
  /// FriBidi is not installed (then it reads in logical order; see `unavailableReason`).
  /// `rightToLeftDocument` makes a paragraph without strong letters right to left;
  /// `direction`, the source's own (`<p dir="rtl">`), decides the paragraph's direction
  /// whatever its first letter is.
  init?(
    _ text: borrowing ClusterBuffer, rightToLeftDocument: Bool = false,
    direction: TextDirection? = nil
  ) {
    guard text.count > 0,
      direction == .rightToLeft || rightToLeftDocument || Self.mayHoldRightToLeft(text)
    else {
      return nil
    }
    guard Self.unavailableReason == nil else { return nil }
    var scalars: [UInt32] = []
    var clusterOfScalar: [Int32] = []
    scalars.reserveCapacity(text.count)
    clusterOfScalar.reserveCapacity(text.count)
    for cluster in 0..<text.count {
      if text.classes[cluster] == .control {
        // Drawn as a visible symbol, a control character (an RLO, an isolate) has no say
        // in the order: it reads as a neutral mark.
        scalars.append(0xFFFD)
        clusterOfScalar.append(Int32(cluster))
        continue
      }
      for scalar in text.string(cluster..<cluster + 1).unicodeScalars {
        scalars.append(scalar.value)
        clusterOfScalar.append(Int32(cluster))
      }
    }
    var scalarTypes = [UInt32](repeating: 0, count: scalars.count)
    var scalarLevels = [Int8](repeating: 0, count: scalars.count)
    let resolved = leggio_fribidi_levels(
      scalars, Int32(scalars.count), Self.base(rightToLeftDocument, direction), &scalarTypes,
      &scalarLevels)
    guard resolved >= 0 else { return nil }
    guard resolved == 1 || scalarLevels.contains(where: { $0 != 0 }) else { return nil }
    rightToLeft = resolved == 1
    types = [UInt32](repeating: 0, count: text.count)
    levels = [Int8](repeating: 0, count: text.count)
    var previous: Int32 = -1
    for index in scalars.indices where clusterOfScalar[index] != previous {
      previous = clusterOfScalar[index]
      types[Int(previous)] = scalarTypes[index]
      levels[Int(previous)] = scalarLevels[index]
    }
  }

  /// The paragraph direction asked of FriBidi: 0 and 1 leave it to the first strong
  /// letter (left or right to left when there is none), 2 and 3 set it.
  private static func base(_ rightToLeftDocument: Bool, _ direction: TextDirection?) -> Int32 {
    switch direction {
    case .leftToRight: 2
    case .rightToLeft: 3
    case nil: rightToLeftDocument ? 1 : 0
    }
  }

  /// Why right-to-left text is shown in logical order, or nil when FriBidi is there.
  static let unavailableReason: String? = {
    var message = [CChar](repeating: 0, count: 256)
    guard leggio_fribidi_load(&message, message.count) != 0 else { return nil }
    return String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }()

  /// The clusters of `range` (one line) in the order they are drawn from left to right.
  func visualOrder(_ range: Range<Int>) -> [Int] {
    guard !range.isEmpty else { return [] }
    var lineTypes = Array(types[range])
    var lineLevels = Array(levels[range])
    var map = (0..<Int32(range.count)).map { $0 }
    let result = leggio_fribidi_reorder(
      &lineTypes, Int32(range.count), 0, rightToLeft ? 1 : 0, &lineLevels, &map)
    guard result == 0 else { return Array(range) }
    return map.map { range.lowerBound + Int($0) }
  }

  /// Whether cluster `index` is drawn right to left (and so its bracket mirrored).
  func isRightToLeft(_ index: Int) -> Bool { levels[index] & 1 == 1 }

  /// `scalar` as drawn in a right-to-left run: "(" for ")" and so on.
  static func mirrored(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
    Unicode.Scalar(leggio_fribidi_mirror(scalar.value)) ?? scalar
  }

  /// A quick look at the bytes for a letter of a right-to-left script: Hebrew, Arabic,
  /// Syriac, Thaana, N'Ko, Samaritan, Mandaic (U+0590-08FF), their presentation forms
  /// (U+FB1D-FEFF) and the historic scripts of U+10800-10FFF and U+1E800-1EFFF. Bidi
  /// controls (RLO, RLI...) do not count: they are drawn as symbols and steer nothing.
  /// Text that came through the simple path has none.
  static func mayHoldRightToLeft(_ text: ClusterBuffer) -> Bool {
    if text.uniform { return false }
    return text.bytes.withUnsafeBufferPointer { bytes in
      var index = 0
      let n = bytes.count
      while index < n {
        let lead = bytes[index]
        if lead < 0x80 {
          index += 1
          continue
        }
        let next = index + 1 < n ? bytes[index + 1] : 0
        let third = index + 2 < n ? bytes[index + 2] : 0
        switch lead {
        case 0xD6...0xDF: return true
        case 0xE0 where (0xA0...0xA3).contains(next): return true
        case 0xEF where (0xAC...0xBB).contains(next): return true
        case 0xF0 where (next == 0x90 || next == 0x9E) && third >= 0xA0: return true
        default: break
        }
        index += lead < 0xE0 ? 2 : (lead < 0xF0 ? 3 : 4)
      }
      return false
    }
  }

  /// Whether a language tag ("he", "ar-EG", "fa_IR") names a language written right to left.
  static func isRightToLeftLanguage(_ tag: String?) -> Bool {
    guard let tag else { return false }
    let primary = tag.lowercased().split(whereSeparator: { $0 == "-" || $0 == "_" }).first ?? ""
    return ["ar", "he", "iw", "fa", "ur", "yi", "ps", "sd", "ug", "ckb", "dv", "syr"].contains(
      String(primary))
  }
}

/// Whether right-to-left text can be shown in reading order, for the front ends' notes.
public enum RightToLeftText {
  /// Why the right-to-left text in `document` will be shown in logical order (FriBidi is
  /// not installed), nil when it can be reordered or there is none.
  public static func missingSupport(in document: Document) -> String? {
    // The text first: loading FriBidi to learn whether it is there costs a `dlopen`,
    // which a text without right-to-left letters (most) never needs. But a book's text
    // costs more to look through than the `dlopen` (3 ms of CPU for 3 MB against a
    // fraction of one): when FriBidi is there, a long text needs no look at all.
    if document.blocks.count >= 1024, BidiParagraph.unavailableReason == nil { return nil }
    // A book's blocks are looked through on every core.
    let found = ConcurrentSlices.map(document.blocks, minimumSliceLength: 1024) { blocks in
      blocks.contains { block in block.inlines.contains { holdsRightToLeft($0.text) } }
    }.contains(true)
    guard found, let reason = BidiParagraph.unavailableReason else { return nil }
    return reason + "; right-to-left text is shown in logical order"
  }

  /// Whether `text` holds a Hebrew, Arabic, Syriac, Thaana or N'Ko letter or a
  /// presentation form (U+0590–U+08FF, U+FB1D–U+FEFF), judged from its UTF-8 bytes:
  /// only a lead byte D6–DF, E0 A0–A3 or EF AC–BB can start one.
  static func holdsRightToLeft(_ text: String) -> Bool {
    func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
      guard let base = bytes.baseAddress else { return false }
      var index = 0
      let count = bytes.count
      while index < count {
        // ASCII, most of a Latin text, eight bytes at a time.
        while index + 8 <= count,
          UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080
            == 0
        {
          index += 8
        }
        guard index < count else { break }
        let byte = bytes[index]
        index += 1
        guard byte >= 0xD6 else { continue }
        switch byte {
        case 0xD6:
          if index < count && bytes[index] >= 0x90 { return true }
        case 0xD7...0xDF:
          return true
        case 0xE0:
          if index < count && (0xA0...0xA3).contains(bytes[index]) { return true }
        case 0xEF:
          guard index + 1 < count else { break }
          let value = (UInt32(bytes[index] & 0x3F) << 6) | UInt32(bytes[index + 1] & 0x3F)
          if (0xFB1D & 0xFFF)...(0xFEFF & 0xFFF) ~= value { return true }
        default:
          break
        }
      }
      return false
    }
    var text = text
    return text.withUTF8(scan)
  }
}

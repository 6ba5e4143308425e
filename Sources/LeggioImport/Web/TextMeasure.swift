/// Text measures over a subtree, kept on each node (`HTMLNode.measures`) until an edit
/// below it: the extractor asks for lengths and link densities thousands of times per
/// page, of nested nodes, and each answer is built from the children's in one step.
struct NodeMeasures {
  /// The collapsed text, as `TextRun`.
  var run: TextRun
  /// The UTF-16 length of the text inside `<a>` elements below, in-page (`#`) links
  /// weighed 0.3 (nested links count once per link, as Readability counts them).
  var linkLength: Double
  /// Commas below, of all scripts (Readability's list) and ASCII ones only.
  var commas = 0
  var asciiCommas = 0
}

/// The shape of a stretch of text once whitespace runs are collapsed: its length and
/// whether it has content and space at its ends, so two stretches join without rescanning.
struct TextRun {
  /// UTF-16 length of the content with inner whitespace runs as one space, ends trimmed.
  var length = 0
  /// Whether there is anything but whitespace.
  var hasContent = false
  /// Whitespace before the content (for a run with no content: any whitespace at all).
  var leadingSpace = false
  /// Whitespace after the content (for a run with no content: any whitespace at all).
  var trailingSpace = false

  init() {}

  init(_ text: String) {
    var text = text
    self = text.withUTF8 { TextRun($0) }
  }

  /// Counts over valid UTF-8, a byte at a time where it is ASCII.
  init(_ bytes: UnsafeBufferPointer<UInt8>) {
    var commas = 0
    var asciiCommas = 0
    self.init(bytes, commas: &commas, asciiCommas: &asciiCommas)
  }

  /// Counts over valid UTF-8, and adds its commas (`ReadabilityPatterns.commas`, and
  /// ASCII ones only) to `commas` and `asciiCommas`, in the same pass.
  init(_ bytes: UnsafeBufferPointer<UInt8>, commas: inout Int, asciiCommas: inout Int) {
    var pendingSpace = false
    var index = 0
    while index < bytes.count {
      let (value, width) = TextMeasure.scalar(at: index, in: bytes)
      index += width
      if value == 0x2C {
        asciiCommas += 1
        commas += 1
      } else if value >= 0x80, let scalar = Unicode.Scalar(value),
        ReadabilityPatterns.commas.contains(scalar)
      {
        commas += 1
      }
      if TextMeasure.isSpace(value: value) {
        if hasContent { pendingSpace = true } else { leadingSpace = true }
      } else {
        if pendingSpace { length += 1 }
        pendingSpace = false
        hasContent = true
        length += value > 0xFFFF ? 2 : 1
      }
    }
    trailingSpace = hasContent ? pendingSpace : leadingSpace
  }

  /// This run followed by `next`.
  func joined(_ next: TextRun) -> TextRun {
    var result = TextRun()
    if !hasContent {
      result = next
      result.leadingSpace = leadingSpace || next.leadingSpace
      if !next.hasContent { result.trailingSpace = result.leadingSpace }
      return result
    }
    if !next.hasContent {
      result = self
      result.trailingSpace = trailingSpace || next.leadingSpace
      return result
    }
    result.length = length + next.length + (trailingSpace || next.leadingSpace ? 1 : 0)
    result.hasContent = true
    result.leadingSpace = leadingSpace
    result.trailingSpace = next.trailingSpace
    return result
  }
}

extension HTMLNode {
  /// The subtree's measures, computed from the children's and kept until an edit.
  var textMeasures: NodeMeasures {
    if let measures { return measures }
    var made = NodeMeasures(run: TextRun(), linkLength: 0)
    switch kind {
    case .text:
      var text = text
      text.withUTF8 { bytes in
        made.run = TextRun(bytes, commas: &made.commas, asciiCommas: &made.asciiCommas)
      }
    case .comment: break
    case .element, .document:
      forEachChild { child in
        let inner = child.textMeasures
        made.run = made.run.joined(inner.run)
        made.linkLength += inner.linkLength
        made.commas += inner.commas
        made.asciiCommas += inner.asciiCommas
        if child.kind == .element && child.name == "a" {
          let coefficient = (child.attribute("href") ?? "").hasPrefix("#") ? 0.3 : 1
          made.linkLength += Double(inner.run.length) * coefficient
        }
      }
    }
    measures = made
    return made
  }

  /// The UTF-16 length of `innerText` (the unit Readability's thresholds are in).
  var innerTextLength: Int { textMeasures.run.length }

  /// The share of the text below that sits in links; in-page (`#`) links count 30%.
  var linkDensity: Double {
    let measures = textMeasures
    guard measures.run.length > 0 else { return 0 }
    return measures.linkLength / Double(measures.run.length)
  }

  /// The commas in the text below (Readability's list of commas in many scripts, or
  /// only ASCII ones). `limit` is kept for callers that ask "at least": the count is
  /// kept per node, so it costs nothing to give it whole.
  func commaCount(upTo limit: Int = .max, asciiOnly: Bool = false) -> Int {
    asciiOnly ? textMeasures.asciiCommas : textMeasures.commas
  }

  /// Whether any text below is more than whitespace.
  var hasVisibleText: Bool { textMeasures.run.hasContent }

  /// Calls `body` with each text node's text in document order while it returns true.
  func forEachText(_ body: (String) -> Bool) {
    if kind == .text {
      _ = body(text)
      return
    }
    visitDescendants { node in
      node.kind == .text ? body(node.text) : true
    }
  }
}

enum TextMeasure {
  /// Unicode's White_Space, and the byte-order mark (a zero-width no-break space).
  @inline(__always)
  static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
    isSpace(value: scalar.value)
  }

  @inline(__always)
  static func isSpace(value: UInt32) -> Bool {
    if value < 0x80 { return value == 0x20 || (0x09...0x0D).contains(value) }
    switch value {
    case 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF:
      return true
    default:
      return false
    }
  }

  /// The scalar starting at `index` of valid UTF-8 and its length in bytes.
  @inline(__always)
  static func scalar(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (UInt32, Int) {
    let lead = bytes[index]
    if lead < 0x80 { return (UInt32(lead), 1) }
    @inline(__always) func next(_ offset: Int) -> UInt32 {
      index + offset < bytes.count ? UInt32(bytes[index + offset] & 0x3F) : 0
    }
    if lead < 0xE0 { return ((UInt32(lead & 0x1F) << 6) | next(1), 2) }
    if lead < 0xF0 { return ((UInt32(lead & 0x0F) << 12) | (next(1) << 6) | next(2), 3) }
    return ((UInt32(lead & 0x07) << 18) | (next(1) << 12) | (next(2) << 6) | next(3), 4)
  }
}

/// Substring search on UTF-8 bytes, for the class/id vocabularies: much faster than
/// Foundation's `String.contains` on Linux, and enough for ASCII patterns.
struct ByteNeedle: Sendable {
  let bytes: [UInt8]

  init(_ pattern: String) { bytes = Array(pattern.utf8) }

  /// Whether the needle (lower-case ASCII) occurs in `haystack` read with ASCII letters
  /// lower-cased, as if in `haystack.lowercased()`.
  func occurs(inLowercased haystack: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let first = bytes.first, haystack.count >= bytes.count else { return false }
    @inline(__always) func lower(_ byte: UInt8) -> UInt8 {
      byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }
    var index = 0
    let last = haystack.count - bytes.count
    while index <= last {
      if lower(haystack[index]) == first {
        var offset = 1
        while offset < bytes.count && lower(haystack[index + offset]) == bytes[offset] {
          offset += 1
        }
        if offset == bytes.count { return true }
      }
      index += 1
    }
    return false
  }

  func occurs(in haystack: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let first = bytes.first, haystack.count >= bytes.count else { return false }
    var index = 0
    let last = haystack.count - bytes.count
    while index <= last {
      if haystack[index] == first {
        var offset = 1
        while offset < bytes.count && haystack[index + offset] == bytes[offset] { offset += 1 }
        if offset == bytes.count { return true }
      }
      index += 1
    }
    return false
  }
}

/// Several `ByteNeedle`s searched in one pass over a text read lower-cased: at each
/// position only the needles starting with that byte are tried. For the class/id
/// vocabularies, matched against every element of a page.
struct NeedleSet: Sendable {
  /// All needles' bytes, one after another, ordered by first byte.
  private let bytes: [UInt8]
  /// For needle `i` in that order: where its bytes start in `bytes` (and end, at `i + 1`).
  private let offsets: [Int]
  /// For byte value `b`: the needles starting with it are `firstIndex[b]..<firstIndex[b + 1]`.
  private let firstIndex: [Int]

  init(_ words: [String]) {
    let sorted = words.map { Array($0.utf8) }.filter { !$0.isEmpty }.sorted { $0[0] < $1[0] }
    var bytes: [UInt8] = []
    var offsets: [Int] = []
    var firstIndex = [Int](repeating: sorted.count, count: 257)
    for (index, word) in sorted.enumerated() {
      offsets.append(bytes.count)
      bytes += word
      if firstIndex[Int(word[0])] == sorted.count { firstIndex[Int(word[0])] = index }
    }
    offsets.append(bytes.count)
    // Bytes no needle starts with point at the next byte's first needle: empty ranges.
    for value in stride(from: 255, through: 0, by: -1) where firstIndex[value] == sorted.count {
      firstIndex[value] = firstIndex[value + 1]
    }
    self.bytes = bytes
    self.offsets = offsets
    self.firstIndex = firstIndex
  }

  func occurs(inLowercased haystack: UnsafeBufferPointer<UInt8>) -> Bool {
    @inline(__always) func lower(_ byte: UInt8) -> UInt8 {
      byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }
    return bytes.withUnsafeBufferPointer { needles in
      offsets.withUnsafeBufferPointer { offsets in
        firstIndex.withUnsafeBufferPointer { firstIndex in
          for position in 0..<haystack.count {
            let first = Int(lower(haystack[position]))
            var needle = firstIndex[first]
            let end = firstIndex[first + 1]
            while needle < end {
              let start = offsets[needle]
              let length = offsets[needle + 1] - start
              if position + length <= haystack.count {
                var offset = 1
                while offset < length
                  && lower(haystack[position + offset]) == needles[start + offset]
                {
                  offset += 1
                }
                if offset == length { return true }
              }
              needle += 1
            }
          }
          return false
        }
      }
    }
  }
}

/// Text measures over a subtree, kept on each node (`HTMLNode.measures`) until an edit
/// below it: the extractor asks for lengths and link densities thousands of times per
/// page, of nested nodes, and each answer is built from the children's in one step.
struct NodeMeasures {
  /// The collapsed text, as `TextRun`.
  var run: TextRun
  /// The UTF-16 length of the text inside `<a>` elements below, in-page (`#`) links
  /// weighed 0.3 (nested links count once per link, as Readability counts them).
  var linkLength: Double
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
    var pendingSpace = false
    for scalar in text.unicodeScalars {
      if TextMeasure.isSpace(scalar) {
        if hasContent { pendingSpace = true } else { leadingSpace = true }
      } else {
        if pendingSpace { length += 1 }
        pendingSpace = false
        hasContent = true
        length += scalar.value > 0xFFFF ? 2 : 1
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
    case .text: made.run = TextRun(text)
    case .comment: break
    case .element, .document:
      for child in children {
        let inner = child.textMeasures
        made.run = made.run.joined(inner.run)
        made.linkLength += inner.linkLength
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
  /// only ASCII ones), counting stops at `limit`.
  func commaCount(upTo limit: Int = .max, asciiOnly: Bool = false) -> Int {
    var count = 0
    forEachText { text in
      if asciiOnly || !text.utf8.contains(where: { $0 >= 0x80 }) {
        for byte in text.utf8 where byte == UInt8(ascii: ",") { count += 1 }
      } else {
        for scalar in text.unicodeScalars where ReadabilityPatterns.commas.contains(scalar) {
          count += 1
        }
      }
      return count < limit
    }
    return count
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
  @inline(__always)
  static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    if value < 0x80 { return value == 0x20 || (0x09...0x0D).contains(value) }
    return scalar.properties.isWhitespace || value == 0xFEFF
  }
}

/// Substring search on UTF-8 bytes, for the class/id vocabularies: much faster than
/// Foundation's `String.contains` on Linux, and enough for ASCII patterns.
struct ByteNeedle: Sendable {
  let bytes: [UInt8]

  init(_ pattern: String) { bytes = Array(pattern.utf8) }

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

/// Text measures over a subtree that do not build its text: the extractor asks for
/// lengths thousands of times per page, so these walk the text nodes in place.
extension HTMLNode {
  /// The UTF-16 length of `innerText` (the unit Readability's thresholds are in).
  var innerTextLength: Int {
    var length = 0
    var pendingSpace = false
    var started = false
    forEachText { text in
      for scalar in text.unicodeScalars {
        if TextMeasure.isSpace(scalar) {
          pendingSpace = started
        } else {
          if pendingSpace { length += 1 }
          pendingSpace = false
          started = true
          length += scalar.value > 0xFFFF ? 2 : 1
        }
      }
      return true
    }
    return length
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

  /// Whether any text below is more than whitespace; stops at the first that is.
  var hasVisibleText: Bool {
    var found = false
    forEachText { text in
      found = text.unicodeScalars.contains { !TextMeasure.isSpace($0) }
      return !found
    }
    return found
  }

  /// Calls `body` with each text node's text in document order while it returns true.
  func forEachText(_ body: (String) -> Bool) {
    if kind == .text {
      _ = body(text)
      return
    }
    var stack: [HTMLNode] = children.reversed()
    while let node = stack.popLast() {
      switch node.kind {
      case .text: if !body(node.text) { return }
      case .element, .document: stack.append(contentsOf: node.children.reversed())
      case .comment: break
      }
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

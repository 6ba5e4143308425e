import Foundation

/// A page with the contents of its `<script>` and `<style>` elements cut out, for libxml2
/// to parse quicker: about half the bytes of a news page are scripts and styles, which
/// libxml2's HTML parser reads a character at a time. `SAXTreeBuilder` puts each content
/// back as the element's text when libxml2 reports the element, so the tree is the one the
/// whole page gives. Attributes with quoted values (class lists, URLs, `data-` JSON, SVG
/// paths: half of what is left) are cut out whole the same way, name and value, and put
/// back in their places when libxml2 reports their element: libxml2 spends more on
/// reading an attribute, however short, than the builder on putting it back.
///
/// The cut follows how libxml2 2.9 tokenises: comments, doctypes, processing
/// instructions, end tags and start tags with their quoted attribute values, and a script's
/// or style's content running to the first `</script` or `</style` in any case. Where the
/// page asks for more than that (a content that starts with a tag, a `</scripts>`, a start
/// tag cut off at the end), there is no cut. The builder checks that libxml2 reports every
/// script and style at the place the cut expects; on any difference the page is parsed whole.
struct RawTextCut {
  /// A script or style element, in document order.
  struct Element {
    /// The offset in `page` where libxml2 stands when it reports the element: its start
    /// tag's `>`, or the `/` of `/>`.
    var tagEnd: Int
    /// Its content in the original bytes, cut out of `page`; nil when left in place (it
    /// has characters libxml2 leaves out, or the tag closes itself).
    var content: Range<Int>?
  }

  /// An attribute with a quoted value cut out of a start tag, in document order.
  struct Value {
    /// The offset in `page` where libxml2 reports the element (as `Element.tagEnd`).
    var tagEnd: Int
    /// How many attributes libxml2 would give the element uncut, and this one's place
    /// among them.
    var attributeCount: Int
    var ordinal: Int
    /// The attribute's name as written, and the value, in the original bytes.
    var name: Range<Int>
    var content: Range<Int>
  }

  var elements: [Element]
  var values: [Value]
  /// The page without the contents.
  var page: [UInt8]

  /// Below this many bytes of contents, the page is parsed as it is.
  static let minimumCut = 1024
  /// Attribute values shorter than this stay in place.
  static let minimumValue = 1

  /// An ASCII capital as its small letter; any other byte as it is.
  @inline(__always)
  static func lowercased(_ byte: UInt8) -> UInt8 {
    byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
  }

  /// The cut of a page of UTF-8 bytes; nil when it would not pay or not be safe.
  static func make(_ bytes: UnsafeBufferPointer<UInt8>) -> RawTextCut? {
    var scanner = Scanner(bytes)
    return scanner.run()
  }

  private struct Scanner {
    let bytes: UnsafeBufferPointer<UInt8>
    let count: Int
    var elements: [Element] = []
    var values: [Value] = []
    /// The attributes of the start tag being read: name, and quoted value if any.
    var attributes: [(name: Range<Int>, value: Range<Int>?)] = []
    /// The page so far, and the original bytes it has taken in (or cut).
    var page: [UInt8] = []
    var taken = 0
    var cut = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
      self.bytes = bytes
      count = bytes.count
    }

    mutating func run() -> RawTextCut? {
      guard let base = bytes.baseAddress, count > 0,
        // libxml2 skips a byte-order mark, which would shift every offset; and it reads a
        // NUL byte as the end of a token.
        !(count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF),
        memchr(base, 0, count) == nil
      else { return nil }
      var index = 0
      while let open = find(UInt8(ascii: "<"), from: index) {
        let next = byte(open + 1)
        if next == UInt8(ascii: "/") {
          // An end tag runs to the next `>`; `</` without a name is text.
          guard Self.isNameStart(byte(open + 2)) else {
            index = open + 2
            continue
          }
          guard let close = find(UInt8(ascii: ">"), from: open + 2) else { break }
          index = close + 1
        } else if next == UInt8(ascii: "!") {
          if byte(open + 2) == UInt8(ascii: "-") && byte(open + 3) == UInt8(ascii: "-") {
            guard let end = commentEnd(from: open + 4) else { return nil }
            index = end + 1
          } else if matchesLowercased("doctype", at: open + 2) {
            guard let end = doctypeEnd(from: open + 9) else { return nil }
            index = end + 1
          } else {
            index = open + 1
          }
        } else if next == UInt8(ascii: "?") {
          let first = byte(open + 2)
          if Self.isLetter(first) || first == UInt8(ascii: "_") || first == UInt8(ascii: ":") {
            guard let close = find(UInt8(ascii: ">"), from: open + 2) else { return nil }
            index = close + 1
          } else if first >= 0x80 {
            return nil
          } else {
            index = open + 2
          }
        } else if Self.isLetter(next) {
          guard let end = startTag(at: open) else { return nil }
          index = end
        } else {
          index = open + 1
        }
      }
      guard cut >= RawTextCut.minimumCut else { return nil }
      page.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[taken...]))
      return RawTextCut(elements: elements, values: values, page: page)
    }

    /// Reads the start tag at `open`; where to go on, nil to give up the cut.
    private mutating func startTag(at open: Int) -> Int? {
      var position = open + 1
      while position < count && Self.isNameByte(bytes[position]) { position += 1 }
      let name = (open + 1)..<position
      let raw: String? =
        name.count == 6 && matchesLowercased("script", at: name.lowerBound)
        ? "</script"
        : name.count == 5 && matchesLowercased("style", at: name.lowerBound) ? "</style" : nil
      guard let (end, closes) = tagEnd(from: position) else {
        // Cut off by the end of the page: nothing follows.
        return raw == nil ? count : nil
      }
      cutValues(of: name, end: end)
      guard let raw else { return end + (closes ? 2 : 1) }
      if closes {
        elements.append(Element(tagEnd: offsetInPage(end), content: nil))
        return end + 2
      }
      let start = end + 1
      guard let stop = findLowercased(raw, from: start),
        !Self.isNameByte(byte(stop + raw.utf8.count))
      else { return nil }
      // A content that opens with an end tag, or with a `<body>` or `<frameset>` (which
      // close a script or style), is not read as text by libxml2.
      if stop > start && bytes[start] == UInt8(ascii: "<") {
        let after = byte(start + 1)
        if after == UInt8(ascii: "/") || matchesLowercased("<body", at: start)
          || matchesLowercased("<frameset", at: start)
        {
          return nil
        }
      }
      let content = start..<stop
      if content.isEmpty || !isPlainText(content) {
        elements.append(Element(tagEnd: offsetInPage(end), content: nil))
        return stop
      }
      page.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[taken..<start]))
      taken = stop
      cut += content.count
      elements.append(Element(tagEnd: page.count - 1, content: content))
      return stop
    }

    /// Cuts the attributes with quoted values of the start tag named `name` that ends at `end`, whose
    /// attributes `tagEnd` has just read. Not in `html`, `head`, `body` (libxml2 may drop
    /// such a tag, or merge it) nor `meta` (it reads a charset from them), nor where two
    /// attributes share a name (libxml2 drops the second) or a name is past the 100
    /// characters libxml2 reads of one. A value is cut only when libxml2 would give its
    /// bytes unchanged: no `&`, nothing `isPlainText` refuses.
    private mutating func cutValues(of name: Range<Int>, end: Int) {
      guard
        attributes.contains(where: {
          $0.value.map { $0.count >= RawTextCut.minimumValue } ?? false
        }),
        !["html", "head", "body", "meta"].contains(where: {
          name.count == $0.utf8.count && matchesLowercased($0, at: name.lowerBound)
        })
      else { return }
      for (index, attribute) in attributes.enumerated() {
        guard attribute.name.count < 100 else { return }
        for other in attributes[..<index] where other.name.count == attribute.name.count {
          if (0..<other.name.count).allSatisfy({
            RawTextCut.lowercased(bytes[other.name.lowerBound + $0])
              == RawTextCut.lowercased(bytes[attribute.name.lowerBound + $0])
          }) {
            return
          }
        }
      }
      // The tag's end in the page is known once all its values are cut: the values go
      // straight into `values` and are given it after.
      let first = values.count
      for (ordinal, attribute) in attributes.enumerated() {
        guard let value = attribute.value, value.count >= RawTextCut.minimumValue,
          memchr(bytes.baseAddress! + value.lowerBound, Int32(UInt8(ascii: "&")), value.count)
            == nil,
          isPlainText(value)
        else { continue }
        // From the name to the closing quote; the blanks around stay.
        page.append(
          contentsOf: UnsafeBufferPointer(rebasing: bytes[taken..<attribute.name.lowerBound]))
        taken = value.upperBound + 1
        cut += taken - attribute.name.lowerBound
        values.append(
          Value(
            tagEnd: 0, attributeCount: attributes.count, ordinal: ordinal,
            name: attribute.name, content: value))
      }
      let tagEnd = offsetInPage(end)
      for index in first..<values.count { values[index].tagEnd = tagEnd }
    }

    /// Where the attributes of a start tag end, as libxml2's `htmlParseStartTag` reads
    /// them: the `>`, or the `/` of `/>` (then true); nil at the end of the page. The
    /// attributes go to `attributes`.
    private mutating func tagEnd(from start: Int) -> (Int, Bool)? {
      attributes.removeAll(keepingCapacity: true)
      var position = start
      while true {
        while position < count && Self.isBlank(bytes[position]) { position += 1 }
        guard position < count else { return nil }
        let current = bytes[position]
        if current == UInt8(ascii: ">") { return (position, false) }
        if current == UInt8(ascii: "/") && byte(position + 1) == UInt8(ascii: ">") {
          return (position, true)
        }
        guard Self.isNameStart(current) else {
          // A bogus attribute is skipped up to a blank or the end of the tag.
          while position < count, !Self.isBlank(bytes[position]),
            bytes[position] != UInt8(ascii: ">"),
            !(bytes[position] == UInt8(ascii: "/") && byte(position + 1) == UInt8(ascii: ">"))
          {
            position += 1
          }
          continue
        }
        let nameStart = position
        while position < count && Self.isNameByte(bytes[position]) { position += 1 }
        let name = nameStart..<position
        while position < count && Self.isBlank(bytes[position]) { position += 1 }
        guard byte(position) == UInt8(ascii: "=") else {
          attributes.append((name, nil))
          continue
        }
        position += 1
        while position < count && Self.isBlank(bytes[position]) { position += 1 }
        let quote = byte(position)
        if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
          guard let close = find(quote, from: position + 1) else { return nil }
          attributes.append((name, (position + 1)..<close))
          position = close + 1
        } else {
          attributes.append((name, nil))
          while position < count, !Self.isBlank(bytes[position]),
            bytes[position] != UInt8(ascii: ">")
          {
            position += 1
          }
        }
      }
    }

    /// The `>` ending a comment whose text starts at `start`: the first `-->` or `--!>`
    /// (libxml2 2.9.14 ends no comment at `<!-->` or `<!--->`).
    private func commentEnd(from start: Int) -> Int? {
      var position = start
      while let dashes = find("--", from: position) {
        if byte(dashes + 2) == UInt8(ascii: ">") { return dashes + 2 }
        if byte(dashes + 2) == UInt8(ascii: "!") && byte(dashes + 3) == UInt8(ascii: ">") {
          return dashes + 3
        }
        position = dashes + 1
      }
      return nil
    }

    /// The `>` ending a doctype: the first one after an even number of each quote (none
    /// inside a quoted identifier); nil when that is not clear.
    private func doctypeEnd(from start: Int) -> Int? {
      guard let close = find(UInt8(ascii: ">"), from: start) else { return nil }
      var double = 0
      var single = 0
      for byte in bytes[start..<close] {
        if byte == UInt8(ascii: "\"") { double += 1 }
        if byte == UInt8(ascii: "'") { single += 1 }
      }
      return double % 2 == 0 && single % 2 == 0 ? close : nil
    }

    /// Whether libxml2 keeps every character of the range as it is: no control characters
    /// but tab, line feed and carriage return, and no U+FFFE or U+FFFF.
    private func isPlainText(_ range: Range<Int>) -> Bool {
      guard let base = bytes.baseAddress else { return true }
      var index = range.lowerBound
      // Eight bytes at a time: only a word with a byte below 0x20 or an 0xEF (found with
      // the usual has-zero-byte arithmetic, which can flag but never miss) is looked into.
      while index + 8 <= range.upperBound {
        let word = UInt64(
          littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
        let below = (word &- 0x2020_2020_2020_2020) & ~word
        let marked = word ^ 0xEFEF_EFEF_EFEF_EFEF
        let lead = (marked &- 0x0101_0101_0101_0101) & ~marked
        if (below | lead) & 0x8080_8080_8080_8080 != 0 {
          for offset in index..<index + 8 where !isPlainByte(at: offset) { return false }
        }
        index += 8
      }
      for offset in index..<range.upperBound where !isPlainByte(at: offset) { return false }
      return true
    }

    @inline(__always)
    private func isPlainByte(at index: Int) -> Bool {
      let byte = bytes[index]
      if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D { return false }
      return !(byte == 0xEF && self.byte(index + 1) == 0xBF && self.byte(index + 2) >= 0xBE)
    }

    /// Where the original offset `index` lands in the page, for bytes not yet taken in.
    private func offsetInPage(_ index: Int) -> Int { index - cut }

    @inline(__always)
    private func byte(_ index: Int) -> UInt8 { index < count ? bytes[index] : 0 }

    private func find(_ byte: UInt8, from start: Int) -> Int? {
      guard start < count, let base = bytes.baseAddress,
        let found = memchr(base + start, Int32(byte), count - start)
      else { return nil }
      return UnsafeRawPointer(found) - UnsafeRawPointer(base)
    }

    private func find(_ needle: String, from start: Int) -> Int? {
      let needle = Array(needle.utf8)
      var position = start
      while let first = find(needle[0], from: position) {
        guard first + needle.count <= count else { return nil }
        if needle.indices.allSatisfy({ bytes[first + $0] == needle[$0] }) { return first }
        position = first + 1
      }
      return nil
    }

    /// The first `needle` (`<` and lower-case ASCII) from `start`, in any case.
    private func findLowercased(_ needle: String, from start: Int) -> Int? {
      var position = start
      while let first = find(UInt8(ascii: "<"), from: position) {
        if matchesLowercased(needle, at: first) { return first }
        position = first + 1
      }
      return nil
    }

    private func matchesLowercased(_ word: String, at start: Int) -> Bool {
      var index = start
      for expected in word.utf8 {
        guard index < count else { return false }
        let byte = bytes[index]
        let lower = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
        if lower != expected { return false }
        index += 1
      }
      return true
    }

    @inline(__always)
    static func isLetter(_ byte: UInt8) -> Bool {
      let lower = byte | 0x20
      return lower >= 0x61 && lower <= 0x7A
    }

    /// A first character of libxml2's HTML names.
    @inline(__always)
    static func isNameStart(_ byte: UInt8) -> Bool {
      isLetter(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ":")
        || byte == UInt8(ascii: ".")
    }

    @inline(__always)
    static func isNameByte(_ byte: UInt8) -> Bool {
      isNameStart(byte) || (byte >= 0x30 && byte <= 0x39) || byte == UInt8(ascii: "-")
    }

    @inline(__always)
    static func isBlank(_ byte: UInt8) -> Bool {
      byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }
  }
}

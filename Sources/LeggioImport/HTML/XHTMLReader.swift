import CLibXML2
import Foundation
import Synchronization

/// Reads a chapter that is well-formed XHTML with libxml2's XML parser, about twice as
/// fast as its HTML parser, into the `SAXTreeBuilder` the HTML parser feeds, giving the
/// tree the HTML parser would give; it gives up (nil) wherever the two could part, and
/// the caller reads the whole chapter as HTML (`HTMLParser.parseChapter`).
///
/// It gives up on anything the XML parser reports (HTML served as XHTML, a stray `&`,
/// an entity XHTML does not know) and where the HTML parser would read the same bytes
/// otherwise: a root that is not `<html>`, an element HTML closes or moves
/// (`HTMLNesting`), text in a void element or non-blank text in `<head>`, an HTML entity
/// or a line break inside an attribute value (XML reads a tab or line break there as a
/// space), a script or style holding `<` or `&`, a CDATA section, a carriage return, any
/// DTD declaration, a name HTML would read differently (upper case, non-ASCII).
///
/// Safe as every XML reading of Leggio is (`XMLReadingPolicy`): no network, no DTD
/// loaded, no entity but XML's five and HTML's named characters (`XHTMLEntities`), never
/// an external one; libxml2's own limits stand (no `HUGE`: a deeper or larger chapter
/// goes to the HTML parser).
final class XHTMLReader {
  static let options = Int32(
    bitPattern: XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue
      | XML_PARSE_NOWARNING.rawValue | XML_PARSE_IGNORE_ENC.rawValue
      | XML_PARSE_COMPACT.rawValue)

  /// The tree of `text`, or nil when the HTML parser is to read it.
  static func read(_ text: String) -> HTMLNode? {
    var text = text
    return text.withUTF8 { read(utf8: $0) }
  }

  /// `read` of UTF-8 bytes.
  static func read(utf8 bytes: UnsafeBufferPointer<UInt8>) -> HTMLNode? {
    // XML reads CR LF as LF where the HTML parser keeps both.
    guard let base = bytes.baseAddress, !bytes.isEmpty,
      memchr(base, 0x0D, bytes.count) == nil
    else { return nil }
    XMLReadingPolicy.prepare()
    let context = base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
      xmlCreateMemoryParserCtxt($0, Int32(clamping: bytes.count))
    }
    guard let context else { return nil }
    defer { xmlFreeParserCtxt(context) }
    xmlCtxtUseOptions(context, options)
    let reader = XHTMLReader(bytes: bytes, context: context)
    context.pointee.sax.pointee = handler
    // The builder's callbacks find it in `_private`; ours find the reader in `userData`.
    context.pointee._private = Unmanaged.passUnretained(reader.builder).toOpaque()
    context.pointee.userData = Unmanaged.passUnretained(reader).toOpaque()
    withExtendedLifetime(reader) { _ = xmlParseDocument(context) }
    if let doc = context.pointee.myDoc {
      xmlFreeDoc(doc)
      context.pointee.myDoc = nil
    }
    guard !reader.refused, context.pointee.wellFormed == 1, reader.sawRoot else { return nil }
    reader.builder.finish()
    return reader.builder.root
  }

  let builder = SAXTreeBuilder()
  private let bytes: UnsafeBufferPointer<UInt8>
  private let context: xmlParserCtxtPtr
  private var refused = false
  private var sawRoot = false
  /// Whether the root `<html>` has had an element child: a `<head>` after it is not kept.
  private var htmlHasElement = false
  /// Where the content of the open script or style starts in `bytes`.
  private var rawTextStart: Int?
  private var names = PointerMemo<ElementName>()
  private var nesting: [NamePair: Bool] = [:]
  private var recentPairs = [NamePair?](repeating: nil, count: 64)
  private var recentKept = [Bool](repeating: false, count: 64)
  /// The HTML builder's handler, whose callbacks ours pass each event on to.
  private let html = SAXTreeBuilder.handler

  private init(bytes: UnsafeBufferPointer<UInt8>, context: xmlParserCtxtPtr) {
    self.bytes = bytes
    self.context = context
  }

  /// What the reader needs to know of an element name, worked out once per name.
  /// Plain values only, no string: it is fetched for every event, and a string's
  /// reference count went up and down each time.
  private struct ElementName: Sendable {
    /// Lower-case ASCII letters, digits, `:`, `-`, `_`, `.`, led by a letter: as the
    /// HTML parser reads it.
    var readable: Bool
    var isRawText: Bool
    var isVoid: Bool
    /// Where the HTML parser puts blank text in it, and other text.
    var blankFate: HTMLNesting.TextFate
    var textFate: HTMLNesting.TextFate
    /// Which of `html`, `head` and `body` it is, compared without comparing strings.
    var skeleton = Skeleton.other
  }

  private enum Skeleton: Sendable {
    case html, head, body, other
  }

  private struct NamePair: Hashable {
    var parent: UnsafePointer<xmlChar>
    var child: UnsafePointer<xmlChar>
  }

  private func info(_ pointer: UnsafePointer<xmlChar>) -> ElementName {
    names.value(for: pointer) { Self.describe(String(cString: $0)) }
  }

  /// Names described so far: the same few dozen in every chapter of a book.
  private static let described = Mutex<[String: ElementName]>([:])

  private static func describe(_ name: String) -> ElementName {
    if let known = described.withLock({ $0[name] }) { return known }
    let readable =
      name.utf8.first.map { $0 >= 0x61 && $0 <= 0x7A } == true
      && name.utf8.allSatisfy { byte in
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
          || byte == UInt8(ascii: ":") || byte == UInt8(ascii: "-")
          || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
      }
    var info =
      readable
      ? ElementName(
        readable: true, isRawText: name == "script" || name == "style",
        isVoid: htmlTagLookup(name).map { $0.pointee.empty != 0 } ?? false,
        blankFate: HTMLNesting.fate(ofText: true, in: name),
        textFate: HTMLNesting.fate(ofText: false, in: name))
      : ElementName(
        readable: false, isRawText: false, isVoid: false, blankFate: .moved,
        textFate: .moved)
    switch name {
    case "html": info.skeleton = .html
    case "head": info.skeleton = .head
    case "body": info.skeleton = .body
    default: break
    }
    described.withLock { $0[name] = info }
    return info
  }

  /// Stops the parser: the HTML parser is to read the chapter.
  private func refuse() {
    refused = true
    xmlStopParser(context)
  }

  /// Where the parser stands in `bytes`.
  private var offset: Int {
    guard let input = context.pointee.input, let cursor = input.pointee.cur,
      let base = input.pointee.base
    else { return -1 }
    return Int(input.pointee.consumed) + (cursor - base)
  }

  // MARK: Checks

  /// Whether the HTML parser keeps element `name` where the XML parser opens it.
  private func acceptsElement(_ name: UnsafePointer<xmlChar>) -> Bool {
    let child = info(name)
    guard child.readable, rawTextStart == nil else { return false }
    guard let parentPointer = context.pointee.name else {
      sawRoot = true
      return child.skeleton == .html
    }
    let parent = info(parentPointer)
    if parent.skeleton == .html && context.pointee.nameNr == 1 {
      defer { htmlHasElement = true }
      return child.skeleton == .body || (child.skeleton == .head && !htmlHasElement)
    }
    if child.skeleton != .other { return false }
    let pair = NamePair(parent: parentPointer, child: name)
    // A direct-mapped table of recent pairs before the dictionary: hashing the pair
    // for every element was a third of this check.
    let mixed =
      (UInt(bitPattern: parentPointer) &* 0x9E37_79B9_7F4A_7C15)
      ^ (UInt(bitPattern: name) &* 0xC2B2_AE3D_27D4_EB4F)
    let slot = Int(truncatingIfNeeded: mixed >> 58)
    if recentPairs[slot] == pair { return recentKept[slot] }
    let kept: Bool
    if let known = nesting[pair] {
      kept = known
    } else {
      kept = HTMLNesting.keeps(
        element: String(cString: name), in: String(cString: parentPointer))
      nesting[pair] = kept
    }
    recentPairs[slot] = pair
    recentKept[slot] = kept
    return kept
  }

  /// Where the HTML parser puts this text: `.kept` where the XML parser reports it.
  private func fate(ofText text: UnsafePointer<xmlChar>, _ count: Int) -> HTMLNesting.TextFate {
    // Text outside any element: the builder leaves it out as the HTML parser does.
    guard let parentPointer = context.pointee.name else { return .kept }
    let parent = info(parentPointer)
    if parent.textFate == .kept && parent.blankFate == .kept { return .kept }
    for index in 0..<count {
      let byte = text[index]
      if byte != 0x20 && byte != 0x0A && byte != 0x09 { return parent.textFate }
    }
    return parent.blankFate
  }

  /// Whether a comment or processing instruction stays inside the open element.
  private var acceptsMarkup: Bool {
    guard let parentPointer = context.pointee.name else { return true }
    let parent = info(parentPointer)
    return parent.readable && !parent.isVoid && !parent.isRawText
  }

  /// Whether the start tag just read (the parser stands on its `>` or `/>`) has a tab or
  /// line break inside a quoted value, which XML reads as a space and HTML keeps.
  private func startTagHasBreakInValue() -> Bool {
    var index = min(offset, bytes.count) - 1
    var quote: UInt8?
    while index >= 0 {
      let byte = bytes[index]
      if let open = quote {
        if byte == open {
          quote = nil
        } else if byte == 0x0A || byte == 0x09 {
          return true
        }
      } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
        quote = byte
      } else if byte == UInt8(ascii: "<") {
        return false
      }
      index -= 1
    }
    return false
  }

  /// Whether the script or style just closed (the parser stands after its end tag) held
  /// only text the HTML parser reads the same: no `<` (markup, CDATA) and no `&`.
  private func rawTextIsPlain() -> Bool {
    guard let start = rawTextStart else { return true }
    rawTextStart = nil
    let end = min(offset, bytes.count)
    guard start < end, let base = bytes.baseAddress else { return true }
    // The content runs to the end tag's "<".
    var close = end - 1
    while close > start && bytes[close] != UInt8(ascii: "<") { close -= 1 }
    let length = close - start
    return memchr(base + start, Int32(UInt8(ascii: "<")), length) == nil
      && memchr(base + start, Int32(UInt8(ascii: "&")), length) == nil
  }

  // MARK: The handler

  @inline(__always)
  private static func reader(_ context: UnsafeMutableRawPointer?) -> XHTMLReader {
    Unmanaged<XHTMLReader>.fromOpaque(context!).takeUnretainedValue()
  }

  /// SAX1 events (`initialized` is not the SAX2 magic), so names come as written with
  /// their prefix and `xmlns` declarations as attributes, as the HTML parser gives them.
  static var handler: xmlSAXHandler {
    var handler = xmlSAXHandler()
    handler.initialized = 1
    handler.internalSubset = { context, name, external, system in
      let reader = XHTMLReader.reader(context)
      // The parser stands on "[" when a declared subset follows.
      if let cursor = reader.context.pointee.input?.pointee.cur, cursor[0] == UInt8(ascii: "[") {
        reader.refuse()
        return
      }
      reader.html.internalSubset?(reader.context, name, external, system)
    }
    handler.startElement = { context, name, attributes in
      guard let name else { return }
      let reader = XHTMLReader.reader(context)
      guard reader.acceptsElement(name),
        attributes == nil || !reader.startTagHasBreakInValue()
      else {
        reader.refuse()
        return
      }
      if reader.info(name).isRawText {
        let start = reader.offset
        // `<script/>`: no content.
        reader.rawTextStart =
          start >= 0 && start < reader.bytes.count && reader.bytes[start] == UInt8(ascii: ">")
          ? start + 1 : nil
      }
      // The HTML parser counts an element open when it reports it, the XML parser after.
      let parser = reader.context
      parser.pointee.nameNr += 1
      reader.html.startElement?(parser, name, attributes)
      parser.pointee.nameNr -= 1
    }
    handler.endElement = { context, name in
      let reader = XHTMLReader.reader(context)
      guard reader.rawTextIsPlain() else {
        reader.refuse()
        return
      }
      reader.html.endElement?(reader.context, name)
    }
    handler.characters = { context, text, count in
      guard let text, count > 0 else { return }
      let reader = XHTMLReader.reader(context)
      switch reader.fate(ofText: text, Int(count)) {
      case .kept: reader.html.characters?(reader.context, text, count)
      case .dropped: break
      case .moved: reader.refuse()
      }
    }
    handler.ignorableWhitespace = handler.characters
    handler.cdataBlock = { context, _, _ in XHTMLReader.reader(context).refuse() }
    handler.comment = { context, value in
      let reader = XHTMLReader.reader(context)
      guard reader.acceptsMarkup else {
        reader.refuse()
        return
      }
      reader.html.comment?(reader.context, value)
    }
    handler.processingInstruction = { context, target, data in
      let reader = XHTMLReader.reader(context)
      guard reader.acceptsMarkup else {
        reader.refuse()
        return
      }
      reader.html.processingInstruction?(reader.context, target, data)
    }
    handler.getEntity = { context, name in
      let reader = XHTMLReader.reader(context)
      // In an attribute value the parser copies only an entity's first byte.
      guard let name, reader.context.pointee.instate != XML_PARSER_ATTRIBUTE_VALUE,
        let entity = XHTMLEntities.entity(named: name)
      else {
        reader.refuse()
        return nil
      }
      return entity
    }
    handler.getParameterEntity = { context, _ in
      XHTMLReader.reader(context).refuse()
      return nil
    }
    handler.entityDecl = { context, _, _, _, _, _ in XHTMLReader.reader(context).refuse() }
    handler.notationDecl = { context, _, _, _ in XHTMLReader.reader(context).refuse() }
    handler.attributeDecl = { context, _, _, _, _, _, tree in
      xmlFreeEnumeration(tree)
      XHTMLReader.reader(context).refuse()
    }
    handler.elementDecl = { context, _, _, _ in XHTMLReader.reader(context).refuse() }
    handler.unparsedEntityDecl = { context, _, _, _, _ in XHTMLReader.reader(context).refuse() }
    return handler
  }
}

extension HTMLParser {
  /// A book's content document: read as XML when it is well-formed XHTML the HTML
  /// parser would read the same (`XHTMLReader`), else as HTML. The tree is the HTML
  /// parser's either way.
  static func parseChapter(_ text: String) -> HTMLNode {
    XHTMLReader.read(text) ?? parse(text)
  }
}

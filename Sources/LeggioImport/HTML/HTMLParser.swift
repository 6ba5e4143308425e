import CLibXML2
import Foundation

/// Parses HTML with libxml2's HTML parser into an `HTMLNode` tree.
///
/// The parser recovers from tag soup, never touches the network and never resolves
/// external entities (RECOVER | NOERROR | NOWARNING | NONET). HUGE lifts libxml2's own
/// depth limit of 256, past which it drops the rest of the page; the tree built here is
/// still capped at `maximumDepth`, deeper text flattened into the deepest kept element. The input is decoded
/// to UTF-8 by the caller, so the parser is told the encoding and ignores any
/// `<meta charset>` inside.
///
/// The tree is built from the parser's SAX events (`SAXTreeBuilder`), the shape libxml2's
/// own tree builder would give, without libxml2 building, and then freeing, a tree of its own.
public enum HTMLParser {
  /// The deepest element nesting kept; deeper subtrees are flattened into their parent,
  /// so a hostile page cannot exhaust the stack of a recursive walker.
  public static let maximumDepth = 256

  static let options = Int32(
    HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
      | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue | XML_PARSE_HUGE.rawValue)

  public static func parse(_ html: String) -> HTMLNode {
    var html = html
    return html.withUTF8 { parse(utf8: $0, builder: SAXTreeBuilder()) }
  }

  /// The tree and the index of the elements the web extractor asks for by name.
  static func parseIndexed(_ html: String) -> (root: HTMLNode, index: ParsedPageIndex) {
    var html = html
    return html.withUTF8 { parseIndexed(utf8: $0) }
  }

  /// `parseIndexed` of UTF-8 bytes (valid UTF-8, as `HTMLCharset.decodeToUTF8` gives).
  /// Scripts and styles are cut out for libxml2 and put back (`RawTextCut`) when that pays.
  static func parseIndexed(
    utf8 bytes: UnsafeBufferPointer<UInt8>
  ) -> (root: HTMLNode, index: ParsedPageIndex) {
    if let cut = RawTextCut.make(bytes), let parsed = parseIndexed(utf8: bytes, cut: cut) {
      return parsed
    }
    let builder = SAXTreeBuilder(indexing: true)
    let root = parse(utf8: bytes, builder: builder)
    return (root, builder.index ?? ParsedPageIndex())
  }

  /// `parseIndexed` of the page `cut` made of `bytes`; nil when libxml2 did not read the
  /// cut page as the cut expects (then the whole page is to be parsed).
  static func parseIndexed(
    utf8 bytes: UnsafeBufferPointer<UInt8>, cut: RawTextCut
  ) -> (root: HTMLNode, index: ParsedPageIndex)? {
    guard let contents = bytes.baseAddress else { return nil }
    let builder = SAXTreeBuilder(indexing: true)
    builder.expect(cut, contents: contents)
    let root = cut.page.withUnsafeBufferPointer { parse(utf8: $0, builder: builder) }
    guard builder.tookWholeCut else { return nil }
    return (root, builder.index ?? ParsedPageIndex())
  }

  /// Parses UTF-8 bytes (valid UTF-8, as a Swift string's are) with `builder`.
  private static func parse(
    utf8 bytes: UnsafeBufferPointer<UInt8>, builder: SAXTreeBuilder
  ) -> HTMLNode {
    guard let base = bytes.baseAddress, !bytes.isEmpty else { return builder.root }
    XMLReadingPolicy.prepare()
    // As `htmlReadMemory` does, with our handler in place of libxml2's tree builder.
    let context = base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
      xmlCreateMemoryParserCtxt($0, Int32(clamping: bytes.count))
    }
    guard let context else { return builder.root }
    defer { xmlFreeParserCtxt(context) }
    context.pointee.sax.pointee = SAXTreeBuilder.handler
    context.pointee._private = Unmanaged.passUnretained(builder).toOpaque()
    htmlCtxtUseOptions(context, options)
    context.pointee.html = 1
    if let utf8 = xmlFindCharEncodingHandler("UTF-8") {
      xmlSwitchToEncoding(context, utf8)
      // A named encoding makes the parser ignore the page's `<meta charset>`.
      if let old = context.pointee.input.pointee.encoding {
        leggio_xml_free(UnsafeMutableRawPointer(mutating: old))
      }
      context.pointee.input.pointee.encoding = UnsafePointer(xmlStrdup("UTF-8"))
    }
    withExtendedLifetime(builder) { _ = htmlParseDocument(context) }
    if let doc = context.pointee.myDoc {
      xmlFreeDoc(doc)
      context.pointee.myDoc = nil
    }
    builder.finish()
    return builder.root
  }

  /// Lower-cased tag and attribute names by libxml2's pointer: the parser keeps each name
  /// once in its dictionary, so a page's thousands of `div`s make one Swift string.
  struct NameTable {
    private var known = PointerMemo<String>()
    private var local = PointerMemo<String>()

    mutating func name(_ pointer: UnsafePointer<xmlChar>) -> String {
      known.value(for: pointer) { String(cString: $0).lowercased() }
    }

    /// An element's name as libxml2's tree builder keeps it: a prefix before the first
    /// colon is dropped (`g:plusone` is `plusone`), as `xmlSplitQName` splits it.
    mutating func elementName(_ pointer: UnsafePointer<xmlChar>) -> String {
      local.value(for: pointer) {
        let name = String(cString: $0).lowercased()
        guard let colon = name.utf8.firstIndex(of: UInt8(ascii: ":")),
          colon != name.utf8.startIndex, name.utf8.index(after: colon) != name.utf8.endIndex
        else { return name }
        return String(name[name.utf8.index(after: colon)...])
      }
    }
  }
}

import CLibXML2
import Foundation

/// Builds an `HTMLNode` tree from libxml2's HTML parser events, node for node the tree
/// libxml2's own builder (`xmlSAX2StartElement` and friends) makes, then copied:
///
/// - text arriving in pieces joins into one node until an element, comment or
///   processing instruction starts or ends (`<script>`/`<style>` contents, given as CDATA
///   blocks, too); text with no open element is dropped;
/// - an element's name loses any prefix (`g:plusone` is `plusone`);
/// - a bare boolean attribute (`<input disabled>`) takes its own name as its value;
/// - an element with nothing open goes to the document if it is the first thing there or
///   the document starts with a doctype or comment, and otherwise into the first element;
/// - when the parser gives up an element without an end event (a start tag cut off by a
///   bad character), the open elements follow the parser's name stack;
/// - elements deeper than `HTMLParser.maximumDepth` are not kept: each piece of text below
///   them becomes a node of the deepest kept element, script and style text left out.
final class SAXTreeBuilder {
  let root = HTMLNode(kind: .document)

  /// An element the parser has open.
  private struct Frame {
    /// The element made for it; nil when it lies too deep to keep.
    var node: HTMLNode?
    /// Where its children go: the node, or the deepest kept ancestor.
    var target: HTMLNode
    var depth: Int
    /// A flattened script or style, or inside one: its text is left out.
    var skipsText: Bool
    /// Tells frames apart, for text that may only join text of the same element.
    var serial: Int
  }

  private var frames: [Frame] = []
  private var serials = 0
  private var names = HTMLParser.NameTable()
  /// Text not yet made into a node, the frame it belongs to and the node it goes to.
  private var text: [UInt8] = []
  private var textOwner = -1
  private var textTarget: HTMLNode?
  /// What libxml2's document holds so far: anything (a doctype counts), and whether its
  /// first child is an element, which then takes in any later top-level element.
  private var documentHasChildren = false
  /// The elements and comments gathered for the extractor, when asked for.
  private(set) var index: ParsedPageIndex?
  /// Each name's slot in the index (-1: not gathered), by libxml2's name pointer.
  private var slots = PointerMemo<Int>()
  private var firstElement: HTMLNode?
  private var sawDoctype = false
  /// The scripts and styles cut out of the page being parsed (`RawTextCut`), the bytes
  /// their contents are in, and the next one libxml2 should report.
  private var cutElements: [RawTextCut.Element]?
  private var cutContents: UnsafePointer<UInt8>?
  private var nextCut = 0
  private var cutMissed = false
  /// The attribute values cut out of the page, and the next one libxml2 should report.
  private var cutValues: [RawTextCut.Value] = []
  private var nextValue = 0

  init(indexing: Bool = false) {
    text.reserveCapacity(4096)
    if indexing { index = ParsedPageIndex() }
  }

  /// Puts a new element in the index when its name is gathered.
  @inline(__always)
  private func indexElement(_ node: HTMLNode, _ namePointer: UnsafePointer<xmlChar>) {
    guard index != nil else { return }
    let slot = slots.value(for: namePointer) { _ in ParsedPageIndex.slot(of: node.name) ?? -1 }
    if slot >= 0 { index!.add(node, slot: slot) }
  }

  func finish() { flushText() }

  /// Parses a page cut by `cut`, whose contents are in `contents` (the whole page's bytes).
  func expect(_ cut: RawTextCut, contents: UnsafePointer<UInt8>) {
    cutElements = cut.elements
    cutValues = cut.values
    cutContents = contents
  }

  /// Whether an attribute value cut out of the page is still to come.
  var awaitsValue: Bool { nextValue < cutValues.count }

  /// Whether libxml2 reported every cut element where the cut expected it: the tree is
  /// then the whole page's.
  var tookWholeCut: Bool {
    guard let cutElements else { return false }
    return !cutMissed && nextCut == cutElements.count && nextValue == cutValues.count
  }

  /// The cut values of the element libxml2 reports at `offset` of the cut page (its
  /// `tagEnd`): none when the next one stands further on; before it, the cut is missed.
  private func cutValues(at offset: Int) -> Range<Int> {
    guard nextValue < cutValues.count, cutValues[nextValue].tagEnd <= offset else {
      return nextValue..<nextValue
    }
    guard cutValues[nextValue].tagEnd == offset else {
      cutMissed = true
      return nextValue..<nextValue
    }
    let first = nextValue
    while nextValue < cutValues.count && cutValues[nextValue].tagEnd == offset { nextValue += 1 }
    return first..<nextValue
  }

  /// A cut attribute's name as libxml2 gives names: its ASCII capitals in small letters.
  private func cutName(_ value: RawTextCut.Value) -> String {
    guard let cutContents else { return "" }
    return String(unsafeUninitializedCapacity: value.name.count) { name in
      for (index, position) in value.name.enumerated() {
        name[index] = RawTextCut.lowercased(cutContents[position])
      }
      return value.name.count
    }
  }

  /// A script or style libxml2 reports, standing at `offset` of the cut page: its content
  /// comes back as its text; anywhere else, the cut is missed and parsing stops.
  private func cutElement(at offset: Int, open: Int) -> Bool {
    guard let cutElements, !cutMissed, nextCut < cutElements.count,
      cutElements[nextCut].tagEnd == offset
    else {
      cutMissed = true
      return false
    }
    if let content = cutElements[nextCut].content, let cutContents {
      characters(cutContents + content.lowerBound, content.count, open: open)
    }
    nextCut += 1
    return true
  }

  /// `script` or `style`, the elements whose content libxml2 reads as raw text.
  @inline(__always)
  private static func isRawTextName(_ name: UnsafePointer<xmlChar>) -> Bool {
    guard name[0] == UInt8(ascii: "s") else { return false }
    let text = UnsafeRawPointer(name).assumingMemoryBound(to: CChar.self)
    return strcmp(text, "script") == 0 || strcmp(text, "style") == 0
  }

  // MARK: Events

  private func startElement(
    _ namePointer: UnsafePointer<xmlChar>,
    _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?,
    open: Int, offset: Int?
  ) {
    followNameStack(open - 1)
    flushText()
    let cuts = offset.map { cutValues(at: $0) } ?? nextValue..<nextValue
    let name = names.elementName(namePointer)
    serials += 1
    if let parent = frames.last {
      let depth = parent.depth + 1
      guard parent.node != nil, depth < HTMLParser.maximumDepth else {
        let skips =
          (parent.node == nil && parent.skipsText) || name == "script" || name == "style"
        frames.append(
          Frame(node: nil, target: parent.target, depth: depth, skipsText: skips, serial: serials))
        return
      }
      let node = element(name, attributes, cuts: cuts)
      indexElement(node, namePointer)
      parent.target.append(node)
      frames.append(
        Frame(node: node, target: node, depth: depth, skipsText: false, serial: serials))
      return
    }
    let node = element(name, attributes, cuts: cuts)
    indexElement(node, namePointer)
    var depth = 0
    if !documentHasChildren {
      documentHasChildren = true
      firstElement = node
      root.append(node)
    } else if let first = firstElement {
      first.append(node)
      depth = 1
    } else {
      root.append(node)
    }
    frames.append(Frame(node: node, target: node, depth: depth, skipsText: false, serial: serials))
  }

  /// The element `name` with libxml2's attribute pairs and, in their places, the
  /// attributes in `cuts` (of `cutValues`) put back from the page; pairs that do not
  /// make up the rest mark the cut missed.
  private func element(
    _ name: String, _ pairs: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?,
    cuts: Range<Int>
  ) -> HTMLNode {
    var count = 0
    if let pairs { while pairs[2 * count] != nil { count += 1 } }
    if !cuts.isEmpty && count + cuts.count != cutValues[cuts.lowerBound].attributeCount {
      cutMissed = true
      return HTMLNode(element: name, attributes: [])
    }
    var attributes: [(name: String, value: String)] = []
    attributes.reserveCapacity(count + cuts.count)
    var nextCut = cuts.lowerBound
    var pair = 0
    while pair < count || nextCut < cuts.upperBound {
      if nextCut < cuts.upperBound && cutValues[nextCut].ordinal == attributes.count {
        let cut = cutValues[nextCut]
        nextCut += 1
        let value = String(
          decoding: UnsafeBufferPointer(
            start: cutContents! + cut.content.lowerBound, count: cut.content.count),
          as: UTF8.self)
        attributes.append((name: cutName(cut), value: value))
        continue
      }
      guard pair < count, let pairs, let attributeName = pairs[2 * pair] else {
        cutMissed = true
        break
      }
      // libxml2's builder gives a bare boolean attribute (`disabled`) its own name.
      let value =
        pairs[2 * pair + 1].map { String(cString: $0) }
        ?? (htmlIsBooleanAttr(attributeName) != 0 ? String(cString: attributeName) : "")
      attributes.append((name: names.name(attributeName), value: value))
      pair += 1
    }
    return HTMLNode(element: name, attributes: attributes)
  }

  private func endElement(open: Int) {
    followNameStack(open)
    flushText()
    _ = frames.popLast()
  }

  private func characters(_ bytes: UnsafePointer<xmlChar>, _ count: Int, open: Int) {
    followNameStack(open)
    guard let frame = frames.last, !frame.skipsText else { return }
    if textOwner != frame.serial {
      flushText()
      textOwner = frame.serial
      textTarget = frame.target
    }
    text.append(contentsOf: UnsafeBufferPointer(start: bytes, count: count))
  }

  private func comment(open: Int) {
    followNameStack(open)
    flushText()
    let parent: HTMLNode
    if let frame = frames.last {
      guard let node = frame.node else { return }
      parent = node
    } else {
      documentHasChildren = true
      parent = root
    }
    let comment = HTMLNode(kind: .comment)
    parent.append(comment)
    index?.addComment(comment)
  }

  /// A processing instruction: no node of ours, but one in libxml2's tree.
  private func processingInstruction(open: Int) {
    followNameStack(open)
    flushText()
    if frames.isEmpty { documentHasChildren = true }
  }

  /// The first doctype becomes the document's first child; later ones are ignored.
  private func doctype() {
    guard !sawDoctype else { return }
    sawDoctype = true
    documentHasChildren = true
    firstElement = nil
  }

  /// Drops the frames of elements the parser closed without an end event.
  @inline(__always)
  private func followNameStack(_ open: Int) {
    while frames.count > max(open, 0) { frames.removeLast() }
  }

  private func flushText() {
    guard let target = textTarget else { return }
    // The parser's text is well-formed UTF-8 but for a damaged page's: checked a word at
    // a time, made a string without the standard library's byte-by-byte check.
    let string = text.withUnsafeBufferPointer { bytes in
      UTF8Validation.check(bytes).map { UTF8Validation.string(checked: bytes, isASCII: $0) }
        ?? String(decoding: bytes, as: UTF8.self)
    }
    target.append(HTMLNode(kind: .text, text: string))
    text.removeAll(keepingCapacity: true)
    textTarget = nil
    textOwner = -1
  }

  // MARK: The handler

  /// The builder and the parser's count of open elements, from a callback's context.
  @inline(__always)
  private static func receiver(_ context: UnsafeMutableRawPointer?) -> (SAXTreeBuilder, Int) {
    let parser = context!.assumingMemoryBound(to: xmlParserCtxt.self)
    let builder = Unmanaged<SAXTreeBuilder>.fromOpaque(parser.pointee._private!)
      .takeUnretainedValue()
    return (builder, Int(parser.pointee.nameNr))
  }

  /// The SAX handler: these events only; the parser's context is the callbacks' context,
  /// and its `_private` the builder.
  static var handler: xmlSAXHandler {
    var handler = xmlSAXHandler()
    handler.initialized = 1
    handler.internalSubset = { context, _, _, _ in SAXTreeBuilder.receiver(context).0.doctype() }
    handler.startElement = { context, name, attributes in
      guard let name else { return }
      let (builder, open) = SAXTreeBuilder.receiver(context)
      let parser = context!.assumingMemoryBound(to: xmlParserCtxt.self)
      var offset: Int?
      if builder.awaitsValue, let input = parser.pointee.input, let cursor = input.pointee.cur,
        let base = input.pointee.base
      {
        offset = Int(input.pointee.consumed) + (cursor - base)
      }
      builder.startElement(name, attributes, open: open, offset: offset)
      if builder.cutMissed {
        xmlStopParser(parser)
        return
      }
      guard builder.cutElements != nil, SAXTreeBuilder.isRawTextName(name) else { return }
      guard let input = parser.pointee.input, let cursor = input.pointee.cur,
        let base = input.pointee.base,
        builder.cutElement(at: Int(input.pointee.consumed) + (cursor - base), open: open)
      else {
        xmlStopParser(parser)
        return
      }
    }
    handler.endElement = { context, _ in
      let (builder, open) = SAXTreeBuilder.receiver(context)
      builder.endElement(open: open)
    }
    handler.characters = { context, bytes, count in
      guard let bytes, count > 0 else { return }
      let (builder, open) = SAXTreeBuilder.receiver(context)
      builder.characters(bytes, Int(count), open: open)
    }
    // Script and style contents: libxml2 joins CDATA blocks as it joins text.
    handler.cdataBlock = handler.characters
    handler.comment = { context, _ in
      let (builder, open) = SAXTreeBuilder.receiver(context)
      builder.comment(open: open)
    }
    handler.processingInstruction = { context, _, _ in
      let (builder, open) = SAXTreeBuilder.receiver(context)
      builder.processingInstruction(open: open)
    }
    return handler
  }
}

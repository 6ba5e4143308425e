import CLibXML2
import Foundation
import LeggioImport

/// Reads a large RSS document as it is parsed: libxml2's push parser is fed the bytes a
/// piece at a time, and each item, once its end tag is read, is turned into a
/// `FeedXMLElement`, handed over in batches, and dropped from libxml2's tree. A feed
/// update stores the first items while the rest are still being parsed, and never holds
/// the whole document's tree.
///
/// Same options and safety as `FeedXMLReader`; documents with a document type
/// declaration (whose entities are budgeted over the whole tree) and other encodings
/// than UTF-8 are left to it.
enum FeedXMLStreamReader {
  static let chunkSize = 256 << 10

  static func canStream(_ bytes: UnsafeBufferPointer<UInt8>, encoding: String) -> Bool {
    guard encoding == "UTF-8" else { return false }
    let head = bytes.prefix(65_536)
    let doctype = Array("<!DOCTYPE".utf8)
    let upper = head.map { $0 >= 0x61 && $0 <= 0x7A ? $0 - 0x20 : $0 }
    return !upper.indices.contains { upper[$0...].starts(with: doctype) }
  }

  /// Parses `input`, calling `onBatch` with up to `batchSize` items of an RSS channel (or
  /// RDF document) at a time, in document order, with the tree read so far less the
  /// items already handed over. Returns the rest of the tree, as `FeedXMLReader.parse`.
  /// The bytes are read where they lie, copied only when entities are rewritten.
  static func parse(
    _ input: UnsafeBufferPointer<UInt8>, url: URL?, source: String, batchSize: Int,
    onBatch: ([FeedXMLElement], FeedXMLElement) -> Void
  ) throws -> FeedXMLReader.Result {
    guard let rewritten = HTMLEntities.numericReferencesIfAny(in: input) else {
      return try parseUTF8(input, url: url, source: source, batchSize: batchSize, onBatch: onBatch)
    }
    return try rewritten.withUnsafeBufferPointer {
      try parseUTF8($0, url: url, source: source, batchSize: batchSize, onBatch: onBatch)
    }
  }

  private static func parseUTF8(
    _ bytes: UnsafeBufferPointer<UInt8>, url: URL?, source: String, batchSize: Int,
    onBatch: ([FeedXMLElement], FeedXMLElement) -> Void
  ) throws -> FeedXMLReader.Result {
    XMLReadingPolicy.prepare()
    guard let context = xmlCreatePushParserCtxt(nil, nil, nil, 0, url?.absoluteString) else {
      throw FeedError.malformedXML(source: source, detail: "libxml2 could not start")
    }
    defer { xmlFreeParserCtxt(context) }
    xmlCtxtUseOptions(
      context, XMLReadingPolicy.parserOptions | Int32(XML_PARSE_IGNORE_ENC.rawValue))
    var reader = ItemReader(url: url, batchSize: batchSize)
    var offset = 0
    repeat {
      let end = min(offset + chunkSize, bytes.count)
      let last: Int32 = end == bytes.count ? 1 : 0
      bytes.baseAddress.map { base in
        base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
          _ = xmlParseChunk(context, $0 + offset, Int32(end - offset), last)
        }
      }
      offset = end
      reader.takeCompleteItems(of: context.pointee.myDoc, finished: last == 1, onBatch: onBatch)
    } while offset < bytes.count
    reader.flush(document: context.pointee.myDoc, onBatch: onBatch)

    let document = context.pointee.myDoc
    context.pointee.myDoc = nil
    return try FeedXMLReader.finish(
      context, document: document, url: url, source: source, builder: reader.builder,
      budget: reader.budget)
  }

  /// Finds the items whose end tag has been read, converts them and drops them.
  private struct ItemReader {
    let url: URL?
    let batchSize: Int
    var builder: FeedXMLReader.Builder?
    var pending: [FeedXMLElement] = []
    let budget = 64 << 20

    init(url: URL?, batchSize: Int) {
      self.url = url
      self.batchSize = batchSize
    }

    /// RSS 0.91–2.0 items live in the channel; RSS 0.90 and 1.0 put them in the root.
    private static func container(of root: xmlNodePtr) -> (node: xmlNodePtr, depth: Int)? {
      switch String(cString: root.pointee.name) {
      case "rss":
        var child = root.pointee.children
        while let node = child {
          if node.pointee.type == XML_ELEMENT_NODE, String(cString: node.pointee.name) == "channel",
            node.pointee.ns == nil
          {
            return (node, 2)
          }
          child = node.pointee.next
        }
        return nil
      case "RDF": return (root, 1)
      default: return nil
      }
    }

    private static let itemNamespaces: Set<String?> = [
      nil, FeedNamespace.rss10, FeedNamespace.rss090,
    ]

    private static func isItem(_ node: xmlNodePtr) -> Bool {
      guard node.pointee.type == XML_ELEMENT_NODE, String(cString: node.pointee.name) == "item"
      else { return false }
      let namespace = node.pointee.ns.flatMap { $0.pointee.href }.map { String(cString: $0) }
      return itemNamespaces.contains(namespace)
    }

    private static func isBlank(_ node: xmlNodePtr) -> Bool {
      guard node.pointee.type == XML_TEXT_NODE else { return false }
      guard let content = node.pointee.content else { return true }
      var byte = content
      while byte.pointee != 0 {
        guard [0x20, 0x09, 0x0A, 0x0D].contains(byte.pointee) else { return false }
        byte += 1
      }
      return true
    }

    mutating func takeCompleteItems(
      of document: xmlDocPtr?, finished: Bool,
      onBatch: ([FeedXMLElement], FeedXMLElement) -> Void
    ) {
      guard let document, let root = xmlDocGetRootElement(document),
        let (container, depth) = Self.container(of: root)
      else { return }
      if builder == nil { builder = FeedXMLReader.Builder(document: document, budget: budget) }
      let base = FeedXMLReader.Builder.base(of: container, url: url)
      var child = container.pointee.children
      while let node = child {
        let next = node.pointee.next
        if Self.isItem(node) {
          // An item with nothing after it may still be open.
          guard next != nil || finished else { break }
          pending.append(builder!.element(node, base: base, depth: depth))
          xmlUnlinkNode(node)
          xmlFreeNode(node)
          if pending.count >= batchSize { hand(document, root: root, onBatch) }
        } else if next != nil, Self.isBlank(node) {
          // The line breaks between items: dropped too, so that the next pass starts at
          // the next item instead of walking past thousands of them. (Never the last
          // child, which the parser may still be appending text to.)
          xmlUnlinkNode(node)
          xmlFreeNode(node)
        }
        child = next
      }
    }

    mutating func flush(
      document: xmlDocPtr?, onBatch: ([FeedXMLElement], FeedXMLElement) -> Void
    ) {
      guard !pending.isEmpty, let document, let root = xmlDocGetRootElement(document) else {
        return
      }
      hand(document, root: root, onBatch)
    }

    private mutating func hand(
      _ document: xmlDocPtr, root: xmlNodePtr, _ onBatch: ([FeedXMLElement], FeedXMLElement) -> Void
    ) {
      // The tree so far, less the items handed over: the channel's title, link...
      var snapshot = FeedXMLReader.Builder(document: document, budget: budget)
      onBatch(pending, snapshot.element(root, base: url, depth: 0))
      pending.removeAll(keepingCapacity: true)
    }
  }
}

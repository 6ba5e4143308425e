import Foundation

/// A book's package document (OPF): its metadata, manifest and spine.
///
/// Read forgivingly: duplicate ids keep their first item, hrefs are resolved against the
/// package's folder (`../` included), a spine item missing from the manifest is skipped,
/// and the NCX is found by the spine's `toc`, else by its media type.
struct EPUBPackage {
  struct Item {
    var id: String
    var path: String
    var mediaType: String
    var properties: Set<String>
  }

  struct SpineItem {
    var item: Item
    /// false for `linear="no"`: reachable by links and the table of contents, but not
    /// in the reading order.
    var linear: Bool
  }

  /// Where the package document sits in the archive.
  let path: String
  var version = ""
  var title: String?
  var creators: [String] = []
  var languages: [String] = []
  var publisher: String?
  var date: String?
  var identifier: String?
  var description: String?
  var subjects: [String] = []
  /// Named `<meta name content>` pairs of EPUB 2 (and calibre's), by name.
  var namedMeta: [String: String] = [:]
  var items: [Item] = []
  var spine: [SpineItem] = []
  var navPath: String?
  var ncxPath: String?
  var coverPath: String?

  /// The path of the package document: the first `rootfile` of `container.xml` that
  /// exists, else the first `.opf` entry of the archive (a book missing its container).
  static func locate(in archive: EPUBArchive) throws(EPUBError) -> String {
    if let data = try archive.data(at: "META-INF/container.xml"),
      let root = EPUBXML.parse(data)
    {
      for rootfile in root.descendants(named: "rootfile") {
        guard let fullPath = rootfile.attribute("full-path"),
          let target = EPUBPath.resolve(fullPath, against: ""),
          let resolved = archive.resolve(target.path)
        else { continue }
        let mediaType = rootfile.attribute("media-type") ?? "application/oebps-package+xml"
        if mediaType.contains("oebps-package") || resolved.lowercased().hasSuffix(".opf") {
          return resolved
        }
      }
    }
    if let opf = archive.paths.first(where: { $0.lowercased().hasSuffix(".opf") }) { return opf }
    throw .noPackage(name: archive.name)
  }

  init(root: EPUBXMLElement, path: String) {
    self.path = path
    version = root.attribute("version") ?? ""
    let directory = EPUBPath.directory(of: path)
    if let metadata = root.firstChild(named: "metadata") {
      readMetadata(metadata, uniqueIdentifier: root.attribute("unique-identifier"))
    }
    var byID: [String: Item] = [:]
    for element in root.firstChild(named: "manifest")?.children(named: "item") ?? [] {
      guard let id = element.attribute("id"), let href = element.attribute("href"),
        let target = EPUBPath.resolve(href, against: directory), !target.path.isEmpty
      else { continue }
      let item = Item(
        id: id, path: target.path,
        mediaType: (element.attribute("media-type") ?? "").lowercased(),
        properties: Set(
          (element.attribute("properties") ?? "").split(separator: " ").map(String.init)))
      guard byID[id] == nil else { continue }
      byID[id] = item
      items.append(item)
    }
    let spineElement = root.firstChild(named: "spine")
    for reference in spineElement?.children(named: "itemref") ?? [] {
      guard let idref = reference.attribute("idref"), let item = byID[idref] else { continue }
      spine.append(SpineItem(item: item, linear: reference.attribute("linear") != "no"))
    }
    navPath = items.first { $0.properties.contains("nav") }?.path
    ncxPath =
      spineElement?.attribute("toc").flatMap { byID[$0]?.path }
      ?? items.first { $0.mediaType == "application/x-dtbncx+xml" }?.path
    coverPath =
      items.first { $0.properties.contains("cover-image") }?.path
      ?? namedMeta["cover"].flatMap { byID[$0]?.path }
  }

  private mutating func readMetadata(_ metadata: EPUBXMLElement, uniqueIdentifier: String?) {
    // EPUB 2 books may wrap the Dublin Core in <dc-metadata>; read every descendant.
    var identifiers: [(id: String?, value: String)] = []
    for element in Self.allDescendants(of: metadata) {
      let value = element.text
      switch element.name {
      case "title": if title == nil, !value.isEmpty { title = value }
      case "creator": if !value.isEmpty { creators.append(value) }
      case "language": if !value.isEmpty { languages.append(value) }
      case "publisher": if publisher == nil, !value.isEmpty { publisher = value }
      case "date": if date == nil, !value.isEmpty { date = value }
      case "description": if description == nil, !value.isEmpty { description = value }
      case "subject": if !value.isEmpty { subjects.append(value) }
      case "identifier": if !value.isEmpty { identifiers.append((element.attribute("id"), value)) }
      case "meta":
        if let name = element.attribute("name"), let content = element.attribute("content") {
          namedMeta[name] = namedMeta[name] ?? content
        }
      default: break
      }
    }
    identifier =
      identifiers.first { $0.id != nil && $0.id == uniqueIdentifier }?.value
      ?? identifiers.first?.value
  }

  private static func allDescendants(of element: EPUBXMLElement) -> [EPUBXMLElement] {
    var found: [EPUBXMLElement] = []
    var stack = Array(element.children.reversed())
    while let next = stack.popLast() {
      found.append(next)
      stack.append(contentsOf: next.children.reversed())
    }
    return found
  }
}

import Foundation
import LeggioModel

/// The table of contents a book declares: the EPUB 3 navigation document's `toc` nav,
/// else the EPUB 2 NCX. Either may be missing or broken; an empty result lets the
/// importer fall back on the spine.
enum EPUBNavigation {
  /// One entry before it is placed in the document.
  struct Point: Equatable {
    var title: String
    var level: Int
    var target: EPUBPath.Target
  }

  /// The points of the nav document at `path` (an XHTML file read as HTML).
  static func navPoints(_ data: Data, path: String) -> [Point] {
    let root = HTMLParser.parse(ChapterText.decode(data))
    let navs = root.elements(named: "nav")
    let toc =
      navs.first { nav in
        let type = (nav.attribute("epub:type") ?? nav.attribute("type") ?? "")
        return type.split(separator: " ").contains("toc") || nav.attribute("role") == "doc-toc"
      } ?? navs.first
    guard let toc, let list = toc.firstElement(named: "ol") ?? toc.firstElement(named: "ul")
    else { return [] }
    var points: [Point] = []
    collect(list, level: 1, directory: EPUBPath.directory(of: path), into: &points)
    return points
  }

  private static func collect(
    _ list: HTMLNode, level: Int, directory: String, into points: inout [Point]
  ) {
    guard level <= 16 else { return }
    for item in list.elementChildren where item.name == "li" {
      let label = item.elementChildren.first { $0.name == "a" || $0.name == "span" }
      if let label, let href = label.attribute("href"),
        let target = EPUBPath.resolve(href, against: directory), !target.path.isEmpty
      {
        let title = clean(HTMLDocumentConverter.collapsedText(of: label))
        if !title.isEmpty { points.append(Point(title: title, level: level, target: target)) }
      }
      for sublist in item.elementChildren where sublist.name == "ol" || sublist.name == "ul" {
        collect(sublist, level: level + 1, directory: directory, into: &points)
      }
    }
  }

  /// The points of the NCX at `path`.
  static func ncxPoints(_ data: Data, path: String) -> [Point] {
    guard let root = EPUBXML.parse(data), let map = root.firstChild(named: "navMap") else {
      return []
    }
    var points: [Point] = []
    collectNCX(map, level: 1, directory: EPUBPath.directory(of: path), into: &points)
    return points
  }

  private static func collectNCX(
    _ parent: EPUBXMLElement, level: Int, directory: String, into points: inout [Point]
  ) {
    guard level <= 16 else { return }
    for point in parent.children(named: "navPoint") {
      let title = clean(point.firstChild(named: "navLabel")?.text ?? "")
      if let src = point.firstChild(named: "content")?.attribute("src"),
        let target = EPUBPath.resolve(src, against: directory), !target.path.isEmpty, !title.isEmpty
      {
        points.append(Point(title: title, level: level, target: target))
      }
      collectNCX(point, level: level + 1, directory: directory, into: &points)
    }
  }

  /// A title as the reader shows it: controls removed, white space collapsed.
  static func clean(_ title: String) -> String {
    TextSanitizer.removingForbidden(title).split(whereSeparator: \.isWhitespace)
      .joined(separator: " ")
  }

  /// `navPoints` of a nav document (or `ncxPoints` of an NCX), parsed on another thread
  /// until `points` is asked for.
  final class Parsing: @unchecked Sendable {
    private let group = DispatchGroup()
    /// Written once, by the parsing thread, before `group` is left; read after waiting.
    private var result: [Point] = []

    convenience init(_ data: Data, path: String) {
      self.init { EPUBNavigation.navPoints(data, path: path) }
    }

    /// The points `read` gives (a nav document's or an NCX's), read on another thread.
    init(_ read: @escaping @Sendable () -> [Point]) {
      DispatchQueue.global(qos: .userInitiated).async(group: group) { [self] in
        result = read()
      }
    }

    var points: [Point] {
      group.wait()
      return result
    }
  }
}

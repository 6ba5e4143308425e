import Foundation
import Testing

@testable import LeggioImport

/// Hrefs of a book resolve as Foundation's trimming and percent-decoding read them,
/// whether or not there is anything to trim or decode.
@Suite struct EPUBPathTests {
  /// The resolution as it was written before the fast paths: every href trimmed and
  /// percent-decoded by Foundation.
  static func reference(_ href: String, against directory: String) -> EPUBPath.Target? {
    let trimmed = href.trimmingCharacters(in: .whitespacesAndNewlines)
    var pathPart = Substring(trimmed)
    var fragment: String?
    if let hash = trimmed.firstIndex(of: "#") {
      pathPart = trimmed[..<hash]
      let raw = String(trimmed[trimmed.index(after: hash)...])
      fragment = raw.isEmpty ? nil : (raw.removingPercentEncoding ?? raw)
    }
    if let query = pathPart.firstIndex(of: "?") { pathPart = pathPart[..<query] }
    if pathPart.contains(":"), !pathPart.hasPrefix("C:") { return nil }
    if pathPart.isEmpty { return Target(path: "", fragment: fragment) }
    let decoded = String(pathPart).removingPercentEncoding ?? String(pathPart)
    var components: [Substring] = decoded.hasPrefix("/") ? [] : directory.split(separator: "/")
    for component in decoded.split(separator: "/") {
      switch component {
      case ".": continue
      case "..": if !components.isEmpty { components.removeLast() }
      default: components.append(component)
      }
    }
    return Target(path: components.joined(separator: "/"), fragment: fragment)
  }

  typealias Target = EPUBPath.Target

  @Test(arguments: [
    "chapter1.xhtml", "../text/ch2.xhtml#note-3", "  spaced.xhtml\n", "\u{00A0}nbsp.xhtml",
    "a%20normal%20item.xml", "caf%C3%A9.xhtml#s%C3%A9", "bad%ZZescape.xhtml", "100%.xhtml",
    "#fragment-only", "#", "./a/./b/../c.xhtml", "/absolute/x.xhtml", "città/è.xhtml",
    "x.xhtml?query#frag", "\tfile.xhtml#end\t", "../../../too/far.xhtml",
  ])
  func hrefsResolveAsFoundationReadsThem(_ href: String) {
    #expect(
      EPUBPath.resolve(href, against: "OEBPS/text") == Self.reference(href, against: "OEBPS/text"))
  }

  @Test func linksOutOfTheBookAreNotPaths() {
    #expect(EPUBPath.resolve("https://example.org/a.html", against: "OEBPS") == nil)
    #expect(EPUBPath.resolve(" mailto:x@example.org ", against: "OEBPS") == nil)
  }
}

/// The elements of a page the metadata reader looks at, found in one walk: `<meta>`,
/// JSON-LD scripts, `<title>`, `h1`s, `<time datetime>`, `<html>` and the elements
/// marked as an author (`rel=author`, `itemprop=author`, a `byline`/`author` class).
struct MetadataSources {
  var metas: [HTMLNode] = []
  var jsonLDScripts: [HTMLNode] = []
  var title: HTMLNode?
  var headings: [HTMLNode] = []
  var times: [HTMLNode] = []
  var html: HTMLNode?
  var authorMarked: [HTMLNode] = []

  private static let authorClassNeedles = ["byline", "author"].map(ByteNeedle.init)
  private static let authorNeedle = ByteNeedle("author")
  private static let jsonLDNeedle = ByteNeedle("ld+json")

  init(_ document: HTMLNode) {
    document.visitDescendants { node in
      guard node.kind == .element else { return true }
      switch node.name {
      case "meta": metas.append(node)
      case "script":
        if ReadabilityPatterns.attributeMatches(node, "type", [Self.jsonLDNeedle]) {
          jsonLDScripts.append(node)
        }
      case "title": if title == nil { title = node }
      case "h1": headings.append(node)
      case "time": if node.attribute("datetime") != nil { times.append(node) }
      case "html": if html == nil { html = node }
      default: break
      }
      if Self.isMarkedAsAuthor(node) { authorMarked.append(node) }
      return true
    }
  }

  /// `rel=author`, `itemprop` naming an author, or a `byline`/`author` class, read in one
  /// pass over the attributes (the first of each name counts, as `attribute` answers).
  private static func isMarkedAsAuthor(_ node: HTMLNode) -> Bool {
    var seen = (rel: false, itemprop: false, class: false)
    for attribute in node.attributes {
      switch attribute.name {
      case "rel" where !seen.rel:
        seen.rel = true
        if attribute.value == "author" { return true }
      case "itemprop" where !seen.itemprop:
        seen.itemprop = true
        var value = attribute.value
        if value.withUTF8({ authorNeedle.occurs(in: $0) }) { return true }
      case "class" where !seen.class:
        seen.class = true
        var value = attribute.value
        if !value.isEmpty,
          value.withUTF8({ bytes in
            authorClassNeedles.contains { $0.occurs(inLowercased: bytes) }
          })
        {
          return true
        }
      default: break
      }
    }
    return false
  }
}

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
      if node.attribute("rel") == "author"
        || node.attribute("itemprop").map({ ReadabilityPatterns.matches($0, [Self.authorNeedle]) })
          ?? false
        || ReadabilityPatterns.attributeMatches(node, "class", Self.authorClassNeedles)
      {
        authorMarked.append(node)
      }
      return true
    }
  }
}

import LeggioImport

/// HTML as the tree an HTML parser (libxml2's, as Leggio reads pages) builds from it,
/// written back one way: elements with sorted attributes, every element closed, text with
/// white space collapsed. Two texts with the same tree are the same document to a browser:
/// `<p><a href="x"></p>` (raw HTML the spec echoes unclosed) and `<p><a href="x"></a></p>`.
public enum HTMLTree {
  public static func canonical(_ html: String) -> String {
    var output = ""
    write(HTMLParser.parse(html), into: &output)
    return output
  }

  private static func write(_ node: HTMLNode, into output: inout String) {
    switch node.kind {
    case .text:
      output += node.text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    case .comment:
      output += "<!--" + node.text + "-->"
    case .document:
      for child in node.children { write(child, into: &output) }
    case .element:
      output += "<" + node.name
      for (name, value) in node.attributes.sorted(by: { ($0.name, $0.value) < ($1.name, $1.value) })
      {
        output += " \(name)=\"\(value)\""
      }
      output += ">"
      for child in node.children { write(child, into: &output) }
      output += "</" + node.name + ">"
    }
  }
}

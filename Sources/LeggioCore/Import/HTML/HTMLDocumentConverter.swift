import Foundation

/// Turns an HTML tree into a `Document`; Markdown (through Ink) and web pages share it.
///
/// PLACEHOLDER: a minimal walk that the library issue replaces with the full converter.
public enum HTMLDocumentConverter {
  public static func convert(_ root: HTMLNode, baseURL: URL? = nil) -> Document {
    var blocks: [Block] = []
    let tags: Set<String> = ["p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "pre", "blockquote"]
    for node in root.descendants(where: { $0.isElement && tags.contains($0.name) }) {
      let text = node.textContent.split(whereSeparator: \.isWhitespace).joined(separator: " ")
      if !text.isEmpty { blocks.append(Block(.paragraph, text: text)) }
    }
    return Document(blocks: blocks)
  }
}

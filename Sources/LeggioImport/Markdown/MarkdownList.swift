/// Markdown lists, parsed here because Ink 0.6 loses the structure after a nested list
/// ends; rendered as HTML whose items' inline content Ink renders.
enum MarkdownList {

  // Regex literals are compiled when first used; kept here so that happens once.
  nonisolated(unsafe) private static let markerPattern =
    #/( *)([-*+]|(\d{1,9})[.)])(?:[ \t]+(.*))?/#
  final class List {
    let indent: Int
    let ordered: Bool
    let start: Int
    var items: [Item] = []

    init(indent: Int, ordered: Bool, start: Int) {
      self.indent = indent
      self.ordered = ordered
      self.start = start
    }
  }

  final class Item {
    /// Paragraphs of the item, each a list of lines.
    var paragraphs: [[Substring]] = [[]]
    var children: [List] = []
  }

  struct Marker {
    var indent: Int
    var ordered: Bool
    var number: Int
    var content: Substring
  }

  static func marker(_ line: Substring) -> Marker? {
    guard let match = line.wholeMatch(of: Self.markerPattern) else {
      return nil
    }
    return Marker(
      indent: match.1.count, ordered: match.3 != nil, number: match.3.flatMap { Int($0) } ?? 1,
      content: match.4 ?? "")
  }

  static func isItem(_ line: Substring) -> Bool {
    guard let found = marker(line), found.indent <= 3 else { return false }
    return !found.content.isEmpty
  }

  /// The index after the list block starting at `start`: it ends at a blank line followed
  /// by a line that is neither indented nor a list item, or at a heading, fence or quote.
  static func blockEnd(_ lines: [Substring], from start: Int) -> Int {
    var index = start + 1
    while index < lines.count {
      let line = lines[index]
      if MarkdownPreprocessor.isBlank(line) {
        let next = lines[(index + 1)...].first { !MarkdownPreprocessor.isBlank($0) }
        guard let next, next.hasPrefix(" ") || next.hasPrefix("\t") || marker(next) != nil else {
          return index
        }
      } else if line.hasPrefix("#") || line.hasPrefix("```") || line.hasPrefix(">") {
        return index
      }
      index += 1
    }
    return index
  }

  static func render(_ lines: ArraySlice<Substring>) -> String {
    var roots: [List] = []
    var stack: [List] = []
    var afterBlank = false
    for line in lines {
      if MarkdownPreprocessor.isBlank(line) {
        afterBlank = true
        continue
      }
      if let found = marker(line), !found.content.isEmpty || stack.isEmpty == false {
        while let last = stack.last, found.indent < last.indent { stack.removeLast() }
        let item = Item()
        item.paragraphs = [[found.content]]
        if let last = stack.last, found.indent <= last.indent + 1, last.ordered == found.ordered {
          last.items.append(item)
        } else if let last = stack.last, found.indent > last.indent + 1,
          let parent = last.items.last
        {
          let list = List(indent: found.indent, ordered: found.ordered, start: found.number)
          list.items.append(item)
          parent.children.append(list)
          stack.append(list)
        } else {
          let list = List(indent: found.indent, ordered: found.ordered, start: found.number)
          list.items.append(item)
          if stack.count > 1, let parent = stack[stack.count - 2].items.last {
            parent.children.append(list)
            stack[stack.count - 1] = list
          } else {
            roots.append(list)
            stack = [list]
          }
        }
      } else if let item = stack.last?.items.last {
        let text = line.drop { $0 == " " || $0 == "\t" }
        if afterBlank {
          item.paragraphs.append([text])
        } else {
          item.paragraphs[item.paragraphs.count - 1].append(text)
        }
      }
      afterBlank = false
    }
    return roots.map(renderHTML).joined()
  }

  private static func renderHTML(_ list: List) -> String {
    let tag = list.ordered ? "ol" : "ul"
    let start = list.ordered && list.start != 1 ? " start=\"\(list.start)\"" : ""
    var html = "<\(tag)\(start)>"
    for item in list.items {
      html += "<li>"
      for (index, paragraph) in item.paragraphs.enumerated() where !paragraph.isEmpty {
        let inline = MarkdownPreprocessor.inlineHTML(paragraph.joined(separator: "\n"))
        html += index == 0 ? inline : "<p>\(inline)</p>"
      }
      html += item.children.map(renderHTML).joined()
      html += "</li>"
    }
    return html + "</\(tag)>"
  }
}

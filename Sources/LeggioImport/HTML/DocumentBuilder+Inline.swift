import Foundation
import LeggioModel

/// Inline content: text as a browser collapses it, line breaks, and text-only walks for
/// captions and table cells.
extension DocumentBuilder {
  /// Adds text as a browser shows it: outside `<pre>`, runs of whitespace become one space
  /// and space at the start of a block or line disappears.
  mutating func appendText(_ raw: String) {
    let text = TextSanitizer.removingForbidden(raw)
    if preformattedDepth > 0 {
      append(text)
      return
    }
    let isCode = style.contains(.code)
    let leading = endsWithVisibleCharacter || isCode
    append(
      WhitespaceCollapse.bytes(text, keepLeadingSpace: leading)
        ?? Self.collapsedByCharacter(text, keepLeadingSpace: leading))
  }

  /// Whitespace collapsed character by character: the reference, and the way for text
  /// where a space joins a neighbour in one grapheme (a combining mark after it).
  static func collapsedByCharacter(_ text: String, keepLeadingSpace: Bool) -> String {
    var visible = ""
    for character in text {
      if character == " " || character == "\n" || character == "\t" {
        if visible.isEmpty {
          // A code span keeps a space at its edge: `` ` a` `` is not `` `a` ``.
          if keepLeadingSpace { visible = " " }
        } else if visible.last != " " {
          visible.append(" ")
        }
      } else {
        visible.append(character)
      }
    }
    return visible
  }

  /// Whether the block so far ends in something other than a space or a line break, so
  /// that collapsed whitespace shows as one space (in the style of the text before it,
  /// as browsers do).
  private var endsWithVisibleCharacter: Bool {
    guard let run = runs.last else { return false }
    if run.image != nil { return true }  // a picture shows, whatever its alt text
    guard let last = run.text.last else { return false }
    if run.style.contains(.code) { return true }  // a code span's own space is its text
    return last != "\n" && last != " "
  }

  mutating func lineBreak() {
    if preformattedDepth == 0 {
      while let last = runs.last, last.text.hasSuffix(" ") {
        runs[runs.count - 1].text.removeLast()
        if runs[runs.count - 1].text.isEmpty { runs.removeLast() }
      }
    }
    if preformattedDepth > 0 || !runs.isEmpty { append("\n") }
  }

  mutating func append(_ text: String) {
    guard !text.isEmpty else { return }
    let nesting = Inline.nestingNeeded(openInline)
    if let last = runs.last, last.style == style, last.link == link, last.title == linkTitle,
      last.nesting == nesting, last.image == nil
    {
      runs[runs.count - 1].text += text  // in place: no copy of a growing paragraph
    } else {
      var run = Inline(text, style: style, link: link)
      run.title = linkTitle
      run.nesting = nesting
      runs.append(run)
    }
  }

  /// Walks `node` for its inline text only (captions, table cells).
  mutating func collectInline(_ node: HTMLNode, depth: Int, excluding excluded: HTMLNode? = nil) {
    for child in node.children where child !== excluded {
      switch child.kind {
      case .text: appendText(child.text)
      case .element where child.name == "br": lineBreak()
      case .element where HTMLDocumentConverter.skipped.contains(child.name): break
      case .element, .document:
        if depth < HTMLDocumentConverter.maximumDepth {
          collectInline(child, depth: depth + 1, excluding: excluded)
        }
      case .comment: break
      }
    }
  }

  /// The text gathered by `collectInline`, trimmed, line breaks made spaces.
  mutating func takeInlineText() -> String {
    let text = Self.trimmed(runs, keepingIndentation: false).map(\.text).joined()
    runs = []
    // Foundation's replacement, even with nothing to replace, cost more than the walk.
    guard text.utf8.contains(0x0A) else { return text }
    return text.replacingOccurrences(of: "\n", with: " ")
  }
}

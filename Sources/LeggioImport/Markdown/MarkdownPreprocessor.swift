import Ink

/// Rewrites the Markdown that Ink 0.6 gets wrong into forms it reads right.
///
/// Ink 0.6 (measured by the tests): keeps items after a nested list inside the nested
/// list, does not nest block quotes (`> >`), ignores indented code blocks and setext
/// headings, reads `___` as text, needs leading pipes on table rows, and takes
/// underscores inside words (`snake_case`) for emphasis. Lists and block quotes are
/// therefore rendered to HTML here (Ink passes HTML blocks through, and renders their
/// inline content); the rest is rewritten into the Markdown forms Ink supports.
enum MarkdownPreprocessor {

  // Regex literals are compiled when first used; kept here so that happens once.
  nonisolated(unsafe) private static let quoteStartPattern = #/^ {0,3}>/#
  nonisolated(unsafe) private static let fencePattern = #/^ {0,3}(`{3,}|~{3,})/#
  nonisolated(unsafe) private static let thematicBreakPattern = #/ {0,3}([-*_])(?: *\1){2,} */#
  nonisolated(unsafe) private static let setextOnePattern = #/ {0,3}=+ */#
  nonisolated(unsafe) private static let setextTwoPattern = #/ {0,3}-+ */#
  nonisolated(unsafe) private static let tableDelimiterPattern =
    #/ *\|? *:?-+:? *(\| *:?-+:? *)*\|? */#
  nonisolated(unsafe) private static let quoteMarkerPattern = #/^ {0,3}> ?/#
  static func prepare(_ markdown: String) -> String {
    let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false)
      .map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
    var output: [String] = []
    var index = 0
    var previousBlank = true
    while index < lines.count {
      let line = lines[index]
      defer { previousBlank = output.last?.isEmpty ?? true }
      if let fence = fenceMarker(line) {
        index = copyFence(lines, from: index, fence: fence, into: &output)
      } else if isBlank(line) {
        output.append("")
        index += 1
      } else if isThematicBreak(line) {
        output += ["", "***", ""]
        index += 1
      } else if line.firstMatch(of: Self.quoteStartPattern) != nil {
        index = renderQuote(lines, from: index, into: &output)
      } else if MarkdownList.isItem(line) {
        let end = MarkdownList.blockEnd(lines, from: index)
        output += ["", MarkdownList.render(lines[index..<end]), ""]
        index = end
      } else if previousBlank, isIndentedCode(line) {
        index = fenceIndentedCode(lines, from: index, into: &output)
      } else if index + 1 < lines.count, !line.hasPrefix("#"), !line.hasPrefix("|"),
        let level = setextLevel(lines[index + 1])
      {
        output += ["", String(repeating: "#", count: level) + " " + escapeIntraword(line), ""]
        index += 2
      } else if index + 1 < lines.count, line.contains("|"), isTableDelimiter(lines[index + 1]) {
        while index < lines.count, !isBlank(lines[index]), lines[index].contains("|") {
          output.append(pipeWrapped(lines[index]))
          index += 1
        }
      } else {
        output.append(escapeIntraword(line))
        index += 1
      }
    }
    return output.joined(separator: "\n")
  }

  /// The inline HTML Ink makes of one paragraph's text, without the `<p>` around it.
  static func inlineHTML(_ text: String) -> String {
    var html = MarkdownParser().html(from: escapeIntraword(Substring(text)))
    if html.hasPrefix("<p>") && html.hasSuffix("</p>") {
      html = String(html.dropFirst(3).dropLast(4))
    }
    return html
  }

  static func isBlank(_ line: Substring) -> Bool { line.allSatisfy(\.isWhitespace) }

  private static func fenceMarker(_ line: Substring) -> Substring? {
    line.firstMatch(of: Self.fencePattern).map { $0.1 }
  }

  private static func copyFence(
    _ lines: [Substring], from start: Int, fence: Substring, into output: inout [String]
  ) -> Int {
    // Ink reads only backtick fences; a tilde fence becomes a backtick one.
    let backticks = String(repeating: "`", count: max(fence.count, 3))
    let info = lines[start].drop { $0 == " " }.drop { $0 == fence.first }
    output.append(backticks + info)
    var index = start + 1
    while index < lines.count {
      let line = lines[index]
      index += 1
      if line.drop(while: { $0 == " " }).hasPrefix(fence)
        && line.trimmingCharacters(in: .whitespaces).allSatisfy({ $0 == fence.first })
      {
        break
      }
      output.append(String(line))
    }
    output.append(backticks)
    return index
  }

  private static func isThematicBreak(_ line: Substring) -> Bool {
    line.wholeMatch(of: Self.thematicBreakPattern) != nil
  }

  private static func isIndentedCode(_ line: Substring) -> Bool {
    line.hasPrefix("    ") || line.hasPrefix("\t")
  }

  private static func fenceIndentedCode(
    _ lines: [Substring], from start: Int, into output: inout [String]
  ) -> Int {
    var index = start
    var code: [String] = []
    while index < lines.count, isIndentedCode(lines[index]) || isBlank(lines[index]) {
      let line = lines[index]
      code.append(
        String(line.hasPrefix("\t") ? line.dropFirst() : line.dropFirst(min(4, line.count))))
      index += 1
    }
    while code.last?.allSatisfy(\.isWhitespace) == true { code.removeLast() }
    output += ["```"] + code + ["```", ""]
    return index
  }

  private static func setextLevel(_ underline: Substring) -> Int? {
    if underline.wholeMatch(of: Self.setextOnePattern) != nil { return 1 }
    if underline.wholeMatch(of: Self.setextTwoPattern) != nil { return 2 }
    return nil
  }

  private static func isTableDelimiter(_ line: Substring) -> Bool {
    line.contains("-")
      && line.wholeMatch(of: Self.tableDelimiterPattern) != nil
  }

  private static func pipeWrapped(_ line: Substring) -> String {
    var row = line.trimmingCharacters(in: .whitespaces)
    if !row.hasPrefix("|") { row = "|" + row }
    if !row.hasSuffix("|") { row += "|" }
    return escapeIntraword(Substring(row))
  }

  /// A block quote: its lines without one level of `>`, rendered recursively (so quotes
  /// nest and hold lists and code), wrapped in `<blockquote>`.
  private static func renderQuote(
    _ lines: [Substring], from start: Int, into output: inout [String]
  )
    -> Int
  {
    var inner: [Substring] = []
    var index = start
    while index < lines.count, !isBlank(lines[index]) {
      let line = lines[index]
      if let match = line.firstMatch(of: Self.quoteMarkerPattern) {
        inner.append(line[match.range.upperBound...])
      } else {
        inner.append(line)  // a lazy continuation line
      }
      index += 1
    }
    let html = MarkdownParser().html(from: prepare(inner.joined(separator: "\n")))
    output += ["", "<blockquote>" + html + "</blockquote>", ""]
    return index
  }

  /// `snake_case_word` stays as written: underscores between letters or digits are
  /// escaped, outside code spans.
  static func escapeIntraword(_ line: Substring) -> String {
    guard line.contains("_") else { return String(line) }
    var result = ""
    var inCode = false
    var previous: Character?
    var iterator = line.makeIterator()
    var next = iterator.next()
    while let character = next {
      next = iterator.next()
      if character == "`" { inCode.toggle() }
      if character == "_", !inCode, let before = previous, before.isLetter || before.isNumber,
        let after = next, after.isLetter || after.isNumber
      {
        result += "\\_"
      } else {
        result.append(character)
      }
      previous = character
    }
    return result
  }
}

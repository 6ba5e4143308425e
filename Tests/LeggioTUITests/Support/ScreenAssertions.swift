import LeggioStore
import LeggioTUI
import Testing

/// An application on `library` at `width` x `height`, started.
func makeApp(
  _ library: Library, width: Int = 80, height: Int = 24, themeNames: [String] = []
)
  -> Application
{
  let app = Application(library: library, width: width, height: height, themeNames: themeNames)
  app.start()
  return app
}

extension Application {
  /// Sends keys written as in vim's notation: `jj<Enter>`, `12G`, `<Esc>`, `<PgDn>`, `<C-c>`.
  func press(_ keys: String) {
    for key in parseKeys(keys) { send(.key(key)) }
  }

  /// Types `text` literally.
  func type(_ text: String) {
    for character in text { send(.key(.character(character))) }
  }
}

/// Keys in vim's notation.
func parseKeys(_ text: String) -> [Key] {
  let named: [String: Key] = [
    "Enter": .enter, "CR": .enter, "Esc": .escape, "BS": .backspace, "Space": .character(" "),
    "PgDn": .pageDown, "PgUp": .pageUp, "Up": .up, "Down": .down, "Left": .left, "Right": .right,
    "Home": .home, "End": .end, "Tab": .tab,
  ]
  var keys: [Key] = []
  var rest = Substring(text)
  while let first = rest.first {
    if first == "<", let close = rest.firstIndex(of: ">") {
      let name = String(rest[rest.index(after: rest.startIndex)..<close])
      if let key = named[name] {
        keys.append(key)
      } else if name.hasPrefix("C-"), let letter = name.last {
        keys.append(.control(letter))
      } else {
        Issue.record("unknown key <\(name)>")
      }
      rest = rest[rest.index(after: close)...]
    } else {
      keys.append(.character(first))
      rest = rest.dropFirst()
    }
  }
  return keys
}

/// Compares the grid's rows with `expected` (trailing spaces ignored), printing both
/// screens when they differ.
func assertScreen(
  _ grid: CellGrid, _ expected: [String], sourceLocation: SourceLocation = #_sourceLocation
) {
  let actual = grid.rows
  let wanted = expected.map { line in
    var trimmed = line
    while trimmed.last == " " { trimmed.removeLast() }
    return trimmed
  }
  if actual != wanted {
    let frame = "+" + String(repeating: "-", count: grid.width) + "+"
    Issue.record(
      """
      The screen differs.
      Expected:
      \(frame)
      \(wanted.map { "|\($0)" }.joined(separator: "\n"))
      \(frame)
      Actual:
      \(frame)
      \(actual.map { "|\($0)" }.joined(separator: "\n"))
      \(frame)
      """, sourceLocation: sourceLocation)
  }
}

/// The cells of `row` whose overlay is `overlay`, as text.
func overlaid(_ grid: CellGrid, row: Int, _ overlay: UIRole) -> String {
  var text = ""
  for column in 0..<grid.width where grid[column, row].style.overlay == overlay {
    if grid[column, row].width > 0 { text.append(grid[column, row].character) }
  }
  return text
}

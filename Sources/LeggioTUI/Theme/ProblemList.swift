import TOMLKit

/// The problems found while reading a theme file, each placed at the line of its key;
/// the earliest is the one reported.
struct ProblemList {
  let source: TOMLSource
  private(set) var problems: [ThemeError] = []

  init(source: TOMLSource) { self.source = source }

  mutating func add(_ path: [String], _ problem: String) {
    problems.append(
      .invalid(
        file: source.file, line: source.line(of: path), key: path.joined(separator: "."),
        problem: problem))
  }

  /// The problem on the earliest line.
  var first: ThemeError? {
    problems.min { ($0.line ?? .max) < ($1.line ?? .max) }
  }

  mutating func string(_ value: any TOMLValueConvertible, at path: [String], expected: String)
    -> String?
  {
    if let text = value.string { return text }
    add(path, "expected \(expected) in quotes")
    return nil
  }

  /// A colour reference, checked now when it is a literal colour and later, against the
  /// palette, when it is a name.
  mutating func colour(_ value: any TOMLValueConvertible, at path: [String]) -> ColorReference? {
    guard let text = value.string ?? value.int.map(String.init) else {
      add(path, ThemeParser.notAColour(value, paletteAllowed: true))
      return nil
    }
    return ColorReference(
      text: text, file: source.file, key: path.joined(separator: "."),
      line: source.line(of: path))
  }
}

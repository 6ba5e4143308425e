import TOMLKit
import LeggioModel

/// Reads a theme file's TOML into a `ThemeDefinition`, checking every key and value.
enum ThemeParser {
  static let topLevelKeys = ["name", "description", "inherits", "palette", "roles"]

  /// - Parameter defaultName: the name when the file has no `name` key (its file name
  ///   without `.toml`).
  static func parse(_ text: String, file: String, defaultName: String) throws(ThemeError)
    -> ThemeDefinition
  {
    let source: TOMLSource
    do {
      source = try TOMLSource(text: text, file: file)
    } catch {
      throw .syntax(file: file, line: error.line, column: error.column, message: error.message)
    }
    var problems = ProblemList(source: source)
    var definition = ThemeDefinition(
      name: defaultName, file: file, palette: [:], roles: [:])
    for (key, value) in source.table {
      switch key {
      case "name":
        if let name = problems.string(value, at: [key], expected: "a theme name") {
          if ThemeParser.isValidName(name) {
            definition.name = name
            definition.nameLine = source.line(of: [key])
          } else {
            problems.add(
              [key], "\"\(TerminalSafety.line(name, limit: 60))\" cannot name a theme; use letters, digits, - and _"
            )
          }
        }
      case "description":
        definition.summary = problems.string(value, at: [key], expected: "a short description")
          .map { TerminalSafety.line($0, limit: 200) }
      case "inherits":
        definition.inherits = problems.string(value, at: [key], expected: "a theme's name")
        definition.inheritsLine = source.line(of: [key])
      case "palette":
        definition.palette = parsePalette(value, problems: &problems)
      case "roles":
        definition.roles = parseRoles(value, problems: &problems)
      default:
        problems.add(
          [key],
          "themes have no such key\(Suggestion.hint(for: key, among: topLevelKeys)); "
            + "the keys are " + topLevelKeys.joined(separator: ", "))
      }
    }
    if let first = problems.first { throw first }
    return definition
  }

  static func isValidName(_ name: String) -> Bool {
    !name.isEmpty && name.count <= 64
      && name.unicodeScalars.allSatisfy {
        $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_"
      }
  }

  private static func parsePalette(_ value: any TOMLValueConvertible, problems: inout ProblemList)
    -> [String: ColorReference]
  {
    guard let table = value.table else {
      problems.add(
        ["palette"], "expected a table of named colours, like [palette] then bg = \"#1d2021\"")
      return [:]
    }
    var palette: [String: ColorReference] = [:]
    for (name, entry) in table {
      palette[name] = problems.colour(entry, at: ["palette", name])
    }
    return palette
  }

  private static func parseRoles(_ value: any TOMLValueConvertible, problems: inout ProblemList)
    -> [UIRole: RoleSpec]
  {
    guard let table = value.table else {
      problems.add(["roles"], "expected a table of roles, like [roles] then text = { fg = \"fg\" }")
      return [:]
    }
    var roles: [UIRole: RoleSpec] = [:]
    for (key, entry) in table {
      guard let role = UIRole(themeKey: key) else {
        let names = UIRole.allCases.map(\.rawValue)
        problems.add(
          ["roles", key],
          "there is no role named \"\(TerminalSafety.line(key, limit: 60))\""
            + Suggestion.hint(for: key, among: names) + "; "
            + "the roles are " + names.joined(separator: ", "))
        continue
      }
      roles[role] = parseRole(entry, path: ["roles", key], problems: &problems)
    }
    return roles
  }

  private static func parseRole(
    _ value: any TOMLValueConvertible, path: [String], problems: inout ProblemList
  ) -> RoleSpec {
    var spec = RoleSpec()
    if value.type == .string || value.type == .int {
      spec.foreground = problems.colour(value, at: path)
      return spec
    }
    guard let table = value.table else {
      problems.add(path, "expected a colour or a table such as { fg = \"blue\", bold = true }")
      return spec
    }
    for (key, entry) in table {
      let keyPath = path + [key]
      if key == "fg" {
        spec.foreground = problems.colour(entry, at: keyPath)
      } else if key == "bg" {
        spec.background = problems.colour(entry, at: keyPath)
      } else if let attribute = RoleSpec.attributes.first(where: { $0.name == key }) {
        if let flag = entry.bool {
          attribute.set(&spec, flag)
        } else {
          problems.add(keyPath, "expected true or false")
        }
      } else {
        problems.add(
          keyPath,
          "roles have no such key\(Suggestion.hint(for: key, among: RoleSpec.keys)); "
            + "a role takes " + RoleSpec.keys.joined(separator: ", "))
      }
    }
    return spec
  }

  static func notAColour(_ value: any TOMLValueConvertible, paletteAllowed: Bool) -> String {
    let written = value.string.map { "\"\(TerminalSafety.line($0, limit: 60))\"" } ?? TerminalSafety.line("\(value)", limit: 60)
    return "\(written) is not a colour; write \"#rrggbb\", a number 0-255, a name such as "
      + "\"red\", \"bright-blue\" or \"default\""
      + (paletteAllowed ? ", or a name from [palette]" : "")
  }
}

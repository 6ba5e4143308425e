import Foundation
import LeggioModel

/// What can be wrong with a theme file or a theme's name. Messages name the file, the
/// line and the key, the way compilers do (`nord.toml:12: roles.link.fg: ...`), so that
/// editors can jump to them.
public enum ThemeError: LocalizedError, Hashable, Sendable {
  /// The file could not be read.
  case unreadable(file: String, reason: String)
  /// The file is not valid TOML.
  case syntax(file: String, line: Int, column: Int, message: String)
  /// A key holds a value a theme cannot use, or is not a key themes have.
  case invalid(file: String, line: Int?, key: String, problem: String)
  /// No theme has this name (from `--theme` or the configuration).
  case unknownTheme(name: String, available: [String])

  public var errorDescription: String? {
    switch self {
    case .unreadable(let file, let reason):
      TerminalSafety.line(file, limit: 300) + ": cannot read this theme ("
        + TerminalSafety.line(reason, limit: 200) + "); the default theme is used instead"
    case .syntax(let file, let line, let column, let message):
      TerminalSafety.line(file, limit: 300) + ":\(line):\(column): not valid TOML: "
        + TerminalSafety.line(message, limit: 200)
    case .invalid(let file, let line, let key, let problem):
      TerminalSafety.line(file, limit: 300) + ":" + (line.map { "\($0):" } ?? "") + " "
        + TerminalSafety.line(key, limit: 100) + ": " + TerminalSafety.line(problem, limit: 600)
    case .unknownTheme(let name, let available):
      "there is no theme named \"\(TerminalSafety.line(name, limit: 60))\"; the themes are "
        + available.joined(separator: ", ")
    }
  }

  /// The file the problem is in, nil for an unknown theme name.
  public var file: String? {
    switch self {
    case .unreadable(let file, _), .syntax(let file, _, _, _), .invalid(let file, _, _, _): file
    case .unknownTheme: nil
    }
  }

  /// The 1-based line of the problem, when it is known.
  public var line: Int? {
    switch self {
    case .syntax(_, let line, _, _): line
    case .invalid(_, let line, _, _): line
    case .unreadable, .unknownTheme: nil
    }
  }

  /// The dotted key the problem is about (`roles.link.fg`), when there is one.
  public var key: String? {
    if case .invalid(_, _, let key, _) = self { return key }
    return nil
  }
}

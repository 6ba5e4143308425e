import Foundation
import LeggioModel

/// What can be wrong with `config.toml`. None of them stops Leggio: the setting concerned
/// keeps its default and the message is shown. Messages name the file, line and key the
/// way compilers do (`config.toml:7: keys.next-pge: ...`).
public enum ConfigurationError: LocalizedError, Hashable, Sendable {
  case unreadable(file: String, reason: String)
  /// Not valid TOML: every setting keeps its default.
  case syntax(file: String, line: Int, column: Int, message: String)
  /// A key Leggio does not know, or a value it cannot use.
  case invalid(file: String, line: Int?, key: String, problem: String)

  public var errorDescription: String? {
    switch self {
    case .unreadable(let file, let reason):
      TerminalSafety.line(file, limit: 300) + ": cannot read the configuration ("
        + TerminalSafety.line(reason, limit: 200) + "); using the defaults"
    case .syntax(let file, let line, let column, let message):
      TerminalSafety.line(file, limit: 300) + ":\(line):\(column): not valid TOML ("
        + TerminalSafety.line(message, limit: 200) + "); using the default settings"
    case .invalid(let file, let line, let key, let problem):
      TerminalSafety.line(file, limit: 300) + ":" + (line.map { "\($0):" } ?? "") + " "
        + TerminalSafety.line(key, limit: 100) + ": " + TerminalSafety.line(problem, limit: 600)
    }
  }

  public var file: String {
    switch self {
    case .unreadable(let file, _), .syntax(let file, _, _, _), .invalid(let file, _, _, _): file
    }
  }

  public var line: Int? {
    switch self {
    case .unreadable: nil
    case .syntax(_, let line, _, _): line
    case .invalid(_, let line, _, _): line
    }
  }

  public var key: String? {
    if case .invalid(_, _, let key, _) = self { return key }
    return nil
  }
}

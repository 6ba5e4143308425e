import Foundation

/// Why the terminal could not be used.
public enum TerminalError: LocalizedError, Equatable {
  /// Standard input or output is not a terminal (a pipe, a file, cron).
  case notATerminal
  /// ncurses could not set up the terminal named by `TERM`.
  case cannotInitialise(term: String)

  public var errorDescription: String? {
    switch self {
    case .notATerminal:
      "Leggio's reader needs a terminal, but its input or output is redirected; "
        + "use `leggio list` or `leggio show ID` in scripts"
    case .cannotInitialise(let term):
      "ncurses cannot drive the terminal type \"\(term)\"; set TERM to one it knows "
        + "(for example xterm-256color) and try again"
    }
  }
}

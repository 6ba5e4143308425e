import Foundation

/// Opens an address in the user's browser without leaving Leggio: `$BROWSER` (the first
/// of a `:`-separated list; `%s` in it stands for the address, else the address is
/// added at the end), else `xdg-open`. The address is handed to the shell as an argument,
/// never as part of the command, and the browser's output is discarded so it cannot
/// draw over the screen.
enum BrowserLauncher {
  /// Starts the browser; `ended` is called (from another thread) if it exits with an
  /// error.
  static func open(
    _ url: String, environment: [String: String],
    ended: @escaping @Sendable (String) -> Void
  ) throws {
    let browser = environment["BROWSER"].flatMap { value in
      value.split(separator: ":").first.map(String.init)
    }?.trimmingCharacters(in: .whitespaces)
    try DetachedCommand.start(
      browser, argument: url, variable: "$BROWSER", purpose: "browser",
      environment: environment, ended: ended)
  }
}

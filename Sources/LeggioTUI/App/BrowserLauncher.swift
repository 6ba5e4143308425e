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
    let process = Process()
    let browser = environment["BROWSER"].flatMap { value in
      value.split(separator: ":").first.map(String.init)
    }?.trimmingCharacters(in: .whitespaces)
    let name: String
    if let browser, !browser.isEmpty {
      name = "$BROWSER (\(browser))"
      let command =
        browser.contains("%s")
        ? browser.replacingOccurrences(of: "%s", with: "\"$1\"") : browser + " \"$1\""
      process.executableURL = URL(fileURLWithPath: "/bin/sh")
      process.arguments = ["-c", command, "leggio-browser", url]
    } else {
      name = "xdg-open (set $BROWSER to choose a browser)"
      process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
      process.arguments = ["xdg-open", url]
    }
    process.environment = environment
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    process.terminationHandler = { process in
      guard process.terminationStatus != 0 else { return }
      ended("\(name) failed with status \(process.terminationStatus)")
    }
    try process.run()
  }
}

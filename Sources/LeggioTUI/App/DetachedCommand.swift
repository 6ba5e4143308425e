import Foundation

/// Starts a program the user chose (`$BROWSER`, `$LEGGIO_IMAGE_VIEWER`) on one argument
/// without leaving Leggio or waiting for it: `%s` in the command stands for the argument,
/// else the argument is added at the end; the argument goes to the shell as `"$1"`, never
/// as part of the command. Without a command, `xdg-open`. Input and output are
/// `/dev/null`, so the program cannot draw over the screen or read the keys.
enum DetachedCommand {
  /// `variable`: the environment variable the command came from, for messages; `ended` is
  /// called (from another thread) if the program exits with an error.
  static func start(
    _ command: String?, argument: String, variable: String, purpose: String,
    environment: [String: String], ended: @escaping @Sendable (String) -> Void
  ) throws {
    let process = Process()
    let name: String
    if let command, !command.isEmpty {
      name = "\(variable) (\(command))"
      let line =
        command.contains("%s")
        ? command.replacingOccurrences(of: "%s", with: "\"$1\"") : command + " \"$1\""
      process.executableURL = URL(fileURLWithPath: "/bin/sh")
      process.arguments = ["-c", line, "leggio-" + purpose, argument]
    } else {
      name = "xdg-open (set \(variable) to choose a \(purpose))"
      process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
      process.arguments = ["xdg-open", argument]
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

import ArgumentParser
import Foundation

extension Leggio {
  /// Runs the command so that every failure is said the same way: one line
  /// `leggio: what is wrong`, exit status 1, or 64 when the command line itself is wrong
  /// (with where to read how it goes). Help goes to standard output, exit status 0.
  static func main() {
    if QuickShow.runIfAsked(Array(CommandLine.arguments.dropFirst())) { return }
    do {
      var command = try parseAsRoot()
      try command.run()
    } catch let exit as ExitCode {
      // Already reported where it happened.
      Foundation.exit(exit.rawValue)
    } catch {
      let code = exitCode(for: error)
      if code == .success {
        print(fullMessage(for: error))
        Foundation.exit(0)
      }
      if code == .validationFailure {
        Console.error(usageLine(for: error))
      } else {
        Console.error(error)
      }
      Foundation.exit(code.rawValue)
    }
  }

  /// A usage error in one line, naming the help that shows the right way:
  /// "--width must be between 1 and 1000 columns (see `leggio show --help`)".
  static func usageLine(for error: any Error) -> String {
    var message = message(for: error).trimmingCharacters(in: .whitespacesAndNewlines)
    if message.hasPrefix("Error: ") { message.removeFirst("Error: ".count) }
    message = message.split(whereSeparator: \.isNewline).joined(separator: "; ")
    let full = fullMessage(for: error, columns: 1000)
    if let start = full.range(of: "See '"), let end = full[start.upperBound...].firstIndex(of: "'")
    {
      return message + " (see `\(full[start.upperBound..<end])`)"
    }
    return message + " (see `leggio --help`)"
  }
}

import ArgumentParser
import Foundation
import LeggioStore

#if canImport(Glibc)
  import Glibc
#endif

/// Writing to the terminal or a pipe.
enum Console {
  /// Writes a line to standard output.
  static func out(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
  }

  /// Writes bytes to standard output with as few system calls as the pipe allows (a
  /// laid-out book in one go, not a line at a time).
  static func write(_ bytes: [UInt8]) {
    bytes.withUnsafeBytes { buffer in
      var offset = 0
      while offset < buffer.count {
        let written = Glibc.write(
          STDOUT_FILENO, buffer.baseAddress! + offset, buffer.count - offset)
        if written < 0 && errno == EINTR { continue }
        guard written > 0 else { return }  // a closed pipe: nothing more to say
        offset += written
      }
    }
  }

  /// Writes the pieces to standard output one after another, as `write` does each: a
  /// book laid out in slices needs no copy joining them first.
  static func write(pieces: [[UInt8]]) {
    for piece in pieces { write(piece) }
  }

  /// Writes raw text to standard error (the progress bar).
  static func errRaw(_ text: String) {
    FileHandle.standardError.write(Data(text.utf8))
  }

  /// Writes `leggio: message` to standard error.
  static func error(_ message: String) {
    errRaw("leggio: " + message.terminalSafe() + "\n")
  }

  static func error(_ error: any Error) {
    self.error(
      Library.describe(error) ?? (error as? LocalizedError)?.errorDescription ?? "\(error)")
  }

  static func isTerminal(_ fd: Int32) -> Bool { isatty(fd) == 1 }

  /// The width of standard output in cells; nil when it is not a terminal and `COLUMNS`
  /// is unset (output to a pipe is not cut).
  static func width() -> Int? {
    if isTerminal(STDOUT_FILENO) {
      var size = winsize()
      if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 {
        return Int(size.ws_col)
      }
    }
    if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init),
      columns > 0
    {
      return columns
    }
    return isTerminal(STDOUT_FILENO) ? 80 : nil
  }
}

/// Runs a command's body, printing any error as one `leggio: ...` line and exiting 1.
func reportingErrors(_ body: () throws -> Void) throws {
  do {
    try body()
  } catch let exit as ExitCode {
    throw exit
  } catch {
    Console.error(error)
    throw ExitCode.failure
  }
}

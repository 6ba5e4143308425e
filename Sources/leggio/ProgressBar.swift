import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A one-line progress bar on standard error, drawn only when standard error is a
/// terminal; other output clears it first and it is redrawn after.
struct ProgressBar {
  let total: Int
  let isVisible: Bool
  private var done = 0
  private var drawnAt = 0.0

  /// A bar for `total` steps, shown when there are at least `threshold` of them.
  init(total: Int, threshold: Int = 20) {
    self.total = total
    self.isVisible = total >= threshold && isatty(STDERR_FILENO) == 1
  }

  /// Prints a line to standard output without tearing the bar (which only needs moving
  /// when standard output is the same terminal).
  mutating func print(_ line: String) {
    guard isVisible && isatty(STDOUT_FILENO) == 1 else { return Console.out(line) }
    clear()
    Console.out(line)
    draw()
  }

  /// Prints an error line without tearing the bar.
  mutating func error(_ error: any Error) {
    clear()
    Console.error(error)
    draw()
  }

  mutating func advance() {
    done += 1
    let now = Date().timeIntervalSinceReferenceDate
    if now - drawnAt > 0.05 || done == total {
      drawnAt = now
      draw()
    }
  }

  func clear() {
    if isVisible { Console.errRaw("\r\u{1B}[2K") }
  }

  private func draw() {
    guard isVisible, total > 0 else { return }
    let slots = 30
    let filled = slots * done / total
    Console.errRaw(
      "\r[" + String(repeating: "#", count: filled) + String(repeating: " ", count: slots - filled)
        + "] \(done)/\(total)")
  }
}

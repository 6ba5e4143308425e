import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The bar a long library migration draws on standard error (a terminal only), for an
/// older library of many articles being brought up to date when first opened.
enum MigrationProgressBar {
  /// Fewer steps than this finish before a bar would be read.
  static let threshold = 2000

  static let report: @Sendable (String, Int, Int) -> Void = { step, done, total in
    guard total >= threshold, isatty(STDERR_FILENO) == 1 else { return }
    let slots = 30
    let filled = slots * min(done, total) / total
    Console.errRaw(
      "\r\u{1B}[2K" + "leggio: \(step) [" + String(repeating: "#", count: filled)
        + String(repeating: " ", count: slots - filled) + "] \(done)/\(total)"
        + (done >= total ? "\n" : ""))
  }
}

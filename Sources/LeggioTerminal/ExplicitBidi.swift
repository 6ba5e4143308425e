import Foundation

/// Leggio draws right-to-left text in visual order itself (see `BidiLineRenderer`), so a
/// terminal that reorders bidi text on its own (VTE's implicit mode, on by default) would
/// turn those lines back to front. The terminal-wg bidi recommendation's BDSM mode (ECMA-48
/// mode 8) says who does it: `CSI 8 l` asks for explicit mode (the terminal shows cells as
/// written), `CSI 8 h` gives back implicit mode, the terminal's default, on the way out.
/// Terminals without bidi support ignore both.
enum ExplicitBidi {
  static let enterSequence = "\u{1B}[8l"
  static let leaveSequence = "\u{1B}[8h"

  static func enter() { send(enterSequence) }
  static func leave() { send(leaveSequence) }

  private static func send(_ sequence: String) {
    var bytes = Array(sequence.utf8)
    _ = bytes.withUnsafeMutableBytes { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
  }
}

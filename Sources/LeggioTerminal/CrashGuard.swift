import CNcursesw
import Foundation

/// The handlers that were in place before `CrashGuard.install()` (Swift's backtracer),
/// indexed by signal number.
nonisolated(unsafe) private var previousActions: [sigaction] = Array(
  repeating: sigaction(), count: 65)

/// Gives the terminal back before a crash report, so a trap (a failed precondition, an
/// out-of-range index) never leaves the user's shell in raw mode on the alternate screen.
/// The previous handler (Swift's backtracer) then runs as it would have.
enum CrashGuard {
  static let signals = [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGFPE, SIGABRT]

  static func install() {
    for signal in signals {
      var action = sigaction()
      action.__sigaction_handler.sa_sigaction = { signal, info, context in
        endwin()
        let previous = previousActions[Int(signal)]
        if previous.sa_flags & SA_SIGINFO != 0,
          let handler = previous.__sigaction_handler.sa_sigaction
        {
          handler(signal, info, context)
          return
        }
        // No handler of its own before: die of the signal as the default does.
        var fallback = sigaction()
        fallback.__sigaction_handler.sa_handler = SIG_DFL
        sigaction(signal, &fallback, nil)
        raise(signal)
      }
      action.sa_flags = SA_SIGINFO | SA_ONSTACK
      sigemptyset(&action.sa_mask)
      sigaction(signal, &action, &previousActions[Int(signal)])
    }
  }
}

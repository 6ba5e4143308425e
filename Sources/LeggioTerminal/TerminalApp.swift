import CNcursesw
import Foundation
import LeggioPictures
import LeggioStore
import LeggioTUI

/// The signal that asked Leggio to stop (SIGINT, SIGTERM, SIGHUP), 0 while none has.
nonisolated(unsafe) private var pendingSignal: sig_atomic_t = 0

/// The terminal application: `leggio` with no subcommand runs this.
///
/// For the integrator:
/// ```
/// try TerminalApp.run(
///   library: library,                        // the real `Library`
///   themes: catalog.entries.map(\.theme),    // every theme, for `t` to cycle through
///   themeIndex: index of the configured or --theme one,
///   keyBindings: configuration.keyOverrides, // [Action: [Key]] from config.toml
///   settings: configuration.reader,          // [reader] width, justify, margin
///   problems: [String],                      // configuration/theme problems to show
///   feedRunner: FeedUpdateRunner?,           // updates feeds from the feeds screen (`F`, `u`)
///   syncRunner: SyncRunner?)                 // syncs from the library (`S`)
/// ```
/// It returns when the user quits (the reading position saved, the terminal restored)
/// and throws `TerminalError` when there is no terminal to run in.
public enum TerminalApp {
  public static func run(
    library: Library, themes: [Theme], themeIndex: Int = 0,
    keyBindings: [Action: [Key]] = [:], settings: ReaderSettings = .init(),
    problems: [String] = [], feedRunner: FeedUpdateRunner? = nil,
    syncRunner: SyncRunner? = nil
  ) throws {
    // Asked before ncurses starts, so that the terminal's answers never reach the keys.
    let found = TerminalGraphics.detectWithCell(
      settings.images, environment: ProcessInfo.processInfo.environment)
    let terminal = try Terminal.start()
    var settings = settings
    // Box drawing only where the locale's character set can show it.
    if settings.asciiBorders == nil { settings.asciiBorders = !terminal.isUTF8 }
    // Each theme brought down once to what this terminal shows.
    let themes = (themes.isEmpty ? [Theme.fallback] : themes).map {
      $0.adapted(to: terminal.colorDepth)
    }
    defer { terminal.stop() }
    installSignalHandlers()
    CrashGuard.install()
    let (width, height) = terminal.size
    let app = Application(
      library: library, width: width, height: height, keymap: Keymap.default.applying(keyBindings),
      settings: settings, themeNames: themes.map(\.name), themeIndex: themeIndex,
      pictures: PictureDisplay.resolve(
        settings.images, depth: terminal.colorDepth,
        environment: ProcessInfo.processInfo.environment, graphics: found.graphics))
    var writer: PictureWriter?
    if case .graphics(let kind) = app.state.pictures {
      writer = PictureWriter(graphics: kind, cell: found.cell)
    }
    app.suspendTerminal = { body in terminal.suspend(body) }
    app.feedRunner = feedRunner
    app.syncRunner = syncRunner
    app.start()
    if !problems.isEmpty { app.showProblems(problems) }
    while !app.state.shouldQuit {
      let theme = themes[min(app.state.themeIndex, themes.count - 1)]
      let placements = app.state.picturePlacements
      writer?.prepare(placements, terminal: terminal)
      terminal.draw(app.render(), theme: theme)
      writer?.draw(placements)
      let background = app.state.hasBackgroundWork
      let event = terminal.nextEvent(timeout: background ? 10 : 500)
      if pendingSignal != 0 {
        // Leave as the quit key would: the reading position is saved first.
        app.quit()
        break
      }
      // Reports of a feeds update or a sync running on other threads.
      app.drainInbox()
      if let event {
        // Keys typed into the library filter while it was reading are taken together:
        // one query for the text as it now stands, not one per stale keystroke.
        var typed = [event]
        while app.isTypingFilter, typed.count < 256,
          let next = terminal.nextEvent(timeout: 0)
        {
          typed.append(next)
        }
        if typed.count > 1 { app.send(typed: typed) } else { app.send(event) }
      } else if background {
        app.send(.tick)
      }
    }
  }

  /// SIGINT, SIGTERM and SIGHUP end the loop (which restores the terminal) instead of
  /// leaving it in raw mode; the read is interrupted, not restarted.
  private static func installSignalHandlers() {
    // A parent may have left them blocked (test runners do); unblock what we handle.
    var mask = sigset_t()
    sigemptyset(&mask)
    for signal in [SIGINT, SIGTERM, SIGHUP, SIGWINCH] { sigaddset(&mask, signal) }
    pthread_sigmask(SIG_UNBLOCK, &mask, nil)
    for signal in [SIGINT, SIGTERM, SIGHUP] {
      var action = sigaction()
      action.__sigaction_handler.sa_handler = { pendingSignal = sig_atomic_t($0) }
      sigemptyset(&action.sa_mask)
      action.sa_flags = 0
      sigaction(signal, &action, nil)
    }
  }
}

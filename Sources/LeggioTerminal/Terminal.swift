import CNcursesw
import Foundation
import LeggioTUI

/// The terminal through ncurses' wide-character API: the only place Leggio touches it.
///
/// `start()` sets the user's locale, raw mode, no echo, keypad keys, a short ESC delay,
/// the mouse wheel and colours; `stop()` (also run on SIGINT, SIGTERM and SIGHUP by the
/// app loop, and safe to call twice) gives the terminal back as it was.
public final class Terminal {
  private var screen: OpaquePointer?
  var palette: ColorPalette
  /// The last frame drawn, to draw only what changed; nil forces a full redraw.
  var previous: CellGrid?
  var previousTheme: Theme?
  private var stopped = false

  private init(screen: OpaquePointer?, palette: ColorPalette) {
    self.screen = screen
    self.palette = palette
  }

  /// Takes over the terminal.
  public static func start(environment: [String: String] = ProcessInfo.processInfo.environment)
    throws -> Terminal
  {
    guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
      throw TerminalError.notATerminal
    }
    setlocale(LC_ALL, "")
    // The ESC key alone should not wait a second for a possible escape sequence.
    if environment["ESCDELAY"] == nil { setenv("ESCDELAY", "25", 1) }
    guard let output = fdopen(STDOUT_FILENO, "w"), let input = fdopen(STDIN_FILENO, "r"),
      let screen = newterm(nil, output, input)
    else {
      throw TerminalError.cannotInitialise(term: environment["TERM"] ?? "(unset)")
    }
    set_term(screen)
    ExplicitBidi.enter()
    raw()
    noecho()
    nonl()
    keypad(leggio_stdscr(), true)
    _ = leggio_set_escdelay(25)
    curs_set(0)
    intrflush(leggio_stdscr(), false)
    mouseinterval(0)
    mousemask(leggio_button4_pressed() | leggio_button5_pressed(), nil)
    // ncurses sets COLORS in start_color(): before it the count is 0, and the depth found
    // from it was none in every terminal (no theme colours, no pictures).
    if has_colors() {
      start_color()
      use_default_colors()
    }
    let depth = ColorPalette.depth(environment: environment)
    return Terminal(screen: screen, palette: ColorPalette(depth: depth))
  }

  /// Whether the locale's character set (set from the environment by `start`) is UTF-8,
  /// so that box-drawing characters can be drawn.
  public var isUTF8: Bool {
    guard let codeset = nl_langinfo(nl_item(CODESET)) else { return false }
    return String(cString: codeset).uppercased().replacingOccurrences(of: "-", with: "") == "UTF8"
  }

  /// Gives the terminal back: leaves the alternate screen, restores modes and the cursor.
  public func stop() {
    guard !stopped else { return }
    stopped = true
    curs_set(1)
    endwin()
    ExplicitBidi.leave()
    if let screen { delscreen(screen) }
    screen = nil
  }

  deinit { stop() }

  /// Hands the terminal to another program (the note editor) while `body` runs, then
  /// takes it back and redraws everything.
  public func suspend(_ body: () -> Void) {
    def_prog_mode()
    endwin()
    ExplicitBidi.leave()
    body()
    ExplicitBidi.enter()
    reset_prog_mode()
    previous = nil
    clearok(leggio_stdscr(), true)
    refresh()
  }

  /// The terminal's size in cells.
  public var size: (width: Int, height: Int) {
    (Int(leggio_getmaxx(leggio_stdscr())), Int(leggio_getmaxy(leggio_stdscr())))
  }

  /// The colour depth in use.
  public var colorDepth: ColorDepth { palette.depth }

  /// Waits up to `milliseconds` (forever when negative) for input; nil when none came.
  public func nextEvent(timeout milliseconds: Int32) -> Event? {
    wtimeout(leggio_stdscr(), milliseconds)
    var character: wint_t = 0
    let status = get_wch(&character)
    switch status {
    case OK where character == 27:
      return escapeOrReply()
    case OK:
      return .key(KeyDecoder.character(UInt32(character)))
    case KEY_CODE_YES:
      let code = Int32(character)
      if code == leggio_key_resize() {
        previous = nil
        erase()
        let (width, height) = size
        return .resize(width: width, height: height)
      }
      if code == leggio_key_mouse() { return mouseEvent() }
      return KeyDecoder.keyCode(code).map { .key($0) }
    default:
      return nil
    }
  }

  /// An Esc read on its own: the Esc key, unless what follows it is a late answer from the
  /// terminal (`TerminalReply`), which is dropped whole. Characters read to decide that
  /// and that are keys are given back to ncurses.
  private func escapeOrReply() -> Event? {
    var following: [UInt32] = []
    var keyCode: Int32?
    wtimeout(leggio_stdscr(), 30)
    while following.count < 1024, TerminalReply.classify(following) == .partial {
      var next: wint_t = 0
      let status = get_wch(&next)
      if status == KEY_CODE_YES { keyCode = Int32(next) }
      guard status == OK else { break }
      following.append(UInt32(next))
    }
    if TerminalReply.classify(following) == .reply { return nil }
    if let keyCode { ungetch(keyCode) }
    for value in following.reversed() { unget_wch(wchar_t(value)) }
    return .key(.escape)
  }

  private func mouseEvent() -> Event? {
    var event = MEVENT()
    guard getmouse(&event) == OK else { return nil }
    if event.bstate & leggio_button4_pressed() != 0 { return .wheel(up: true) }
    if event.bstate & leggio_button5_pressed() != 0 { return .wheel(up: false) }
    return nil
  }
}

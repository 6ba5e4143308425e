import Foundation
import LeggioPictures

/// Which pictures of its own the terminal shows, found before the screen starts: the
/// setting (`images = "kitty"`…) when it names a protocol; else, for `auto`, the answer to
/// kitty's graphics query and to the device attributes (`CSI c`, where a `4` means sixel),
/// read from the terminal with a timeout before ncurses reads any key, so the answers
/// never reach the key input. Inside tmux (which answers for itself and does not pass
/// these pictures through unless configured to) and without an answer: none, so symbols.
enum TerminalGraphics {
  /// What was found: the pictures the terminal shows, and its cell size in pixels when
  /// it said (`CSI 16 t`).
  struct Found: Equatable {
    var graphics: PictureStream.Graphics?
    var cell: (width: Int, height: Int)?

    static func == (a: Found, b: Found) -> Bool {
      a.graphics == b.graphics && a.cell?.width == b.cell?.width && a.cell?.height == b.cell?.height
    }
  }

  static func detect(
    _ setting: PictureMode, environment: [String: String], timeout milliseconds: Int32 = 300
  ) -> PictureStream.Graphics? {
    detectWithCell(setting, environment: environment, timeout: milliseconds).graphics
  }

  static func detectWithCell(
    _ setting: PictureMode, environment: [String: String], timeout milliseconds: Int32 = 300
  ) -> Found {
    var named: PictureStream.Graphics?
    switch setting {
    case .kitty: named = .kitty
    case .sixel: named = .sixel
    case .iterm: named = .iterm
    case .off, .symbols: return Found()
    case .auto:
      if environment["TMUX"] != nil || environment["STY"] != nil { return Found() }
      if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return Found() }
      if environment["TERM_PROGRAM"] == "iTerm.app" { named = .iterm }
    }
    // A named protocol is used as it is; the terminal is still asked for its cell size.
    guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1,
      let reply = query(timeout: milliseconds)
    else { return Found(graphics: named) }
    return Found(graphics: named ?? capabilities(reply), cell: cellSize(reply))
  }

  /// kitty's query (an image id 31, one RGB pixel, `a=q`: answered only by terminals with
  /// the protocol), the cell size (`CSI 16 t`), then the primary device attributes, which
  /// every terminal answers: their reply ends the wait.
  static let question = Array(
    "\u{1B}_Gi=31,s=1,v=1,a=q,t=d,f=24;AAAA\u{1B}\\\u{1B}[16t\u{1B}[c".utf8)

  /// The cell size from the reply to `CSI 16 t` (`CSI 6 ; height ; width t`).
  static func cellSize(_ reply: [UInt8]) -> (width: Int, height: Int)? {
    let text = String(decoding: reply, as: UTF8.self)
    guard let start = text.range(of: "\u{1B}[6;"),
      let end = text[start.upperBound...].firstIndex(of: "t")
    else { return nil }
    let numbers = text[start.upperBound..<end].split(separator: ";").compactMap { Int($0) }
    guard numbers.count == 2, (4...200).contains(numbers[0]), (2...100).contains(numbers[1])
    else { return nil }
    return (numbers[1], numbers[0])
  }

  /// What the reply says: kitty when it acknowledges image 31, else sixel when the device
  /// attributes list 4; nil for neither.
  static func capabilities(_ reply: [UInt8]) -> PictureStream.Graphics? {
    let text = String(decoding: reply, as: UTF8.self)
    if text.contains("\u{1B}_Gi=31;OK") { return .kitty }
    guard let start = text.range(of: "\u{1B}[?"),
      let end = text[start.upperBound...].firstIndex(of: "c")
    else { return nil }
    let attributes = text[start.upperBound..<end].split(separator: ";")
    return attributes.contains("4") ? .sixel : nil
  }

  /// Whether `reply` holds the whole device-attributes answer.
  static func isComplete(_ reply: [UInt8]) -> Bool {
    let text = String(decoding: reply, as: UTF8.self)
    guard let start = text.range(of: "\u{1B}[?") else { return false }
    return text[start.upperBound...].contains("c")
  }

  /// Asks the terminal on /dev/tty in non-canonical mode without echo and reads until the
  /// device attributes arrive or `timeout` passes; the terminal's modes are restored.
  private static func query(timeout: Int32) -> [UInt8]? {
    let tty = open("/dev/tty", O_RDWR | O_NOCTTY)
    guard tty >= 0 else { return nil }
    defer { close(tty) }
    var saved = termios()
    guard tcgetattr(tty, &saved) == 0 else { return nil }
    var raw = saved
    raw.c_lflag &= ~tcflag_t(ICANON | ECHO)
    guard tcsetattr(tty, TCSANOW, &raw) == 0 else { return nil }
    defer { tcsetattr(tty, TCSANOW, &saved) }
    guard
      question.withUnsafeBufferPointer({ write(tty, $0.baseAddress, $0.count) }) == question.count
    else { return nil }
    var reply: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 256)
    let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(timeout) * 1_000_000
    while !isComplete(reply) && reply.count < 4096 {
      let now = DispatchTime.now().uptimeNanoseconds
      guard now < deadline else { break }
      var descriptor = pollfd(fd: tty, events: Int16(POLLIN), revents: 0)
      let left = Int32((deadline - now) / 1_000_000) + 1
      guard poll(&descriptor, 1, left) > 0 else { break }
      let count = read(tty, &buffer, buffer.count)
      guard count > 0 else { break }
      reply += buffer[0..<count]
    }
    return reply
  }
}

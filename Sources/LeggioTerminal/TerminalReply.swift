/// The terminal's answers to the questions asked before the screen starts (kitty's
/// graphics query, the cell size, the device attributes): when one arrives after the
/// wait for it ended (a slow link), it reaches the key input, where its `ESC [ ? … c`
/// would read as Esc, `?` and digits. `Terminal.nextEvent` gives the characters after an
/// Esc to `classify` and drops what is such an answer.
enum TerminalReply {
  enum Verdict: Equatable {
    /// An answer, whole: dropped.
    case reply
    /// The start of one: read on.
    case partial
    /// Keys.
    case notAReply
  }

  /// What the characters after an Esc are.
  static func classify(_ following: [UInt32]) -> Verdict {
    guard let first = following.first else { return .partial }
    switch first {
    case 0x5B:  // [
      return controlSequence(following.dropFirst())
    case 0x5F, 0x50:  // _ (kitty's APC), P (a DCS answer): up to the string terminator
      if first == 0x5F, following.count > 1, following[1] != 0x47 { return .notAReply }  // _G
      guard following.count >= 2 else { return .partial }
      if let escape = following.dropFirst().firstIndex(of: 0x1B) {
        guard escape + 1 < following.count else { return .partial }
        return following[escape + 1] == 0x5C && escape + 2 == following.count ? .reply : .notAReply
      }
      return .partial
    default:
      return .notAReply
    }
  }

  /// After `ESC [`: the device attributes (`? digits ; … c`) or a window report
  /// (`digits ; digits ; digits t`).
  private static func controlSequence(_ body: ArraySlice<UInt32>) -> Verdict {
    guard let first = body.first else { return .partial }
    let isQuestion = first == 0x3F  // ?
    let parameters = isQuestion ? body.dropFirst() : body
    for (index, value) in zip(parameters.indices, parameters) {
      switch value {
      case 0x30...0x39, 0x3B: continue  // digits and ;
      case 0x63:  // c
        return isQuestion && index == parameters.indices.last ? .reply : .notAReply
      case 0x74:  // t
        let fields = parameters[..<index].split(separator: 0x3B)
        return !isQuestion && fields.count == 3 && index == parameters.indices.last
          ? .reply : .notAReply
      default:
        return .notAReply
      }
    }
    // Only digits so far: a report has at least one; a key like `ESC [ 1` is read on.
    return .partial
  }
}

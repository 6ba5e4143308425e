import CNcursesw
import LeggioTUI

/// What `get_wch` reads, as Leggio's `Key`s.
enum KeyDecoder {
  /// A character `get_wch` read (status `OK`).
  static func character(_ value: UInt32) -> Key {
    switch value {
    case 10, 13: return .enter
    case 27: return .escape
    case 8, 127: return .backspace
    case 9: return .tab
    case 0: return .control(" ")
    case 1...26: return .control(Character(Unicode.Scalar(value + 96)!))
    default:
      guard let scalar = Unicode.Scalar(value) else { return .character("\u{FFFD}") }
      return .character(Character(scalar))
    }
  }

  /// A key code `get_wch` read (status `KEY_CODE_YES`).
  static func keyCode(_ code: Int32) -> Key? {
    switch code {
    case KEY_UP: return .up
    case KEY_DOWN: return .down
    case KEY_LEFT: return .left
    case KEY_RIGHT: return .right
    case KEY_NPAGE: return .pageDown
    case KEY_PPAGE: return .pageUp
    case KEY_HOME: return .home
    case KEY_END: return .end
    case KEY_BACKSPACE: return .backspace
    case KEY_DC: return .delete
    case KEY_ENTER: return .enter
    case KEY_BTAB: return .backTab
    case leggio_key_f(1)...leggio_key_f(24): return .function(Int(code - leggio_key_f(0)))
    default: return nil
    }
  }
}

import Foundation
import LeggioModel

/// Key names as people write them in `config.toml` and read them on help screens:
/// `j`, `J`, `?`, `Space`, `Enter`, `Esc`, `Tab`, `S-Tab`, `Backspace`, `Delete`, `Up`,
/// `Down`, `Left`, `Right`, `PgUp`, `PgDn`, `Home`, `End`, `F1`…`F24`, `C-d` (also
/// `Ctrl-d`, `Ctrl+d`, `^D`), each optionally in angle brackets as vim writes them
/// (`<C-d>`). Named keys ignore case; a single character is itself (`j` is not `J`).
public enum KeyName {
  /// The key a name stands for, nil when it names none.
  public static func parse(_ name: String) -> Key? {
    var text = name.trimmingCharacters(in: .whitespaces)
    if text.count > 2, text.hasPrefix("<"), text.hasSuffix(">") {
      text = String(text.dropFirst().dropLast())
    }
    if text.count == 1, let character = text.first {
      return character.unicodeScalars.contains(where: TerminalSafety.isUnsafe)
        ? nil : .character(character)
    }
    let lower = text.lowercased()
    if let key = named[lower] { return key }
    if lower.first == "f", let number = Int(lower.dropFirst()), (1...24).contains(number),
      !lower.dropFirst().hasPrefix("0")
    {
      return .function(number)
    }
    for prefix in ["c-", "ctrl-", "ctrl+", "control-", "^"] where lower.hasPrefix(prefix) {
      let rest = lower.dropFirst(prefix.count)
      if rest.count == 1, let letter = rest.first, ("a"..."z").contains(letter) {
        return .control(letter)
      }
    }
    return nil
  }

  /// The name of a key, which `parse` reads back as the same key.
  public static func describe(_ key: Key) -> String {
    switch key {
    case .character(" "): "Space"
    case .character(let character):
      character.unicodeScalars.contains(where: TerminalSafety.isUnsafe)
        ? TerminalSafety.line(String(character), limit: 60) : String(character)
    case .control(let letter): "C-" + String(letter).lowercased()
    case .enter: "Enter"
    case .escape: "Esc"
    case .backspace: "Backspace"
    case .tab: "Tab"
    case .backTab: "S-Tab"
    case .delete: "Delete"
    case .up: "Up"
    case .down: "Down"
    case .left: "Left"
    case .right: "Right"
    case .pageUp: "PgUp"
    case .pageDown: "PgDn"
    case .home: "Home"
    case .end: "End"
    case .function(let number): "F\(number)"
    }
  }

  /// What `parse` accepts, for error messages.
  public static let expected =
    "a single character (j, J, ?), Space, Enter, Esc, Tab, S-Tab, Backspace, Delete, Up, "
    + "Down, Left, Right, PgUp, PgDn, Home, End, F1 to F24, or C-x / Ctrl-x for Ctrl and a letter"

  private static let named: [String: Key] = [
    "space": .character(" "), "spc": .character(" "),
    "enter": .enter, "return": .enter, "ret": .enter, "cr": .enter,
    "esc": .escape, "escape": .escape,
    "tab": .tab, "s-tab": .backTab, "shift-tab": .backTab, "backtab": .backTab,
    "backspace": .backspace, "bs": .backspace, "bksp": .backspace,
    "delete": .delete, "del": .delete,
    "up": .up, "down": .down, "left": .left, "right": .right,
    "pgup": .pageUp, "pageup": .pageUp, "page-up": .pageUp,
    "pgdn": .pageDown, "pgdown": .pageDown, "pagedown": .pageDown, "page-down": .pageDown,
    "home": .home, "end": .end,
    "lt": .character("<"), "gt": .character(">"), "bar": .character("|"),
  ]
}

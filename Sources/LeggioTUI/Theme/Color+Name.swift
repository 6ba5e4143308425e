import Foundation

/// Colours as people write them in theme files: `#rrggbb`, `#rgb`, a number 0–255, or a
/// name (`red`, `bright-blue`, `default`).
extension Color {
  /// The 16 colour names, in the terminal's index order; `bright-` names are 8–15.
  public static let names: [String] = [
    "black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
    "bright-black", "bright-red", "bright-green", "bright-yellow", "bright-blue",
    "bright-magenta", "bright-cyan", "bright-white",
  ]

  /// Other spellings people reach for.
  private static let aliases: [String: UInt8] = [
    "gray": 8, "grey": 8, "bright-gray": 7, "bright-grey": 7, "orange": 208, "purple": 5,
  ]

  /// Parses a colour written in a theme, or nil when `text` is not one.
  public init?(parsing text: String) {
    let value = text.trimmingCharacters(in: .whitespaces).lowercased()
    if value == "default" || value == "none" {
      self = .terminalDefault
    } else if value.hasPrefix("#") {
      guard let rgb = Color.hexComponents(value.dropFirst()) else { return nil }
      self = .rgb(rgb.0, rgb.1, rgb.2)
    } else if let number = UInt8(value) {
      self = .indexed(number)
    } else {
      let name = value.replacingOccurrences(of: "_", with: "-")
      if let index = Color.names.firstIndex(of: name) {
        self = .indexed(UInt8(index))
      } else if let index = Color.aliases[name] {
        self = .indexed(index)
      } else {
        return nil
      }
    }
  }

  /// Parses a theme's integer colour (`fg = 208`).
  public init?(index: Int) {
    guard let value = UInt8(exactly: index) else { return nil }
    self = .indexed(value)
  }

  /// The colour as a theme file would write it: the inverse of `init(parsing:)`.
  public var themeText: String {
    switch self {
    case .terminalDefault: "default"
    case .indexed(let i) where i < 16: Color.names[Int(i)]
    case .indexed(let i): String(i)
    case .rgb(let r, let g, let b): "#" + [r, g, b].map(Color.hexByte).joined()
    }
  }

  /// The RGB value the colour stands for (xterm's palette for indexed colours), nil for
  /// the terminal's default, which only the terminal knows.
  public var rgbValue: (red: UInt8, green: UInt8, blue: UInt8)? {
    switch self {
    case .terminalDefault: nil
    case .indexed(let i): Color.rgbOf256(i)
    case .rgb(let r, let g, let b): (r, g, b)
    }
  }

  private static func hexComponents(_ digits: Substring) -> (UInt8, UInt8, UInt8)? {
    let hex = Array(digits)
    guard hex.allSatisfy(\.isHexDigit) else { return nil }
    func byte(_ characters: [Character]) -> UInt8? { UInt8(String(characters), radix: 16) }
    switch hex.count {
    case 6:
      guard let r = byte(Array(hex[0..<2])), let g = byte(Array(hex[2..<4])),
        let b = byte(Array(hex[4..<6]))
      else { return nil }
      return (r, g, b)
    case 3:
      guard let r = byte([hex[0], hex[0]]), let g = byte([hex[1], hex[1]]),
        let b = byte([hex[2], hex[2]])
      else { return nil }
      return (r, g, b)
    default:
      return nil
    }
  }

  private static func hexByte(_ value: UInt8) -> String {
    let digits = String(value, radix: 16)
    return digits.count == 1 ? "0" + digits : digits
  }
}

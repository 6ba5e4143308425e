/// A colour as a theme writes it, and what a terminal can show of it.
public enum Color: Hashable, Sendable {
  /// The terminal's own default foreground or background.
  case terminalDefault
  /// One of the 256 indexed colours (0–15 are the terminal's 16 named colours).
  case indexed(UInt8)
  case rgb(UInt8, UInt8, UInt8)
}

/// How many colours the terminal shows.
public enum ColorDepth: Hashable, Sendable {
  case none, sixteen, indexed256, trueColor
}

/// A style resolved to colours and attributes, ready for the terminal.
public struct ResolvedStyle: Hashable, Sendable {
  public var foreground: Color
  public var background: Color
  public var bold: Bool
  public var italic: Bool
  public var underline: Bool
  public var reverse: Bool
  public var dim: Bool

  public init(
    foreground: Color = .terminalDefault, background: Color = .terminalDefault, bold: Bool = false,
    italic: Bool = false, underline: Bool = false, reverse: Bool = false, dim: Bool = false
  ) {
    self.foreground = foreground
    self.background = background
    self.bold = bold
    self.italic = italic
    self.underline = underline
    self.reverse = reverse
    self.dim = dim
  }
}

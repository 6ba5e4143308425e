/// A key press, as the terminal layer reports it.
public enum Key: Hashable, Sendable {
  case character(Character)
  /// Control plus a letter, lower case: `.control("d")` for Ctrl-D.
  case control(Character)
  case enter, escape, backspace, tab, backTab, delete
  case up, down, left, right, pageUp, pageDown, home, end
  case function(Int)
}

/// What reaches `update`: input from the terminal and ticks for background work.
public enum Event: Hashable, Sendable {
  case key(Key)
  /// One notch of the mouse wheel.
  case wheel(up: Bool)
  case click(column: Int, row: Int)
  case resize(width: Int, height: Int)
  /// Nothing happened for a while; background work (pagination) may proceed.
  case tick
}

import LeggioLayout

// INTEGRATION: this is a copy of `ReaderSettings` from the configuration work
// (`Sources/LeggioTUI/Config/Configuration.swift` on main), with the same API, so the
// reader codes against it now. Delete this file when merging with the configuration.

/// The `[reader]` table: how articles are laid out.
public struct ReaderSettings: Hashable, Sendable {
  /// The widest text column, in cells (`LayoutOptions.measure`).
  public var width: Int
  /// Justify paragraphs.
  public var justify: Bool
  /// Cells kept free on each side when the screen is narrower than `width`.
  public var margin: Int

  public init(width: Int = 72, justify: Bool = true, margin: Int = 1) {
    self.width = width
    self.justify = justify
    self.margin = margin
  }

  /// `options` with these settings applied.
  public func applied(to options: LayoutOptions) -> LayoutOptions {
    var options = options
    options.measure = width
    options.justify = justify
    options.margin = margin
    return options
  }
}

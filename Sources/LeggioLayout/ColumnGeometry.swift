/// Where the text column sits on the screen: at most `LayoutOptions.measure` cells wide,
/// centred when the screen is wider than the measure plus the margins, else the screen
/// less `margin` cells on each side.
public struct ColumnGeometry: Hashable, Sendable {
  /// The first cell of the column, from the left edge of the screen.
  public let left: Int
  /// The column's width in cells (at least 1).
  public let width: Int

  public init(_ options: LayoutOptions) {
    let screen = max(1, options.width)
    let margin = max(0, options.margin)
    let measure = max(1, options.measure)
    if screen >= measure + 2 * margin {
      width = measure
      left = (screen - measure) / 2
    } else if screen - 2 * margin >= 1 {
      width = screen - 2 * margin
      left = margin
    } else {
      width = screen
      left = 0
    }
  }
}

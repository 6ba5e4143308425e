/// What a terminal under `AppState.minimumSize` shows until it grows.
enum TooSmallView {
  static func draw(into grid: inout CellGrid) {
    guard grid.width > 0, grid.height > 0 else { return }
    let lines = ["Too small", "for Leggio", "(20x6 min)"]
    let shown = Array(lines.prefix(grid.height))
    let top = max(0, (grid.height - shown.count) / 2)
    for (index, line) in shown.enumerated() {
      grid.putCentered(line, row: top + index, style: CellStyle(.notice))
    }
  }
}

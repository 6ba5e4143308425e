/// A line of the flow: line `line` of unit `unit` (the title block or a document block).
struct FlowPosition: Comparable, Hashable {
  var unit: Int
  var line: Int

  static func < (a: FlowPosition, b: FlowPosition) -> Bool {
    (a.unit, a.line) < (b.unit, b.line)
  }
}

/// What pagination needs to know about the units: how many lines each takes and how
/// it may be placed. Nothing else: page breaks never depend on the text of a line.
protocol FlowMetrics {
  var unitCount: Int { get }
  func lineCount(_ unit: Int) -> Int
  func placement(_ unit: Int) -> FlowUnit.Placement
  /// Whether a blank line sets unit `unit` apart from the one before it.
  func isSeparated(_ unit: Int) -> Bool
}

/// Cuts the flow of units into pages of `height` lines, one unit at a time, so that
/// pagination can stop anywhere and resume later (the lazy layout).
///
/// Rules: units are separated by one blank line, dropped at the top of a page; a paragraph
/// never leaves a single line at the bottom (orphan) or top (widow) of a page — it moves
/// whole or gives up a line to the next page; a unit kept together moves to the next page
/// when it does not fit; a heading is never the last thing on a page: it moves with the
/// first two lines of what follows. Pages under 4 lines are filled without these rules,
/// and a unit taller than a page is split where it must.
struct Paginator {
  let height: Int
  /// Where each page starts; page 0 starts at the first line.
  private(set) var pageStarts = [FlowPosition(unit: 0, line: 0)]
  /// The next line to place.
  private(set) var cursor = FlowPosition(unit: 0, line: 0)
  private(set) var isComplete = false
  /// Lines used on the current (last) page.
  private var used = 0
  /// The last unit placed on this page was a heading.
  private var afterHeading = false

  init(height: Int) { self.height = max(1, height) }

  /// Places the rest of the unit at the cursor, or some of it, or starts a new page.
  mutating func step(_ flow: some FlowMetrics) {
    guard !isComplete else { return }
    let unit = cursor.unit
    guard unit < flow.unitCount else {
      isComplete = true
      return
    }
    let remaining = flow.lineCount(unit) - cursor.line
    let separator = used > 0 && cursor.line == 0 && flow.isSeparated(unit) ? 1 : 0
    let placement = flow.placement(unit)
    let room = height - used - separator
    if remaining <= room
      && (placement != .heading || used == 0 || linesNeeded(after: unit, flow) <= room - remaining)
    {
      used += separator + remaining
      afterHeading = placement == .heading
      cursor = FlowPosition(unit: unit + 1, line: 0)
      if cursor.unit >= flow.unitCount { isComplete = true }
      return
    }
    if used > 0 && placement != .splittable {
      newPage()
      return
    }
    var take: Int
    if used > 0 {
      take = linesToKeep(remaining, room: room)
      if take == 0 {
        newPage()
        return
      }
    } else {
      take = min(remaining, height)
      if placement == .splittable && height >= 4 && remaining - take == 1 { take -= 1 }
    }
    cursor.line += take
    used += separator + take
    newPage()
  }

  private mutating func newPage() {
    pageStarts.append(cursor)
    used = 0
    afterHeading = false
  }

  /// How many of a paragraph's `remaining` lines stay on this page when only `room` fit:
  /// at least 2, leaving at least 2; 0 moves the paragraph to the next page.
  private func linesToKeep(_ remaining: Int, room: Int) -> Int {
    if height < 4 { return max(0, min(room, remaining)) }
    // A heading must not end the page, even at the price of an orphan (pages too short
    // for a heading and two lines).
    if afterHeading && room >= 1 && room < 2 { return 1 }
    guard room >= 2 else { return 0 }
    var take = min(room, remaining)
    if remaining - take < 2 { take = remaining - 2 }
    if afterHeading && take < 1 { return 1 }
    return take >= 2 ? take : 0
  }

  /// The lines that must follow a heading on its page: a blank line and the first two
  /// lines of the next paragraph (all of a unit kept together; through a further heading
  /// or two). A longer run of headings is a contents list: each entry needs only the
  /// next, so the list fills its pages instead of taking one each.
  private func linesNeeded(after unit: Int, _ flow: some FlowMetrics) -> Int {
    var needed = 0
    var next = unit + 1
    var headings = 0
    while next < flow.unitCount {
      let lines = flow.lineCount(next)
      let separator = flow.isSeparated(next) ? 1 : 0
      switch flow.placement(next) {
      case .heading:
        needed += separator + lines
        headings += 1
        // In a contents list (entries joined without blank lines) the next entry is enough.
        if separator == 0 || headings == 3 { return needed }
        next += 1
        continue
      case .splittable: needed += separator + min(2, lines)
      case .keepTogether: needed += 1 + lines
      }
      break
    }
    return needed
  }
}

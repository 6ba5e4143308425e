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
  /// The note references on the lines of unit `unit` whose notes go at the foot of the
  /// page (none when notes are shown only on demand).
  func footNotes(_ unit: Int) -> [FootNote.Reference]
  /// The lines note `note` takes at the foot of a page.
  func footNoteLines(_ note: Int) -> Int
  /// Whether line `line` of unit `unit` ends with a hyphen the layout drew.
  func endsWithHyphen(_ unit: Int, line: Int) -> Bool
}

extension FlowMetrics {
  func footNotes(_ unit: Int) -> [FootNote.Reference] { [] }
  func footNoteLines(_ note: Int) -> Int { 0 }
  func endsWithHyphen(_ unit: Int, line: Int) -> Bool { false }
}

/// Cuts the flow of units into pages of `height` lines, one unit at a time, so that
/// pagination can stop anywhere and resume later (the lazy layout).
///
/// Rules: units are separated by one blank line, dropped at the top of a page; a paragraph
/// never leaves a single line at the bottom (orphan) or top (widow) of a page — it moves
/// whole or gives up a line to the next page; a unit kept together moves to the next page
/// when it does not fit; a heading is never the last thing on a page: it moves with the
/// first two lines of what follows; a page does not end with a word broken by a hyphen
/// when its paragraph can give the next page one more line (TeX's `\brokenpenalty`, at
/// the price of a page one line short). Pages under 4 lines are filled without these rules,
/// and a unit taller than a page is split where it must. The notes referred to from a
/// page's lines are set at its foot (`FootNote`): their lines and a rule are kept free
/// there, and a line whose notes do not fit moves to the next page with them; a note
/// longer than a third of the page stays on demand.
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
  /// The notes set at the foot of each page, in order, for the pages in `pageStarts`.
  private(set) var pageNotes: [[Int]] = [[]]
  /// Lines kept at the foot of the current page: its notes and their rule.
  private var footUsed = 0

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
    let room = height - used - separator - footUsed
    if remaining <= room
      && (placement != .heading || used == 0 || linesNeeded(after: unit, flow) <= room - remaining)
    {
      let foot = footCost(flow, unit, cursor.line..<cursor.line + remaining, room: nil)
      if remaining + foot.lines <= room {
        place(separator + remaining, foot)
        afterHeading = placement == .heading
        cursor = FlowPosition(unit: unit + 1, line: 0)
        if cursor.unit >= flow.unitCount { isComplete = true }
        return
      }
    }
    if used > 0 && placement != .splittable {
      newPage()
      return
    }
    var take: Int
    var foot: (notes: [Int], lines: Int)
    if used > 0 {
      // As many lines as keep their notes on the page, widows and orphans avoided.
      var limit = room
      repeat {
        take = linesToKeep(remaining, room: limit)
        foot = footCost(flow, unit, cursor.line..<cursor.line + take, room: nil)
        limit = take - 1
      } while take > 0 && take + foot.lines > room
      if take == 0 {
        newPage()
        return
      }
      // A word broken at the page's foot goes over with its line (two hyphenated lines in
      // a row: both), the paragraph keeping two lines here or moving whole.
      var kept = take
      while kept > 0 && endsWithHyphen(flow, unit, kept) { kept -= 1 }
      if kept < 2 { kept = 0 }
      if height >= 4 && kept != take && (kept > 0 || !afterHeading) {
        take = kept
        if take == 0 {
          newPage()
          return
        }
        foot = footCost(flow, unit, cursor.line..<cursor.line + take, room: nil)
      }
    } else {
      take = min(remaining, height)
      if placement == .splittable && height >= 4 && remaining - take == 1 { take -= 1 }
      while placement == .splittable && height >= 4 && take > 2 && remaining > take
        && endsWithHyphen(flow, unit, take)
      {
        take -= 1
      }
      foot = footCost(flow, unit, cursor.line..<cursor.line + take, room: nil)
      while take > 1 && take + foot.lines > height {
        take -= 1
        foot = footCost(flow, unit, cursor.line..<cursor.line + take, room: nil)
      }
      // A line whose notes cannot all fit even alone keeps those that do.
      if take + foot.lines > height {
        foot = footCost(flow, unit, cursor.line..<cursor.line + take, room: height - take)
      }
    }
    cursor.line += take
    place(separator + take, foot)
    newPage()
  }

  /// Whether the `take`th line from the cursor of `unit` ends with a hyphen.
  private func endsWithHyphen(_ flow: some FlowMetrics, _ unit: Int, _ take: Int) -> Bool {
    flow.endsWithHyphen(unit, line: cursor.line + take - 1)
  }

  private mutating func place(_ lines: Int, _ foot: (notes: [Int], lines: Int)) {
    used += lines
    pageNotes[pageNotes.count - 1] += foot.notes
    footUsed += foot.lines
  }

  private mutating func newPage() {
    pageStarts.append(cursor)
    pageNotes.append([])
    used = 0
    footUsed = 0
    afterHeading = false
  }

  /// The notes that lines `lines` of `unit` bring to this page and the foot lines they
  /// add (the rule with the first). Notes longer than a third of the page stay on
  /// demand; with `room`, only the notes that fit in it, in order.
  private func footCost(_ flow: some FlowMetrics, _ unit: Int, _ lines: Range<Int>, room: Int?)
    -> (notes: [Int], lines: Int)
  {
    var notes: [Int] = []
    var cost = 0
    let onPage = pageNotes[pageNotes.count - 1]
    for reference in flow.footNotes(unit)
    where lines.contains(reference.line) && !onPage.contains(reference.note)
      && !notes.contains(reference.note)
    {
      let count = flow.footNoteLines(reference.note)
      guard count > 0 && count <= max(1, height / 3),
        !reaches(flow, from: unit, line: lines.lowerBound, to: reference.noteUnit)
      else { continue }
      let rule = footUsed == 0 && notes.isEmpty ? 1 : 0
      if let room, cost + rule + count > room { continue }
      notes.append(reference.note)
      cost += rule + count
    }
    return (notes, cost)
  }

  /// Whether unit `target` (a note) starts on this page anyway after the lines of `unit`
  /// from `line`: a short text's notes list is not repeated at the foot.
  private func reaches(_ flow: some FlowMetrics, from unit: Int, line: Int, to target: Int)
    -> Bool
  {
    guard target > unit else { return false }
    let room = height - used - footUsed
    var needed = flow.lineCount(unit) - line
    var next = unit + 1
    while needed <= room && next <= target {
      needed += (flow.isSeparated(next) ? 1 : 0) + (next == target ? 1 : flow.lineCount(next))
      next += 1
    }
    return needed <= room
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
